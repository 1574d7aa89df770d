// One invoice: its orders, amount, state and history; an issued one can be returned, a returned one applied for again.
import { get, post } from '../../api.js';
import { h, mount, money, date, title, facts, table, form, notice } from '../../ui.js';

/** The invoice's facts, orders and history (shared with the operator's page). */
export function invoiceView(i) {
  const c = i.currency;
  return [
    facts([
      ['State', h('span', { id: 'invoice-state' }, i.state)],
      ['Title', i.title], ['Tax id', i.taxId],
      ['Amount', h('strong', { id: 'invoice-amount' }, money(i.amount, c))],
      ['Number', i.number || '–'],
      ['Requested', date(i.requestedAt)], ['Issued', date(i.issuedAt)],
      i.returnRequestedAt ? ['Return requested', date(i.returnRequestedAt)] : null,
      i.returnedAt ? ['Returned', date(i.returnedAt)] : null,
      i.note ? ['Note', i.note] : null,
    ]),
    h('h2', {}, 'Orders'),
    table([
      { label: 'Product', value: (l) => l.productName },
      { label: 'Kind', value: (l) => l.kind },
      { label: 'Paid', value: (l) => date(l.paidAt) },
      { label: 'Amount', num: true, value: (l) => money(l.amount, c) },
    ], i.orders || [], { id: 'invoice-orders' }),
    h('h2', {}, 'History'),
    table([
      { label: 'When', value: (e) => date(e.at) },
      { label: 'Who', value: (e) => e.actorRole },
      { label: 'From', value: (e) => e.fromState || '–' },
      { label: 'To', value: (e) => e.toState },
      { label: 'Note', value: (e) => e.note || '' },
    ], i.history || []),
  ];
}

const page = {
  path: '/invoices/:id',
  title: 'Invoice',
  section: 'invoices',
  roles: ['customer'],
  async render(container, { id }, ctx) {
    const i = await get(`/api/invoices/${encodeURIComponent(id)}`);
    const reload = async (text) => {
      await page.render(container, { id }, ctx);
      container.prepend(notice(text));
    };
    const change = i.state === 'ISSUED' ? [h('h2', {}, 'Return this invoice'), form({
      id: 'return-invoice',
      submit: 'Ask to return it',
      fields: [{ name: 'reason', label: 'Reason' }],
      async onSubmit(values) { await post(`/api/invoices/${i.id}/return`, values); await reload('The return is requested.'); },
    })] : i.state === 'RETURNED' ? [h('h2', {}, 'Apply again'), form({
      id: 'reapply-invoice',
      submit: 'Apply again',
      fields: [
        { name: 'title', label: 'Invoice title (company name)', value: i.title },
        { name: 'taxId', label: 'Tax id', value: i.taxId },
      ],
      async onSubmit(values) { await post(`/api/invoices/${i.id}/reapply`, values); await reload('Applied again.'); },
    })] : null;
    mount(container, title(`Invoice: ${i.title}`), invoiceView(i), change,
      h('p', {}, h('a', { href: '#/invoices' }, 'All invoices')));
  },
};
export default page;
