// Exclusive offers: private offers sellers addressed to this buyer, soonest to expire first (usable ones, or all),
// paged.
import { get } from '../../api.js';
import { h, mount, money, date, title, table, pager, form } from '../../ui.js';

export default {
  path: '/offers',
  title: 'Exclusive offers',
  nav: 'Exclusive offers',
  section: 'offers',
  roles: ['customer'],
  async render(container, { query }, { navigate }) {
    const all = query.all === 'true';
    const result = await get('/api/offers', { all: all || undefined, page: query.page || 0, size: 20 });
    const filter = form({
      id: 'offers-filter',
      submit: 'Show',
      fields: [{ name: 'all', label: 'Also used, withdrawn and expired offers', type: 'checkbox', value: all }],
      async onSubmit(values) { navigate('/offers', { all: values.all ? 'true' : undefined, page: 0 }); },
    });
    mount(container, title('Exclusive offers'),
      h('p', {}, h('a', { href: '#/milestone-bills' }, 'Milestone bills of milestone offers')),
      filter,
      table([
        { label: 'Product', value: (o) => h('a', { href: `#/offers/${o.id}` }, o.productName) },
        { label: 'Seller', value: (o) => o.sellerName || '–' },
        { label: 'Specification', value: (o) => `${o.specificationName} × ${o.quantity}, ${o.periods} × ${o.billingMode}` },
        { label: 'List price', num: true, value: (o) => money(o.listPrice, o.currency) },
        { label: 'Offer price', num: true, value: (o) => money(o.offerPrice, o.currency) },
        { label: 'Milestones', value: (o) => (o.milestones ? `${o.milestones.length} bills` : '–') },
        { label: 'Expires', value: (o) => date(o.expiresAt) },
        { label: 'Status', value: (o) => o.status },
      ], result.items, { id: 'offers', empty: all ? 'No offers were made to you.' : 'No usable offer: nothing addressed to you now.' }),
      pager(result, (n) => navigate('/offers', { all: all ? 'true' : undefined, page: n })));
  },
};
