// Buy from a favorite: the saved choices completed and priced by the API, then the order (pay now or later).
// Images need an ECS configuration: they are bought from their product page.
import { get, post, newKey } from '../../api.js';
import { h, mount, money, title, facts, form } from '../../ui.js';

export default {
  path: '/favorites/:id',
  title: 'Buy from favorites',
  section: 'favorites',
  roles: ['customer'],
  async render(container, { id }, { navigate }) {
    const f = await get(`/api/favorites/${encodeURIComponent(id)}`);
    const p = await get(`/api/favorites/${encodeURIComponent(id)}/purchase`);
    const q = p.quote || {};
    const c = q.currency;
    const product = await get(`/api/catalog/products/${p.productId}`);
    const key = newKey();
    const image = product.type === 'IMAGE';
    mount(container, title(`Buy ${f.productName}`),
      h('section', { class: 'card', id: 'favorite-quote', 'aria-label': 'Price' },
        h('h2', {}, 'The price of your saved choices'),
        facts([
          ['Specification', q.specificationName],
          ['Billing', `${q.billingMode} (${q.pricingModel})`],
          ['Quantity', String(q.quantity)],
          ['Periods', String(q.periods)],
          ['Unit price', money(q.unitPrice, c)],
          q.tier ? ['Tier', `${q.tier.from}${q.tier.to ? `–${q.tier.to}` : '+'} at ${money(q.tier.unitPrice, c)}`] : null,
          ['Amount', h('strong', { id: 'favorite-amount' }, money(q.amount, c))],
        ])),
      image ? h('p', {}, 'An image runs on an ECS you configure: ',
        h('a', { href: `#/catalog/products/${p.productId}` }, 'buy it from its product page'), '.')
        : form({
          id: 'favorite-buy',
          submit: 'Buy',
          fields: [
            product.contactAuthorizationRequired ? { name: 'contactAuthorization', label: 'I authorise the seller to use my contact details to create my application account', type: 'checkbox' } : null,
            { name: 'acceptTerms', label: 'I accept the terms and conditions', type: 'checkbox', required: true },
            { name: 'paymentMethod', label: 'Payment', type: 'select',
              options: [['BALANCE', 'Pay now from my balance'], ['CREDIT', 'Pay now on credit'], ['', 'Pay later']], value: 'BALANCE' },
          ].filter(Boolean),
          async onSubmit(values) {
            const order = await post('/api/orders', {
              productId: p.productId, specificationId: p.specificationId, billingMode: p.billingMode,
              quantity: p.quantity, periods: p.periods, ...values,
            }, { idempotencyKey: key });
            navigate(`/orders/${order.id}`);
          },
        }));
  },
};
