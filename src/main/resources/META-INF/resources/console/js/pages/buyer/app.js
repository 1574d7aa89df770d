// One purchased app: its details, an upgrade to another specification (the fee's working shown before ordering)
// and the unsubscription (the refund shown before confirming).
import { get, post, newKey } from '../../api.js';
import { h, mount, money, date, title, facts, form, action, problemBox } from '../../ui.js';
import { appExtras } from './app-extras.js';

function feeView(q) {
  const c = q.currency;
  return h('section', { class: 'card', id: 'upgrade-quote', 'aria-label': 'Upgrade fee' },
    h('h2', {}, 'The upgrade fee'),
    facts([
      ['From', `${q.fromSpecificationName} × ${q.fromQuantity}`],
      ['To', `${q.toSpecificationName} × ${q.toQuantity}`],
      ['Rule', q.rule],
      ['Remaining days', q.remainingDays !== undefined ? `${q.remainingDays} of ${q.termDays}` : undefined],
      ['Original term price', q.originalTermPrice !== undefined ? money(q.originalTermPrice, c) : undefined],
      ['New term price', q.newTermPrice !== undefined ? money(q.newTermPrice, c) : undefined],
      ['Discount', q.discount !== undefined ? String(q.discount) : undefined],
      ['Working', h('code', { class: 'working', id: 'upgrade-formula' }, q.formula)],
      ['Fee', h('strong', { id: 'upgrade-fee' }, money(q.fee, c))],
    ]));
}

function refundView(q) {
  const c = q.currency;
  return h('section', { class: 'card', id: 'refund', 'aria-label': 'Refund' },
    h('h2', {}, 'What you get back'),
    facts([
      ['Rule', q.rule],
      ['How', q.explanation],
      ['Paid', money(q.amountPaid, c)],
      ['Days bought', q.daysBought !== undefined ? String(q.daysBought) : undefined],
      ['Unused days', q.unusedDays !== undefined ? String(q.unusedDays) : undefined],
      ['Refund', h('strong', { id: 'refund-amount' }, money(q.refund, c))],
    ]));
}

const page = {
  path: '/apps/:id',
  title: 'App',
  section: 'apps',
  roles: ['customer'],
  async render(container, { id }, ctx) {
    const a = await get(`/api/apps/${encodeURIComponent(id)}`);
    const c = a.currency;
    const live = a.status === 'ACTIVE' || a.status === 'GRACE';
    const sections = [];
    if (live) {
      const product = await get(`/api/catalog/products/${a.productId}`).catch(() => null);
      const others = (product?.specifications || []).filter((s) => s.id !== a.specificationId);
      const quoteSlot = h('div', { 'aria-live': 'polite' });
      let key = newKey();
      if (others.length) {
        const upgrade = form({
          id: 'upgrade',
          submit: 'Upgrade',
          fields: [
            { name: 'specificationId', label: 'New specification', type: 'select', options: others.map((s) => [s.id, s.name]) },
            { name: 'quantity', label: 'Quantity', type: 'number', min: 1, value: a.quantity },
            { name: 'paymentMethod', label: 'Pay with', type: 'select', options: [['BALANCE', 'My balance'], ['CREDIT', 'Credit']] },
          ],
          secondary: h('button', { type: 'button', class: 'secondary', id: 'upgrade-show-fee', onclick: async () => {
            upgrade.clearProblem();
            try {
              mount(quoteSlot, feeView(await post(`/api/apps/${a.id}/upgrade/quote`, upgrade.values())));
            } catch (e) {
              mount(quoteSlot);
              upgrade.showProblem(e);
            }
          } }, 'Show the fee'),
          async onSubmit(values) {
            const result = await post(`/api/apps/${a.id}/upgrade`, values, { idempotencyKey: key });
            key = newKey();
            await page.render(container, { id: result.app?.id || a.id }, ctx);
            container.prepend(h('div', { class: 'notice', role: 'status', id: 'upgraded' },
              `Upgraded: ${money(result.quote?.fee, c)} charged.`));
          },
        });
        sections.push(h('h2', {}, 'Upgrade'), upgrade, quoteSlot);
      }
      const refundSlot = h('div', { 'aria-live': 'polite' });
      const unsubKey = newKey();
      sections.push(h('h2', {}, 'Unsubscribe'), action('Show the refund', async () => {
        const q = await get(`/api/apps/${a.id}/unsubscription`);
        mount(refundSlot, refundView(q), q.allowed ? form({
          id: 'unsubscribe',
          submit: 'Unsubscribe',
          fields: [{ name: 'reason', label: 'Reason (optional)', type: 'text' }],
          async onSubmit(values) {
            await post(`/api/apps/${a.id}/unsubscribe`, values, { idempotencyKey: unsubKey });
            await page.render(container, { id: a.id }, ctx);
            container.prepend(h('div', { class: 'notice', role: 'status', id: 'unsubscribed' },
              `Unsubscribed: ${money(q.refund, c)} refunded.`));
          },
        }) : h('p', {}, 'This app cannot be unsubscribed now.'));
      }, { id: 'unsubscribe-show-refund', class: 'secondary' }), refundSlot);
    }
    mount(container, title(a.productName),
      facts([
        ['Status', h('span', { id: 'app-status' }, a.status)],
        ['Specification', h('span', { id: 'app-specification' }, a.specificationName)],
        ['Quantity', String(a.quantity)], ['Billing', a.billingMode],
        ['Paid so far', money(a.amountPaid, c)], ['Started', date(a.startsAt)], ['Expires', date(a.expiresAt)],
        a.refundAmount !== undefined && a.refundAmount !== null ? ['Refunded', money(a.refundAmount, c)] : null,
        a.seller ? ['Seller', `${a.seller.companyName || ''} ${a.seller.serviceEmail || ''}`.trim()] : null,
      ]),
      appExtras(a, async (text, id) => {
        await page.render(container, { id: a.id }, ctx);
        container.prepend(h('div', { class: 'notice', role: 'status', id }, text));
      }),
      sections);
  },
};
export default page;
