// Favorites: products saved with their choices (specification, billing, quantity, periods), paged; remove one, or
// open it to buy with the saved choices.
import { get, del } from '../../api.js';
import { h, mount, title, table, pager, action, notice } from '../../ui.js';

const page = {
  path: '/favorites',
  title: 'Favorites',
  nav: 'Favorites',
  section: 'favorites',
  roles: ['customer'],
  async render(container, params, ctx) {
    const { query } = params;
    const result = await get('/api/favorites', { page: query.page || 0, size: 20 });
    mount(container, title('Favorites'),
      table([
        { label: 'Product', value: (f) => h('a', { href: `#/catalog/products/${f.productId}` }, f.productName) },
        { label: 'Type', value: (f) => f.productType },
        { label: 'Specification', value: (f) => f.specificationName || 'any' },
        { label: 'Billing', value: (f) => f.billingMode || 'any' },
        { label: 'Quantity', num: true, value: (f) => (f.quantity ? String(f.quantity) : '–') },
        { label: 'Periods', num: true, value: (f) => (f.periods ? String(f.periods) : '–') },
        { label: 'Available', value: (f) => (f.available ? 'yes' : 'no longer listed') },
        { label: 'Actions', value: (f) => h('span', {},
          f.available ? h('a', { href: `#/favorites/${f.id}`, 'aria-label': `Buy ${f.productName}` }, 'Buy') : null, ' ',
          action('Remove', async () => {
            await del(`/api/favorites/${f.id}`);
            await page.render(container, params, ctx);
            container.prepend(notice(`${f.productName} was removed from your favorites.`));
          }, { class: 'secondary', 'aria-label': `Remove ${f.productName}` })) },
      ], result.items, { id: 'favorites', empty: 'You have no favorites yet: add one from a product page.' }),
      pager(result, (n) => ctx.navigate('/favorites', { page: n })));
  },
};
export default page;
