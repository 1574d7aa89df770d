// Pay-per-use charges: the hourly charges of pay-per-use images (by ECS, product and time), the arrears, paged.
import { get } from '../../api.js';
import { h, mount, money, date, title, facts, table, pager, form } from '../../ui.js';

/** '2026-11-25' -> '2026-11-25T00:00:00Z' (plus days): the "to" date is counted whole. */
function dayStart(day, plus) {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day || undefined;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plus);
  return d.toISOString().replace('.000Z', 'Z');
}

export default {
  path: '/charges',
  title: 'Pay-per-use charges',
  nav: 'Pay-per-use',
  roles: ['customer'],
  async render(container, { query }, { navigate }) {
    const [account, me, result] = await Promise.all([
      get('/api/metering/account'),
      get('/api/account'),
      get('/api/metering/charges', { ecsId: query.ecsId, from: dayStart(query.from, 0), to: dayStart(query.to, 1), page: query.page || 0, size: 24 }),
    ]);
    const c = me.currency;
    const filter = form({
      id: 'charges-filter',
      submit: 'Show',
      fields: [
        { name: 'ecsId', label: 'ECS id', value: query.ecsId },
        { name: 'from', label: 'From (date)', type: 'date', value: query.from },
        { name: 'to', label: 'To (date)', type: 'date', value: query.to },
      ],
      async onSubmit(values) { navigate('/charges', { ...values, page: 0 }); },
    });
    mount(container, title('Pay-per-use charges'),
      facts([
        ['Arrears', h('span', { id: 'arrears' }, money(account.arrears, c))],
        ['Not yet posted', money(account.unposted, c)],
        ['Suspended ECSs', (account.suspendedEcsIds || []).join(', ') || 'none'],
      ]),
      h('p', { class: 'muted' }, 'Images billed by the hour are charged for every hour their ECS runs.'),
      filter,
      table([
        { label: 'Hour', value: (x) => date(x.hour) },
        { label: 'Product', value: (x) => x.productName },
        { label: 'ECS', value: (x) => h('code', {}, x.ecsId) },
        { label: 'Amount', num: true, value: (x) => money(x.amount, x.currency) },
      ], result.items, { id: 'charges', empty: 'No pay-per-use charges.' }),
      pager(result, (n) => navigate('/charges', { ...query, page: n })));
  },
};
