// One of the seller's products in any state: its details and specifications, the reason of a rejection or
// delisting, and what its state allows: edit (DRAFT, REJECTED, DELISTED: it becomes a draft again), submit for
// review, withdraw from review (IN_REVIEW), delist (LISTED).
import { get, post, put } from '../../api.js';
import { h, mount, money, date, title, facts, table, form, action, notice } from '../../ui.js';

const MODES = { YEARLY: 'Yearly', MONTHLY: 'Monthly', PAY_PER_USE: 'Pay per use', ONE_TIME: 'One time' };
const TEMPLATED = ['SAAS', 'PROFESSIONAL_SERVICE', 'CONSULTING_SERVICE'];

/** The specifications as the API takes them back, with the edited names and unit prices. */
function specifications(p, values) {
  return (p.specifications || []).map((s, i) => ({
    name: values[`specifications[${i}].name`],
    description: s.description,
    pricingModel: s.pricingModel,
    unit: s.unit,
    minQuantity: s.minQuantity,
    maxQuantity: s.maxQuantity,
    prices: s.prices.map((pr, j) => (pr.tiers && pr.tiers.length > 1
      ? { billingMode: pr.billingMode, tiers: pr.tiers.map((t) => ({ from: t.from, to: t.to, unitPrice: t.unitPrice })) }
      : { billingMode: pr.billingMode, unitPrice: values[`specifications[${i}].prices[${j}].unitPrice`] })),
  }));
}

function editForm(p, onSaved) {
  const specFields = (p.specifications || []).map((s, i) => ({
    legend: `Specification ${i + 1}`,
    fields: [
      { name: `specifications[${i}].name`, label: `Specification ${i + 1} name`, required: true, value: s.name },
      ...s.prices.filter((pr) => !(pr.tiers && pr.tiers.length > 1)).map((pr) => {
        const j = s.prices.indexOf(pr);
        return { name: `specifications[${i}].prices[${j}].unitPrice`, label: `${s.name}: ${MODES[pr.billingMode] || pr.billingMode} unit price (${p.currency})`,
          type: 'number', min: 0, step: '0.0001', required: true, value: pr.unitPrice,
          problemFields: [`specifications[${i}].prices[${j}]`] };
      }),
    ],
  }));
  return form({
    id: 'edit-product',
    submit: 'Save changes',
    fields: [
      { name: 'name', label: 'Name', required: true, value: p.name },
      { name: 'summary', label: 'Summary', required: true, value: p.summary },
      { name: 'description', label: 'Description', type: 'textarea', required: true, value: p.description },
      { name: 'tags', label: 'Tags (comma-separated)', value: (p.tags || []).join(', ') },
      { name: 'guideUrl', label: 'Guide URL', type: 'url', value: p.guideUrl },
      TEMPLATED.includes(p.type) ? { name: 'requestTemplate', label: 'Request template (what the buyer tells you)', type: 'textarea', value: p.requestTemplate } : null,
      p.type === 'SAAS' ? { name: 'supervised', label: 'Deliver through service supervision', type: 'checkbox', value: p.supervised } : null,
      p.type === 'SAAS' ? { name: 'contactAuthorizationRequired', label: 'The buyer must authorise the use of their contact details', type: 'checkbox', value: p.contactAuthorizationRequired } : null,
      ...specFields,
    ].filter(Boolean),
    async onSubmit(values) {
      const saved = await put(`/api/seller/products/${p.id}`, {
        type: p.type, categoryCode: p.categoryCode, name: values.name, summary: values.summary, description: values.description,
        tags: values.tags ? values.tags.split(',').map((t) => t.trim()).filter(Boolean) : [],
        guideUrl: values.guideUrl, requestTemplate: values.requestTemplate,
        supervised: p.type === 'SAAS' ? values.supervised : undefined,
        contactAuthorizationRequired: p.type === 'SAAS' ? values.contactAuthorizationRequired : undefined,
        securityGroups: p.securityGroups, currency: p.currency,
        specifications: specifications(p, values), version: p.version,
      });
      await onSaved(saved);
    },
  });
}

const page = {
  path: '/seller/products/:id',
  title: 'Product',
  section: 'seller-products',
  roles: ['seller'],
  async render(container, { id }, ctx) {
    const p = await get(`/api/seller/products/${encodeURIComponent(id)}`);
    const c = p.currency;
    const reload = async (message) => {
      await page.render(container, { id }, ctx);
      if (message) container.querySelector('h1').after(notice(message));
    };
    const moves = [];
    const editable = ['DRAFT', 'REJECTED', 'DELISTED'].includes(p.status);
    if (editable) {
      moves.push(action('Submit for review', async () => { await post(`/api/seller/products/${p.id}/submit`); await reload('Submitted: an operator reviews it.'); }, { id: 'product-submit' }));
    }
    if (p.status === 'IN_REVIEW') {
      moves.push(action('Withdraw from review', async () => { await post(`/api/seller/products/${p.id}/withdraw`); await reload('Withdrawn: it is a draft again.'); }, { id: 'product-withdraw' }));
    }
    if (p.status === 'LISTED') {
      moves.push(action('Delist', async () => { await post(`/api/seller/products/${p.id}/delist`); await reload('Delisted: buyers no longer see it.'); }, { id: 'product-delist', class: 'secondary' }));
    }
    mount(container, title(p.name),
      h('p', {}, p.summary),
      facts([
        ['Status', h('span', { id: 'product-status' }, p.status)],
        p.statusReason ? ['Why', h('span', { id: 'product-status-reason' }, p.statusReason)] : null,
        ['Type', p.type], ['Category', p.categoryCode], ['From', money(p.fromPrice, c)],
        ['Service supervision', p.supervised ? 'yes: delivered through supervision' : 'no'],
        ['Created', date(p.createdAt)], ['Updated', date(p.updatedAt)],
        p.submittedAt ? ['Submitted', date(p.submittedAt)] : null, p.listedAt ? ['Listed', date(p.listedAt)] : null,
      ]),
      moves.length ? h('div', { class: 'actions' }, moves) : null,
      h('h2', {}, 'Specifications'),
      table([
        { label: 'Specification', value: (s) => s.name },
        { label: 'Pricing', value: (s) => s.pricingModel },
        { label: 'Unit', value: (s) => s.unit || '–' },
        { label: 'Prices', value: (s) => h('ul', {}, s.prices.map((pr) => h('li', {}, `${MODES[pr.billingMode] || pr.billingMode}: `,
          pr.tiers && pr.tiers.length > 1 ? pr.tiers.map((t) => `${t.from}${t.to ? `–${t.to}` : '+'}: ${money(t.unitPrice, c)}`).join(', ') : money(pr.unitPrice, c)))) },
      ], p.specifications || [], { id: 'product-specifications' }),
      p.requestTemplate ? [h('h2', {}, 'Request template'), h('pre', { class: 'working' }, p.requestTemplate)] : null,
      editable ? [h('h2', {}, 'Edit'), editForm(p, async () => reload('Saved: it is a draft; submit it for review again.'))]
        : h('p', { class: 'muted' }, p.status === 'LISTED' ? 'Delist the product to edit it.' : 'Withdraw the product from review to edit it.'),
      h('p', {}, h('a', { href: '#/seller/products' }, 'My products')));
  },
};
export default page;
