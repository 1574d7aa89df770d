// The seller's products with their review status; a draft is submitted for review, a product in review withdrawn
// and a listed one delisted from here; each product's page (its name) edits it.
import { get, post } from '../../api.js';
import { h, mount, money, title, table, pager, action } from '../../ui.js';

const page = {
  path: '/seller/products',
  title: 'My products',
  nav: 'My products',
  roles: ['seller'],
  home: ['seller'],
  async render(container, params, ctx) {
    const { query } = params;
    const result = await get('/api/seller/products', { page: query.page || 0, size: 20 });
    mount(container, title('My products'),
      h('p', {}, h('a', { href: '#/seller/products/new', id: 'new-product' }, 'New product')),
      table([
        { label: 'Product', value: (p) => h('a', { href: `#/seller/products/${p.id}` }, p.name) },
        { label: 'Type', value: (p) => p.type },
        { label: 'From', num: true, value: (p) => money(p.fromPrice, p.currency) },
        { label: 'Status', value: (p) => h('span', { class: 'product-status' }, p.status) },
        { label: 'Actions', value: (p) => (p.status === 'DRAFT' || p.status === 'REJECTED'
          ? action('Submit for review', async () => {
            await post(`/api/seller/products/${p.id}/submit`);
            await page.render(container, params, ctx);
          }, { 'aria-label': `Submit ${p.name} for review` })
          : p.status === 'IN_REVIEW' ? action('Withdraw', async () => {
            await post(`/api/seller/products/${p.id}/withdraw`);
            await page.render(container, params, ctx);
          }, { 'aria-label': `Withdraw ${p.name} from review`, class: 'secondary' })
          : p.status === 'LISTED' ? action('Delist', async () => {
            await post(`/api/seller/products/${p.id}/delist`);
            await page.render(container, params, ctx);
          }, { 'aria-label': `Delist ${p.name}`, class: 'secondary' })
          : '') },
      ], result.items, { id: 'seller-products', empty: 'No products yet.' }),
      pager(result, (n) => ctx.navigate('/seller/products', { page: n })));
  },
};
export default page;
