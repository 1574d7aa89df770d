// What sold: orders for the seller's products, newest first, filtered by state, paged.
import { get } from '../../api.js';
import { h, mount, money, date, title, table, pager, form } from '../../ui.js';

const STATES = [['', 'Any state'], ['PENDING_PAYMENT', 'Waiting for payment'], ['PROCESSING', 'Processing (supervision or provisioning)'],
  ['COMPLETED', 'Completed'], ['CANCELED', 'Canceled']];

export default {
  path: '/seller/orders',
  title: 'Orders',
  nav: 'Orders',
  section: 'seller-orders',
  roles: ['seller'],
  async render(container, { query }, { navigate }) {
    const filter = form({
      id: 'seller-order-filter',
      submit: 'Filter',
      fields: [{ name: 'state', label: 'State', type: 'select', options: STATES, value: query.state }],
      async onSubmit(values) { navigate('/seller/orders', { state: values.state, page: 0 }); },
    });
    const list = h('div', { 'aria-live': 'polite' });
    mount(container, title('Orders'), filter, list);
    let result;
    try {
      result = await get('/api/seller/orders', { state: query.state, page: query.page || 0, size: 20 });
    } catch (e) {
      filter.showProblem(e);
      return;
    }
    mount(list, table([
      { label: 'Product', value: (o) => h('a', { href: `#/seller/orders/${o.id}` }, o.productName) },
      { label: 'Specification', value: (o) => o.specificationName },
      { label: 'Quantity', num: true, value: (o) => String(o.quantity) },
      { label: 'Placed', value: (o) => date(o.createdAt) },
      { label: 'State', value: (o) => o.state },
      { label: 'Amount', num: true, value: (o) => money(o.amountDue, o.currency) },
    ], result.items, { id: 'seller-orders', empty: 'No orders yet.' }),
    pager(result, (n) => navigate('/seller/orders', { ...query, page: n })));
  },
};
