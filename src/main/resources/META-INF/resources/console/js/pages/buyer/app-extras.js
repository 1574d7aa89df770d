// The extras of one purchased app (used by app.js): the SaaS password reveal (audited and rate-limited), capacity
// expansion (the fee's working first), renewal by hand (the price first) and auto-renewal on or off.
import { get, post, put, del, newKey } from '../../api.js';
import { h, mount, money, date, facts, form, action, problemBox, duration } from '../../ui.js';

function expansionView(q) {
  const c = q.currency;
  return h('section', { class: 'card', id: 'expansion-quote', 'aria-label': 'Expansion fee' },
    h('h3', {}, 'The expansion fee'),
    facts([
      ['From', `${q.fromSpecificationName} × ${q.fromQuantity}`],
      ['Adding', q.addedQuantity !== undefined ? String(q.addedQuantity) : undefined],
      ['To', `${q.toSpecificationName} × ${q.toQuantity}`],
      ['Rule', q.rule],
      ['Remaining days', q.remainingDays !== undefined ? `${q.remainingDays} of ${q.termDays}` : undefined],
      ['Original term price', q.originalTermPrice !== undefined ? money(q.originalTermPrice, c) : undefined],
      ['New term price', q.newTermPrice !== undefined ? money(q.newTermPrice, c) : undefined],
      ['Working', h('code', { class: 'working', id: 'expansion-formula' }, q.formula)],
      ['Fee', h('strong', { id: 'expansion-fee' }, money(q.fee, c))],
    ]));
}

function renewalView(q) {
  const c = q.currency;
  return h('section', { class: 'card', id: 'renewal-quote', 'aria-label': 'Renewal price' },
    h('h3', {}, 'The renewal price'),
    facts([
      ['Specification', `${q.specificationName} × ${q.quantity}`],
      ['Periods', `${q.periods} (${q.billingMode})`],
      ['Unit price', money(q.unitPrice, c)],
      ['List price', money(q.listPrice, c)],
      q.imageFee !== undefined && q.imageFee !== null ? ['Image fee', money(q.imageFee, c)] : null,
      q.ecsFee !== undefined && q.ecsFee !== null ? ['ECS fee', money(q.ecsFee, c)] : null,
      ['Expires now', date(q.currentExpiry)],
      ['Expires after renewal', date(q.newExpiry)],
      ['Amount due', h('strong', { id: 'renewal-amount' }, money(q.amountDue, c))],
    ]));
}

const PAY = [['BALANCE', 'My balance'], ['CREDIT', 'Credit']];

/** The sections for app a; reload(noticeText) renders the app page again with a notice. */
export function appExtras(a, reload) {
  const out = [];
  const live = a.status === 'ACTIVE' || a.status === 'GRACE';
  const renewable = ['ACTIVE', 'GRACE', 'RETENTION'].includes(a.status) && (a.billingMode === 'MONTHLY' || a.billingMode === 'YEARLY');

  if (a.productType === 'SAAS' && a.application) {
    const slot = h('div', { id: 'password-slot', 'aria-live': 'polite' });
    const info = a.application;
    out.push(h('h2', {}, 'Application'), info.supplied ? [
      facts([
        ['User name', info.username],
        ['Management URL', info.managementUrl],
        ['Front-end URL', info.frontendUrl],
        ['Guide', info.guideUrl],
      ].filter((r) => r[1])),
      info.passwordAvailable ? [
        h('p', { class: 'muted' }, 'Each reveal of the initial password is recorded; it can be revealed a few times an hour.'),
        revealButton(a, slot), slot] : null,
    ] : h('p', { id: 'application-pending' }, 'The seller has not supplied the application information yet.'));
  }

  // a flat price has no capacity to expand
  if (live && a.productType === 'SAAS' && a.pricingModel !== 'FLAT') {
    const slot = h('div', { 'aria-live': 'polite' });
    let key = newKey();
    const expand = form({
      id: 'expand',
      submit: 'Expand',
      fields: [
        { name: 'addedQuantity', label: 'Users to add', type: 'number', min: 1, value: 1, required: true },
        { name: 'paymentMethod', label: 'Pay with', type: 'select', options: PAY },
      ],
      secondary: h('button', { type: 'button', class: 'secondary', id: 'expansion-show-fee', onclick: async () => {
        expand.clearProblem();
        try {
          mount(slot, expansionView(await post(`/api/apps/${a.id}/expansion/quote`, expand.values())));
        } catch (e) {
          mount(slot);
          expand.showProblem(e);
        }
      } }, 'Show the fee'),
      async onSubmit(values) {
        const result = await post(`/api/apps/${a.id}/expansion`, values, { idempotencyKey: key });
        key = newKey();
        await reload(`Expanded: ${money(result.quote?.fee, result.quote?.currency || a.currency)} charged.`, 'expanded');
      },
    });
    out.push(h('h2', {}, 'Capacity expansion'), expand, slot);
  }

  if (renewable) {
    const slot = h('div', { 'aria-live': 'polite' });
    let key = newKey();
    let priced = false;
    const renew = form({
      id: 'renew',
      submit: 'Renew',
      fields: [
        { name: 'periods', label: `Periods (${a.billingMode === 'YEARLY' ? 'years' : 'months'})`, type: 'number', min: 1, value: 1, required: true },
        { name: 'paymentMethod', label: 'Pay with', type: 'select', options: PAY },
      ],
      secondary: h('button', { type: 'button', class: 'secondary', id: 'renewal-show-price', onclick: () => price() }, 'Show the price'),
      async onSubmit(values) {
        if (!priced) {
          await price();
          return;
        }
        const result = await post(`/api/renewals/${a.id}`, values, { idempotencyKey: key });
        key = newKey();
        await reload(`Renewed until ${date(result.app?.expiresAt || result.quote?.newExpiry)}: ${money(result.quote?.amountDue, result.quote?.currency || a.currency)} paid.`, 'renewed');
      },
    });
    async function price() {
      renew.clearProblem();
      try {
        mount(slot, renewalView(await post(`/api/renewals/${a.id}/quote`, { periods: renew.values().periods })));
        priced = true;
      } catch (e) {
        mount(slot);
        renew.showProblem(e);
      }
    }
    renew.input('periods').addEventListener('input', () => { priced = false; mount(slot); });
    out.push(h('h2', {}, 'Renew'), h('p', { class: 'muted' }, 'The price is shown first; renewing pays it at once.'), renew, slot);

    const ar = a.autoRenewal || {};
    out.push(h('h2', {}, 'Auto-renewal'),
      facts([
        ['Auto-renewal', h('span', { id: 'auto-renewal' }, ar.enabled ? `on, ${ar.periods} period(s) at a time` : 'off')],
        ar.enabled ? ['Next attempt', date(ar.nextAttemptAt)] : null,
        ar.failures ? ['Failed attempts', String(ar.failures)] : null,
        ar.lastError ? ['Last error', ar.lastError] : null,
      ]),
      ar.enabled ? action('Turn auto-renewal off', async () => {
        await del(`/api/renewals/${a.id}/auto-renewal`);
        await reload('Auto-renewal is off.', 'auto-renewal-changed');
      }, { id: 'auto-renewal-off', class: 'secondary' }) : autoRenewForm(a, reload));
  }
  return out;
}

function autoRenewForm(a, reload) {
  const slot = h('div', { 'aria-live': 'polite' });
  const f = form({
    id: 'auto-renew',
    submit: 'Turn auto-renewal on',
    fields: [{ name: 'periods', label: 'Renew by (periods each time)', type: 'number', min: 1, value: 1, required: true }],
    secondary: h('button', { type: 'button', class: 'secondary', id: 'auto-renewal-show-price', onclick: async () => {
      f.clearProblem();
      try {
        mount(slot, renewalView(await post(`/api/renewals/${a.id}/quote`, { periods: f.values().periods })));
      } catch (e) {
        mount(slot);
        f.showProblem(e);
      }
    } }, 'Show the price'),
    async onSubmit(values) {
      const q = await post(`/api/renewals/${a.id}/quote`, { periods: values.periods });
      await put(`/api/renewals/${a.id}/auto-renewal`, { periods: values.periods });
      await reload(`Auto-renewal is on: each renewal costs ${money(q.amountDue, q.currency)} at today's prices.`, 'auto-renewal-changed');
    },
  });
  return h('div', {}, f, slot);
}

function revealButton(a, slot) {
  return h('span', { class: 'actions' }, h('button', { type: 'button', id: 'reveal-password', onclick: async (event) => {
    const b = event.currentTarget;
    b.disabled = true;
    try {
      const r = await post(`/api/apps/${a.id}/password/reveal`);
      mount(slot, h('div', { class: 'card', id: 'revealed' },
        facts([
          ['Initial password', h('code', { id: 'app-password' }, r.password)],
          ['Revealed', date(r.revealedAt)],
          ['Reveals left this hour', String(r.revealsLeft)],
        ]),
        h('button', { type: 'button', class: 'secondary', onclick: () => mount(slot) }, 'Hide the password')));
    } catch (e) {
      if (e.status === 429 && e.retryAfter) {
        e.detail = `You revealed this password too often. Try again in ${duration(e.retryAfter)}.`;
      }
      mount(slot, problemBox(e));
    } finally {
      b.disabled = false;
    }
  } }, 'Reveal the password'));
}

