// Search the catalogue: words, type, category, billing mode, price range, sorting; results page; popular
// applications before the first search.
import { get } from '../../api.js';
import { h, mount, money, title, pager, problemBox, form } from '../../ui.js';

const TYPES = [['', 'Any type'], ['SAAS', 'SaaS'], ['IMAGE', 'Image'], ['LICENSE', 'License'],
  ['PROFESSIONAL_SERVICE', 'Professional service'], ['CONSULTING_SERVICE', 'Consulting service'],
  ['CONTENT_SERVICE', 'Content service'], ['HARDWARE', 'Hardware']];
const BILLING = [['', 'Any billing'], ['MONTHLY', 'Monthly'], ['YEARLY', 'Yearly'], ['PAY_PER_USE', 'Pay per use'],
  ['ONE_TIME', 'One time']];
const SORTS = [['RELEVANCE', 'Relevance'], ['POPULARITY', 'Popularity'], ['PRICE_ASC', 'Price, lowest first'],
  ['PRICE_DESC', 'Price, highest first'], ['NEWEST', 'Newest']];

export default {
  path: '/catalog',
  title: 'Search',
  nav: 'Search',
  home: ['customer'],
  async render(container, { query }, { navigate }) {
    const results = h('div', { id: 'search-results', 'aria-live': 'polite' });
    let categories = [];
    try {
      categories = await get('/api/catalog/categories');
    } catch (e) {
      categories = []; // the filter then offers "Any category" only; the search itself still works
    }
    const search = form({
      id: 'search',
      submit: 'Search',
      fields: [
        { name: 'q', label: 'Words', type: 'search', value: query.q },
        { name: 'type', label: 'Type', type: 'select', options: TYPES, value: query.type },
        { name: 'category', label: 'Category', type: 'select', value: query.category,
          options: [['', 'Any category'], ...categories.map((c) => [c.code, c.name])] },
        { name: 'billingMode', label: 'Billing', type: 'select', options: BILLING, value: query.billingMode },
        { name: 'sort', label: 'Sort by', type: 'select', options: SORTS, value: query.sort || 'RELEVANCE' },
        { name: 'minPrice', label: 'Lowest price', type: 'number', min: 0, step: '0.01', value: query.minPrice },
        { name: 'maxPrice', label: 'Highest price', type: 'number', min: 0, step: '0.01', value: query.maxPrice },
      ],
      async onSubmit(values) {
        navigate('/catalog', { ...values, page: 0 });
      },
    });
    mount(container, title('Search the catalogue'), search, results);
    if (!Object.keys(query).length) {
      try {
        const popular = await get('/api/catalog/popular', { limit: 10 });
        if (popular.length) {
          mount(results, h('h2', {}, 'Popular applications'), list(popular));
        }
      } catch (e) {
        search.showProblem(e);
      }
      return;
    }
    try {
      const page = await get('/api/catalog/products', { ...query, size: query.size || 10 });
      mount(results,
        h('p', {}, `${page.totalText ?? page.total} products found`),
        list(page.items),
        pager(page, (n) => navigate('/catalog', { ...query, page: n })));
    } catch (e) {
      search.showProblem(e);
    }
  },
};

function list(products) {
  return h('ul', { class: 'results' }, products.map((p) => h('li', {},
    h('a', { href: `#/catalog/products/${p.id}`, class: 'product-link' }, p.name),
    ' ', h('span', { class: 'muted' }, `${p.type} · ${p.categoryCode} · ${p.sellerName || ''}`),
    h('div', {}, p.summary),
    h('div', {}, 'From ', money(p.fromPrice, p.currency)))));
}
