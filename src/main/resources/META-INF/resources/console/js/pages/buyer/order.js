// One order: its price, its state and history; an unpaid order can be paid here.
import { get, post, newKey } from '../../api.js';
import { h, mount, money, date, title, facts, table, form, action } from '../../ui.js';

const page = {
  path: '/orders/:id',
  title: 'Order',
  section: 'orders',
  roles: ['customer'],
  async render(container, { id }, ctx) {
    const o = await get(`/api/orders/${encodeURIComponent(id)}`);
    const c = o.currency;
    const key = newKey();
    const pay = o.state === 'PENDING_PAYMENT' ? form({
      id: 'pay',
      submit: 'Pay',
      fields: [
        { name: 'method', label: 'Pay with', type: 'select', options: [['BALANCE', 'My balance'], ['CREDIT', 'Credit']] },
        // an image's ECS is created on payment: its login password is never stored, so it is asked again
        o.productType === 'IMAGE' ? { name: 'ecsPassword', label: 'ECS login password', type: 'password', required: true,
          autocomplete: 'new-password', help: 'The password you chose when ordering (never stored): the ECS is created now' } : null,
      ].filter(Boolean),
      async onSubmit(values) {
        await post(`/api/orders/${o.id}/pay`, values, { idempotencyKey: key });
        await page.render(container, { id }, ctx);
      },
    }) : null;
    mount(container, title(`Order: ${o.productName}`),
      facts([
        ['State', h('span', { id: 'order-state' }, o.state)],
        ['Specification', o.specificationName], ['Billing', o.billingMode], ['Quantity', String(o.quantity)],
        ['Periods', String(o.periods)], ['Unit price', money(o.unitPrice, c)], ['List price', money(o.listPrice, c)],
        ['Discount', money(o.discountAmount, c)],
        o.imageFee !== undefined && o.imageFee !== null ? ['Image fee', money(o.imageFee, c)] : null,
        o.ecsFee !== undefined && o.ecsFee !== null ? ['ECS fee', money(o.ecsFee, c)] : null,
        ['Amount due', money(o.amountDue, c)],
        ['Paid with', o.paymentMethod || '–'], ['Placed', date(o.createdAt)], ['Paid', date(o.paidAt)],
      ]),
      pay ? [h('h2', {}, 'Pay this order'), pay,
        action('Cancel this order', async () => { await post(`/api/orders/${o.id}/cancel`); await page.render(container, { id }, ctx); },
          { class: 'secondary', id: 'cancel-order' })] : null,
      h('h2', {}, 'History'),
      table([
        { label: 'When', value: (e) => date(e.at || e.createdAt) },
        { label: 'From', value: (e) => e.fromState || '–' },
        { label: 'To', value: (e) => e.toState },
      ], o.events || []),
      h('p', {}, h('a', { href: '#/apps' }, 'My Apps')));
  },
};
export default page;
