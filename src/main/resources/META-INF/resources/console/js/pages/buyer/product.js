// Product details (specifications with their prices, the seller's contact), a quote that shows how the price is
// made, and the buy form (pay now from the balance or on credit, or pay later).
import { get, post, newKey } from '../../api.js';
import { h, mount, money, title, facts, table, form, problemBox, action } from '../../ui.js';

const MODES = { YEARLY: 'Yearly', MONTHLY: 'Monthly', PAY_PER_USE: 'Pay per use', ONE_TIME: 'One time' };

function tiers(price, currency) {
  if (!price.tiers || price.tiers.length <= 1) return money(price.unitPrice, currency);
  return h('ul', {}, price.tiers.map((t) => h('li', {}, `${t.from}${t.to ? `–${t.to}` : '+'}: `, money(t.unitPrice, currency))));
}

/** The quote's parts as the API gives them (OrderQuote). */
export function quoteView(q) {
  const c = q.currency;
  return h('section', { class: 'card', id: 'quote', 'aria-label': 'Quote' },
    h('h2', {}, 'How the price is made'),
    facts([
      ['Unit price', money(q.unitPrice, c)],
      q.tier ? ['Tier', `${q.tier.from}${q.tier.to ? `–${q.tier.to}` : '+'} at ${money(q.tier.unitPrice, c)}`] : null,
      ['Quantity', String(q.quantity)],
      ['Periods', String(q.periods)],
      ['List price', money(q.listPrice, c)],
      ['Discount', money(q.discount, c)],
      q.imageFee !== undefined && q.imageFee !== null ? ['Image fee', money(q.imageFee, c)] : null,
      q.ecsFee !== undefined && q.ecsFee !== null ? ['ECS fee', money(q.ecsFee, c)] : null,
      q.paidByReseller ? ['Paid by', 'your reseller'] : null,
      ['Amount due', h('strong', { id: 'quote-amount' }, money(q.amountDue, c))],
    ]));
}

/** {'ecs.vpcId': 1, a: 2} -> {ecs: {vpcId: 1}, a: 2}; empty values left out. */
function nest(values) {
  const out = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const [head, tail] = k.split('.');
    if (tail) out[head] = { ...(out[head] || {}), [tail]: v };
    else out[k] = v;
  }
  return out;
}

const page = {
  path: '/catalog/products/:id',
  title: 'Product',
  section: 'catalog',
  async render(container, { id }, { me, navigate }) {
    const p = await get(`/api/catalog/products/${encodeURIComponent(id)}`);
    const c = p.currency;
    const seller = p.seller;
    const quoteSlot = h('div', { id: 'quote-slot', 'aria-live': 'polite' });
    const specs = p.specifications || [];
    const modes = [...new Set(specs.flatMap((s) => s.prices.map((pr) => pr.billingMode)))];
    const buyer = me.roles.includes('customer');
    const image = p.type === 'IMAGE';
    const vpcs = buyer && image ? await get('/api/account/vpcs') : [];
    let key = newKey();
    const groups = (vpc) => [...new Set([...(p.securityGroups || []), ...((vpcs.find((v) => v.id === vpc) || vpcs[0])?.securityGroups || [])])];
    const ecsFields = image ? [{
      legend: 'ECS the image runs on',
      fields: [
        { name: 'ecs.vpcId', label: 'VPC', type: 'select', required: true, options: vpcs.map((v) => [v.id, `${v.name} (${v.cidr})`]) },
        { name: 'ecs.securityGroup', label: 'Security group', type: 'select', required: true, options: groups().map((g) => [g, g]) },
        { name: 'ecs.password', label: 'ECS login password', type: 'password', required: true, autocomplete: 'new-password',
          help: '8 to 26 characters mixing three of upper case, lower case, digits and specials; never stored' },
      ],
    }] : [];
    const vpcForm = buyer && image ? form({
      id: 'new-vpc',
      submit: 'Create VPC',
      fields: [
        { name: 'name', label: 'New VPC name', required: true },
        { name: 'cidr', label: 'CIDR block', required: true, value: '192.168.0.0/16' },
      ],
      async onSubmit(values) {
        await post('/api/account/vpcs', values);
        await page.render(container, { id }, { me, navigate });
      },
    }) : null;
    const buy = buyer ? form({
      id: 'buy',
      submit: 'Buy',
      fields: [
        { name: 'specificationId', label: 'Specification', type: 'select', required: true,
          options: specs.map((s) => [s.id, s.name]), value: specs[0]?.id },
        { name: 'billingMode', label: 'Billing', type: 'select', required: true,
          options: modes.map((m) => [m, MODES[m] || m]), value: modes[0] },
        { name: 'quantity', label: 'Quantity', type: 'number', min: 1, value: specs[0]?.minQuantity || 1 },
        { name: 'periods', label: 'Periods (years or months)', type: 'number', min: 1, value: 1 },
        ...ecsFields,
        p.contactAuthorizationRequired ? { name: 'contactAuthorization', label: 'I authorise the seller to use my contact details to create my application account', type: 'checkbox' } : null,
        { name: 'acceptTerms', label: 'I accept the terms and conditions', type: 'checkbox', required: true },
        { name: 'paymentMethod', label: 'Payment', type: 'select',
          options: [['BALANCE', 'Pay now from my balance'], ['CREDIT', 'Pay now on credit'], ['', 'Pay later']], value: 'BALANCE' },
      ].filter(Boolean),
      secondary: h('button', { type: 'button', class: 'secondary', id: 'get-quote', onclick: () => quote() }, 'Get a quote'),
      async onSubmit(values) {
        const body = { productId: p.id, ...nest(values) };
        const order = await post('/api/orders', body, { idempotencyKey: key });
        key = newKey();
        navigate(`/orders/${order.id}`);
      },
    }) : null;

    async function quote() {
      buy.clearProblem();
      const { paymentMethod, ...values } = buy.values();
      try {
        const q = await post('/api/orders/quote', { productId: p.id, ...nest(values), acceptTerms: true });
        mount(quoteSlot, quoteView(q));
      } catch (e) {
        mount(quoteSlot);
        buy.showProblem(e);
      }
    }

    const favorites = buyer ? await get('/api/favorites', { size: 100 }).catch(() => ({ items: [] })) : { items: [] };
    const saved = favorites.items.filter((f) => f.productId === p.id);
    const favoriteSlot = h('div', { id: 'favorite-slot', 'aria-live': 'polite' },
      saved.length ? h('p', { id: 'favorite-state' }, 'In your ', h('a', { href: '#/favorites' }, 'favorites'),
        `: ${saved.map((f) => f.specificationName || 'any specification').join(', ')}.`) : null);
    const addFavorite = buyer ? action('Add to favorites', async () => {
      const { specificationId, billingMode, quantity, periods } = buy.values();
      const f = await post('/api/favorites', { productId: p.id, specificationId, billingMode, quantity, periods });
      mount(favoriteSlot, h('p', { id: 'favorite-state', role: 'status' }, `Added to your `,
        h('a', { href: '#/favorites' }, 'favorites'), `: ${f.specificationName || 'any specification'}.`));
    }, { id: 'add-favorite', class: 'secondary' }) : null;

    mount(container,
      title(p.name),
      h('p', {}, p.summary),
      facts([
        ['Type', p.type], ['Category', p.categoryCode], ['From', money(p.fromPrice, c)],
        ['Status', p.status], p.guideUrl ? ['Guide', p.guideUrl] : null,
      ]),
      h('h2', {}, 'Description'),
      h('p', { class: 'description' }, p.description),
      h('h2', {}, 'Specifications'),
      table([
        { label: 'Specification', value: (s) => s.name },
        { label: 'Pricing', value: (s) => s.pricingModel },
        { label: 'Unit', value: (s) => s.unit || '–' },
        { label: 'Quantity', value: (s) => `${s.minQuantity}${s.maxQuantity ? `–${s.maxQuantity}` : '+'}` },
        { label: 'Prices', value: (s) => h('ul', {}, s.prices.map((pr) => h('li', {}, `${MODES[pr.billingMode] || pr.billingMode}: `, tiers(pr, c)))) },
      ], specs, { id: 'specifications' }),
      h('h2', {}, 'Seller'),
      seller ? facts([
        ['Company', seller.companyName], ['E-mail', seller.serviceEmail], ['Phone', seller.servicePhone],
        ['Support', seller.supportRange],
      ], { id: 'seller-contact' }) : h('p', { class: 'muted' }, 'The seller has not published a contact yet.'),
      buyer ? h('h2', {}, 'Buy') : null,
      vpcForm ? [h('h3', {}, 'Your VPCs'), vpcs.length ? null : h('p', {}, 'An image runs in one of your VPCs: create one first.'), vpcForm] : null,
      buy, quoteSlot,
      buyer ? [h('h2', {}, 'Favorites'), h('p', { class: 'muted' }, 'Saves the specification, billing, quantity and periods chosen above.'), addFavorite, favoriteSlot] : null);
  },
};
export default page;
