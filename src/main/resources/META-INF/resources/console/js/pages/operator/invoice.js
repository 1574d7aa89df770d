// One invoice (operator): issue a requested one with its number, or return it (a return the buyer asked for, too).
import { get, post } from '../../api.js';
import { h, mount, title, form, notice } from '../../ui.js';
import { invoiceView } from '../buyer/invoice.js';

const page = {
  path: '/operator/invoices/:id',
  title: 'Invoice',
  section: 'operator-invoices',
  roles: ['operator'],
  async render(container, { id }, ctx) {
    const i = await get(`/api/operator/invoices/${encodeURIComponent(id)}`);
    const reload = async (text) => {
      await page.render(container, { id }, ctx);
      container.prepend(notice(text));
    };
    const issue = i.state === 'REQUESTED' ? [h('h2', {}, 'Issue'), form({
      id: 'issue-invoice',
      submit: 'Issue',
      fields: [{ name: 'number', label: 'Invoice number', required: true }],
      async onSubmit(values) { await post(`/api/operator/invoices/${i.id}/issue`, values); await reload('The invoice is issued.'); },
    })] : null;
    const giveBack = ['REQUESTED', 'ISSUED', 'RETURN_REQUESTED'].includes(i.state) ? [h('h2', {}, 'Return'), form({
      id: 'return-invoice',
      submit: 'Return the invoice',
      fields: [{ name: 'reason', label: 'Reason' }],
      async onSubmit(values) { await post(`/api/operator/invoices/${i.id}/return`, values); await reload('The invoice is returned.'); },
    })] : null;
    mount(container, title(`Invoice: ${i.title}`),
      h('p', {}, 'Account ', h('a', { href: `#/operator/invoices?accountId=${i.accountId}&state=` }, h('code', {}, i.accountId))),
      invoiceView(i), issue, giveBack,
      h('p', {}, h('a', { href: '#/operator/invoices' }, 'All invoices')));
  },
};
export default page;
