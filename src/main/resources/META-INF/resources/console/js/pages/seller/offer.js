// One private offer: its terms, prices, the link the customer orders through, its status; withdrawn while active.
import { get, post } from '../../api.js';
import { h, mount, money, date, title, facts, action } from '../../ui.js';

const page = {
  path: '/seller/offers/:id',
  title: 'Private offer',
  section: 'seller-offers',
  roles: ['seller'],
  async render(container, { id }, ctx) {
    const o = await get(`/api/seller/offers/${encodeURIComponent(id)}`);
    const c = o.currency;
    mount(container, title(`Private offer: ${o.productName}`),
      facts([
        ['Status', h('span', { id: 'offer-status' }, o.status)],
        ['Customer account', h('code', {}, o.customerAccountId)],
        ['Specification', `${o.specificationName} × ${o.quantity}`], ['Billing', `${o.periods} × ${o.billingMode}`],
        ['Discount', o.discountType === 'PERCENTAGE' ? `${o.discountValue}% off` : `fixed price ${money(o.discountValue, c)}`],
        ['List price', money(o.listPrice, c)], ['Offer price', h('strong', { id: 'offer-price' }, money(o.offerPrice, c))],
        o.milestones && o.milestones.length ? ['Milestones', o.milestones.map((m) => `${m}%`).join(', ')] : null,
        ['Expires', date(o.expiresAt)], ['Made', date(o.createdAt)],
        ['Link', o.link ? h('code', {}, o.link) : '–'],
        o.usedOrderId ? ['Used by order', h('a', { href: `#/seller/orders/${o.usedOrderId}` }, o.usedOrderId)] : null,
        o.note ? ['Note', o.note] : null,
      ]),
      o.status === 'ACTIVE' ? action('Withdraw the offer', async () => {
        await post(`/api/seller/offers/${o.id}/withdraw`);
        await page.render(container, { id }, ctx);
      }, { id: 'offer-withdraw', class: 'secondary' }) : null,
      h('p', {}, h('a', { href: '#/seller/offers' }, 'All private offers')));
  },
};
export default page;
