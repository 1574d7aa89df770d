// Apps sold: purchased apps of the seller's products (SaaS still under supervision included, so that their
// application information can be supplied), paged.
import { get } from '../../api.js';
import { h, mount, date, title, table, pager } from '../../ui.js';

export default {
  path: '/seller/apps',
  title: 'Apps sold',
  nav: 'Apps sold',
  section: 'seller-apps',
  roles: ['seller'],
  async render(container, { query }, { navigate }) {
    const result = await get('/api/seller/apps', { page: query.page || 0, size: 20 });
    mount(container, title('Apps sold'),
      table([
        { label: 'App', value: (a) => h('a', { href: `#/seller/apps/${a.id}` }, a.productName) },
        { label: 'Specification', value: (a) => a.specificationName },
        { label: 'Quantity', num: true, value: (a) => String(a.quantity) },
        { label: 'Status', value: (a) => (a.listed ? a.status : `${a.status} (supervision open)`) },
        { label: 'Application info', value: (a) => (a.application?.supplied ? 'supplied' : 'to supply') },
        { label: 'Expires', value: (a) => date(a.expiresAt) },
      ], result.items, { id: 'seller-apps', empty: 'No apps sold yet.' }),
      pager(result, (n) => navigate('/seller/apps', { page: n })));
  },
};
