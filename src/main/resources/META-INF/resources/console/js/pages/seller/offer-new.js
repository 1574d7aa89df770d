// A new private offer: first the product (one of the seller's listed products), then the customer account, the
// exact specification, billing, quantity and duration, the discount (percentage or a fixed price), the expiry and,
// for supervised products, an optional milestone plan.
import { get, post } from '../../api.js';
import { h, mount, title, form } from '../../ui.js';

const MODES = { YEARLY: 'Yearly', MONTHLY: 'Monthly', PAY_PER_USE: 'Pay per use', ONE_TIME: 'One time' };

export default {
  path: '/seller/offers/new',
  title: 'New private offer',
  section: 'seller-offers',
  roles: ['seller'],
  async render(container, { query }, { navigate }) {
    const listed = await get('/api/seller/products', { status: 'LISTED', size: 100 });
    const choose = form({
      id: 'offer-product',
      submit: 'Choose',
      fields: [{ name: 'productId', label: 'Product', type: 'select', required: true, value: query.productId,
        options: listed.items.map((p) => [p.id, p.name]) }],
      async onSubmit(values) { navigate('/seller/offers/new', { productId: values.productId }); },
    });
    if (!listed.items.length) {
      mount(container, title('New private offer'), h('p', {}, 'Offers are made on listed products: you have none yet.'));
      return;
    }
    if (!query.productId) {
      mount(container, title('New private offer'), choose);
      return;
    }
    const p = await get(`/api/seller/products/${encodeURIComponent(query.productId)}`);
    const modes = [...new Set((p.specifications || []).flatMap((s) => s.prices.map((pr) => pr.billingMode)))];
    const inAMonth = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 16);
    mount(container, title('New private offer'), choose, h('h2', {}, `Offer on ${p.name}`), form({
      id: 'offer',
      submit: 'Make the offer',
      fields: [
        { name: 'customerAccountId', label: 'Customer account id', required: true, help: 'The customer finds it on "My account"' },
        { name: 'specificationId', label: 'Specification', type: 'select', required: true, options: p.specifications.map((s) => [s.id, s.name]) },
        { name: 'billingMode', label: 'Billing', type: 'select', required: true, options: modes.map((m) => [m, MODES[m] || m]) },
        { name: 'quantity', label: 'Quantity', type: 'number', min: 1 },
        { name: 'periods', label: 'Periods', type: 'number', min: 1, value: 1 },
        { name: 'discountType', label: 'Discount', type: 'select', required: true,
          options: [['PERCENTAGE', 'Percentage off'], ['FIXED_PRICE', `Fixed price for the whole purchase (${p.currency})`]] },
        { name: 'discountValue', label: 'Percent off, or the fixed price', type: 'number', min: 0, step: '0.01', required: true },
        { name: 'expiresAt', label: 'Expires', type: 'datetime-local', required: true, value: inAMonth },
        p.supervised ? { name: 'milestones', label: 'Milestones (percentages summing to 100, comma-separated; optional)', help: 'For example 30, 40, 30' } : null,
        { name: 'note', label: 'Note to the customer', type: 'textarea' },
      ].filter(Boolean),
      async onSubmit(values) {
        const offer = await post('/api/seller/offers', {
          ...values, productId: p.id,
          expiresAt: values.expiresAt ? new Date(values.expiresAt).toISOString() : undefined,
          milestones: values.milestones ? values.milestones.split(',').map((m) => Number(m.trim())) : undefined,
        });
        navigate(`/seller/offers/${offer.id}`);
      },
    }));
  },
};
