// My Apps: what the account bought and keeps (active, in grace, unsubscribed...), paged.
import { get } from '../../api.js';
import { h, mount, money, date, title, table, pager } from '../../ui.js';

export default {
  path: '/apps',
  title: 'My Apps',
  nav: 'My Apps',
  roles: ['customer'],
  async render(container, { query }, { navigate }) {
    const page = await get('/api/apps', { page: query.page || 0, size: 20 });
    mount(container, title('My Apps'),
      table([
        { label: 'App', value: (a) => h('a', { href: `#/apps/${a.id}` }, a.productName) },
        { label: 'Specification', value: (a) => a.specificationName },
        { label: 'Quantity', num: true, value: (a) => String(a.quantity) },
        { label: 'Status', value: (a) => a.status },
        { label: 'Expires', value: (a) => date(a.expiresAt) },
        { label: 'Paid', num: true, value: (a) => money(a.amountPaid, a.currency) },
      ], page.items, { id: 'apps', empty: 'You have no apps yet.' }),
      pager(page, (n) => navigate('/apps', { page: n })));
  },
};
