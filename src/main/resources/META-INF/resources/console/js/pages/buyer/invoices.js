// Invoices: ask for one over paid orders (title and tax id), list them by state, paged.
import { get, post } from '../../api.js';
import { h, mount, money, date, title, table, pager, form } from '../../ui.js';

export const INVOICE_STATES = [['', 'Any state'], ['REQUESTED', 'Requested'], ['ISSUED', 'Issued'],
  ['RETURN_REQUESTED', 'Return requested'], ['RETURNED', 'Returned']];

export function invoiceTable(result, link, id) {
  return table([
    { label: 'Title', value: (i) => h('a', { href: link(i) }, i.title) },
    { label: 'Tax id', value: (i) => i.taxId },
    { label: 'Orders', num: true, value: (i) => String((i.orders || []).length) },
    { label: 'Amount', num: true, value: (i) => money(i.amount, i.currency) },
    { label: 'State', value: (i) => i.state },
    { label: 'Number', value: (i) => i.number || '–' },
    { label: 'Requested', value: (i) => date(i.requestedAt) },
  ], result.items, { id, empty: 'No invoices.' });
}

export default {
  path: '/invoices',
  title: 'Invoices',
  nav: 'Invoices',
  section: 'invoices',
  roles: ['customer'],
  async render(container, { query }, { navigate }) {
    const result = await get('/api/invoices', { state: query.state, page: query.page || 0, size: 20 });
    // paid orders that are on no invoice (or whose invoice was returned) can be invoiced
    const orders = await get('/api/orders', { state: 'COMPLETED', size: 100 });
    const open = orders.items.filter((o) => (!o.invoiceState || o.invoiceState === 'NONE' || o.invoiceState === 'RETURNED')
      && !o.paidByReseller && o.billingMode !== 'PAY_PER_USE');
    const filter = form({
      id: 'invoices-filter',
      submit: 'Show',
      fields: [{ name: 'state', label: 'State', type: 'select', options: INVOICE_STATES, value: query.state }],
      async onSubmit(values) { navigate('/invoices', { state: values.state, page: 0 }); },
    });
    const request = open.length ? form({
      id: 'request-invoice',
      submit: 'Ask for the invoice',
      fields: [
        { legend: 'Paid orders to invoice', fields: open.map((o) => ({ name: `order:${o.id}`, type: 'checkbox',
          label: `${o.productName} (${o.specificationName}), ${money(o.amountDue, o.currency)}, paid ${date(o.paidAt)}`,
          problemFields: ['orderIds'] })) },
        { name: 'title', label: 'Invoice title (company name)', required: true },
        { name: 'taxId', label: 'Tax id', required: true },
      ],
      async onSubmit(values) {
        const orderIds = Object.entries(values).filter(([k, v]) => k.startsWith('order:') && v).map(([k]) => k.slice(6));
        const invoice = await post('/api/invoices', { orderIds, title: values.title, taxId: values.taxId });
        navigate(`/invoices/${invoice.id}`);
      },
    }) : h('p', { class: 'muted' }, 'No paid order waits for an invoice.');
    mount(container, title('Invoices'),
      h('h2', {}, 'Ask for an invoice'), request,
      h('h2', {}, 'Your invoices'), filter,
      invoiceTable(result, (i) => `#/invoices/${i.id}`, 'invoices'),
      pager(result, (n) => navigate('/invoices', { state: query.state, page: n })));
  },
};
