// Private offers: exclusive discounts made to one customer account, with their status, price and link; an active
// offer can be withdrawn. Paged.
import { get, post } from '../../api.js';
import { h, mount, money, date, title, table, pager, action } from '../../ui.js';

const page = {
  path: '/seller/offers',
  title: 'Private offers',
  nav: 'Private offers',
  section: 'seller-offers',
  roles: ['seller'],
  async render(container, params, ctx) {
    const { query } = params;
    const result = await get('/api/seller/offers', { page: query.page || 0, size: 20 });
    mount(container, title('Private offers'),
      h('p', {}, h('a', { href: '#/seller/offers/new', id: 'new-offer' }, 'New private offer')),
      table([
        { label: 'Product', value: (o) => h('a', { href: `#/seller/offers/${o.id}` }, o.productName) },
        { label: 'Specification', value: (o) => `${o.specificationName} × ${o.quantity}, ${o.periods} × ${o.billingMode}` },
        { label: 'Customer', value: (o) => h('code', {}, o.customerAccountId) },
        { label: 'List price', num: true, value: (o) => money(o.listPrice, o.currency) },
        { label: 'Offer price', num: true, value: (o) => money(o.offerPrice, o.currency) },
        { label: 'Expires', value: (o) => date(o.expiresAt) },
        { label: 'Status', value: (o) => o.status },
        { label: 'Actions', value: (o) => (o.status === 'ACTIVE' ? action('Withdraw', async () => {
          await post(`/api/seller/offers/${o.id}/withdraw`);
          await page.render(container, params, ctx);
        }, { 'aria-label': `Withdraw the offer on ${o.productName}`, class: 'secondary' }) : '') },
      ], result.items, { id: 'seller-offers', empty: 'No private offers yet.' }),
      pager(result, (n) => ctx.navigate('/seller/offers', { page: n })));
  },
};
export default page;
