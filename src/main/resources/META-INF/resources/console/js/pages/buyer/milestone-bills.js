// Milestone bills of milestone offers: each bill with its share, amount and due date; an unpaid one is paid here.
// The API answers the whole list: it is paged here, 20 at a time.
import { get, post, newKey } from '../../api.js';
import { h, mount, money, date, title, table, pager, form, notice } from '../../ui.js';

const UNPAID = ['GENERATED', 'PENDING', 'UNPAID', 'OVERDUE', 'DUE'];

/** The bills table with a pay form on each unpaid bill; reload() after a payment. */
export function billsTable(bills, reload) {
  return table([
    { label: 'Order', value: (b) => h('a', { href: `#/orders/${b.orderId}` }, `${b.orderId.slice(0, 8)}…`) },
    { label: 'Milestone', value: (b) => `${b.milestone} of ${b.milestones} (${b.percent} %)` },
    { label: 'Amount', num: true, value: (b) => money(b.amount, b.currency) },
    { label: 'Status', value: (b) => b.status },
    { label: 'Due', value: (b) => date(b.dueAt) },
    { label: 'Paid', value: (b) => date(b.paidAt) },
    { label: 'Pay', value: (b) => (b.paidAt || !UNPAID.includes(b.status) ? '' : payForm(b, reload)) },
  ], bills, { id: 'milestone-bills', empty: 'No milestone bills.' });
}

function payForm(b, reload) {
  const key = newKey();
  return form({
    id: `pay-bill-${b.id}`,
    submit: `Pay ${money(b.amount, b.currency)}`,
    fields: [{ name: 'method', label: `Pay bill ${b.milestone} with`, type: 'select', options: [['BALANCE', 'My balance'], ['CREDIT', 'Credit']] }],
    async onSubmit(values) {
      await post(`/api/milestone-bills/${b.id}/pay`, values, { idempotencyKey: key });
      await reload();
    },
  });
}

const page = {
  path: '/milestone-bills',
  title: 'Milestone bills',
  section: 'offers',
  roles: ['customer'],
  async render(container, params, ctx) {
    const { query } = params;
    const all = await get('/api/milestone-bills', { orderId: query.orderId });
    const n = Number(query.page || 0);
    const size = 20;
    mount(container, title('Milestone bills'),
      query.orderId ? h('p', {}, 'Of one order. ', h('a', { href: '#/milestone-bills' }, 'All bills')) : null,
      billsTable(all.slice(n * size, (n + 1) * size), async () => {
        await page.render(container, params, ctx);
        container.prepend(notice('The bill is paid.'));
      }),
      pager({ page: n, size, total: all.length }, (p) => ctx.navigate('/milestone-bills', { orderId: query.orderId, page: p })));
  },
};
export default page;
