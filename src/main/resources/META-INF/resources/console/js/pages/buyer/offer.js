// One exclusive offer: its terms (the discount, the price, the milestones), accepting it (an order with the offer's
// exact choices) and, once used, the order and its milestone bills.
import { get, post, newKey } from '../../api.js';
import { h, mount, money, date, title, facts, form, table } from '../../ui.js';
import { billsTable } from './milestone-bills.js';

const page = {
  path: '/offers/:id',
  title: 'Exclusive offer',
  section: 'offers',
  roles: ['customer'],
  async render(container, { id }, ctx) {
    const o = await get(`/api/offers/${encodeURIComponent(id)}`);
    const c = o.currency;
    const product = await get(`/api/catalog/products/${o.productId}`).catch(() => null);
    const key = newKey();
    const milestone = Array.isArray(o.milestones) && o.milestones.length > 0;
    const image = product?.type === 'IMAGE';
    const vpcs = o.status === 'ACTIVE' && image ? await get('/api/account/vpcs') : [];
    const accept = o.status === 'ACTIVE' ? form({
      id: 'accept-offer',
      submit: milestone ? 'Accept and order' : 'Accept and buy',
      fields: [
        image ? { legend: 'ECS the image runs on', fields: [
          { name: 'ecs.vpcId', label: 'VPC', type: 'select', required: true, options: vpcs.map((v) => [v.id, `${v.name} (${v.cidr})`]) },
          { name: 'ecs.securityGroup', label: 'Security group', type: 'select', required: true,
            options: [...new Set([...(product.securityGroups || []), ...(vpcs[0]?.securityGroups || [])])].map((g) => [g, g]) },
          { name: 'ecs.password', label: 'ECS login password', type: 'password', required: true, autocomplete: 'new-password' },
        ] } : null,
        product?.contactAuthorizationRequired ? { name: 'contactAuthorization', label: 'I authorise the seller to use my contact details to create my application account', type: 'checkbox' } : null,
        { name: 'acceptTerms', label: 'I accept the terms and conditions', type: 'checkbox', required: true },
        milestone ? null : { name: 'paymentMethod', label: 'Payment', type: 'select',
          options: [['BALANCE', 'Pay now from my balance'], ['CREDIT', 'Pay now on credit'], ['', 'Pay later']], value: 'BALANCE' },
      ].filter(Boolean),
      async onSubmit(values) {
        const body = { productId: o.productId, specificationId: o.specificationId, billingMode: o.billingMode,
          quantity: o.quantity, periods: o.periods, offerId: o.id };
        for (const [k, v] of Object.entries(values)) {
          if (v === undefined) continue;
          const [head, tail] = k.split('.');
          if (tail) body[head] = { ...(body[head] || {}), [tail]: v };
          else body[k] = v;
        }
        const order = await post('/api/orders', body, { idempotencyKey: key });
        if (milestone) await page.render(container, { id }, ctx);
        else ctx.navigate(`/orders/${order.id}`);
      },
    }) : null;
    const bills = o.usedOrderId && milestone ? await get('/api/milestone-bills', { orderId: o.usedOrderId }) : [];
    mount(container, title(`Offer: ${o.productName}`),
      facts([
        ['Status', h('span', { id: 'offer-status' }, o.status)],
        ['Seller', o.sellerName],
        ['Specification', `${o.specificationName} × ${o.quantity}`],
        ['Billing', `${o.periods} × ${o.billingMode}`],
        ['Discount', o.discountType === 'PERCENTAGE' ? `${o.discountValue} % off` : `fixed price ${money(o.discountValue, c)}`],
        ['List price', money(o.listPrice, c)],
        ['Offer price', h('strong', { id: 'offer-price' }, money(o.offerPrice, c))],
        milestone ? ['Milestones', o.milestones.map((m, i) => `${i + 1}: ${m} %`).join(', ')] : null,
        ['Expires', date(o.expiresAt)],
        o.note ? ['Note', o.note] : null,
        o.usedOrderId ? ['Order', h('a', { href: `#/orders/${o.usedOrderId}` }, 'the order placed with it')] : null,
      ]),
      accept ? [h('h2', {}, 'Accept the offer'),
        milestone ? h('p', { class: 'muted' }, 'A milestone offer is settled monthly against your offer credit, bill by bill.') : null,
        accept] : null,
      bills.length ? [h('h2', {}, 'Milestone bills'), billsTable(bills, () => page.render(container, { id }, ctx))] : null);
  },
};
export default page;
