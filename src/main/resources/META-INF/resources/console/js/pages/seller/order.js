// One order for a seller's product: what was bought, at what price, its state and history; a supervised order links
// to its supervision flow.
import { get } from '../../api.js';
import { h, mount, money, date, title, facts, table } from '../../ui.js';

export default {
  path: '/seller/orders/:id',
  title: 'Order',
  section: 'seller-orders',
  roles: ['seller'],
  async render(container, { id }) {
    const o = await get(`/api/seller/orders/${encodeURIComponent(id)}`);
    const c = o.currency;
    const flows = o.supervised ? await get('/api/seller/supervision/flows', { orderId: o.id, size: 5 }) : null;
    mount(container, title(`Order: ${o.productName}`),
      facts([
        ['State', h('span', { id: 'seller-order-state' }, o.state)],
        ['Kind', o.kind], ['Specification', o.specificationName], ['Billing', o.billingMode],
        ['Quantity', String(o.quantity)], ['Periods', String(o.periods)],
        ['Unit price', money(o.unitPrice, c)], ['List price', money(o.listPrice, c)], ['Discount', money(o.discountAmount, c)],
        o.imageFee !== undefined && o.imageFee !== null ? ['Image fee', money(o.imageFee, c)] : null,
        o.ecsFee !== undefined && o.ecsFee !== null ? ['ECS fee', money(o.ecsFee, c)] : null,
        ['Amount', money(o.amountDue, c)],
        o.offerId ? ['Private offer', h('a', { href: `#/seller/offers/${o.offerId}` }, o.offerId)] : null,
        ['Buyer account', h('code', {}, o.accountId)],
        ['Placed', date(o.createdAt)], ['Paid', date(o.paidAt)],
        o.completedAt ? ['Completed', date(o.completedAt)] : null,
        o.canceledAt ? ['Canceled', `${date(o.canceledAt)}${o.cancelReason ? `: ${o.cancelReason}` : ''}`] : null,
        o.supervised ? ['Service supervision', flows.items.length
          ? h('a', { href: `#/seller/supervision/${flows.items[0].id}`, id: 'seller-order-flow' }, 'Open the supervision flow')
          : 'opens once the order is paid'] : null,
      ]),
      h('h2', {}, 'History'),
      table([
        { label: 'When', value: (e) => date(e.at || e.createdAt) },
        { label: 'From', value: (e) => e.fromState || '–' },
        { label: 'To', value: (e) => e.toState },
      ], o.events || []),
      h('p', {}, h('a', { href: '#/seller/orders' }, 'All orders')));
  },
};
