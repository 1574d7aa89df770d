// My Orders: every order of the account, newest first, paged.
import { get } from '../../api.js';
import { h, mount, money, date, title, table, pager } from '../../ui.js';

export default {
  path: '/orders',
  title: 'My Orders',
  nav: 'My Orders',
  roles: ['customer'],
  async render(container, { query }, { navigate }) {
    const page = await get('/api/orders', { page: query.page || 0, size: 20 });
    mount(container, title('My Orders'),
      table([
        { label: 'Product', value: (o) => h('a', { href: `#/orders/${o.id}` }, o.productName) },
        { label: 'Specification', value: (o) => o.specificationName },
        { label: 'Placed', value: (o) => date(o.createdAt) },
        { label: 'State', value: (o) => o.state },
        { label: 'Amount', num: true, value: (o) => money(o.amountDue, o.currency) },
        { label: 'To do', value: (o) => (o.state === 'PENDING_PAYMENT'
          ? h('a', { href: `#/orders/${o.id}`, 'aria-label': `Pay ${o.productName}`, class: 'pay-link' }, 'Pay') : '') },
      ], page.items, { id: 'orders', empty: 'You have no orders yet.' }),
      pager(page, (n) => navigate('/orders', { page: n })));
  },
};
