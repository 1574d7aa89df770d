// The buyer's account: balance and credit (and offer credit), in the account's currency, and the ledger (every
// top-up, payment, refund, charge and settlement with the balance after it), paged.
import { get } from '../../api.js';
import { h, mount, money, date, title, facts, table, pager } from '../../ui.js';

export default {
  path: '/account',
  title: 'My account',
  nav: 'My account',
  roles: ['customer'],
  async render(container, { query }, { navigate }) {
    const a = await get('/api/account');
    const ledger = await get('/api/account/ledger', { page: query.page || 0, size: 20 });
    const c = a.currency;
    mount(container, title('My account'),
      facts([
        ['Balance', h('span', { id: 'balance' }, money(a.balance, c))],
        ['Credit limit', money(a.creditLimit, c)],
        ['Available credit', money(a.availableCredit, c)],
        a.offerCreditLimit ? ['Offer credit (milestone offers)', `${money(a.offerCreditUsed, c)} used of ${money(a.offerCreditLimit, c)}`] : null,
        a.reseller ? ['Reseller', a.reseller] : null,
        ['Account id', h('code', {}, a.id)],
      ]),
      h('h2', {}, 'Ledger'),
      table([
        { label: 'When', value: (e) => date(e.createdAt) },
        { label: 'Kind', value: (e) => e.kind },
        { label: 'Amount', num: true, value: (e) => money(e.amount, c) },
        { label: 'Balance after', num: true, value: (e) => money(e.balanceAfter, c) },
        { label: 'Order', value: (e) => (e.orderId ? h('a', { href: `#/orders/${e.orderId}` }, 'order') : '–') },
        { label: 'Reference', value: (e) => e.reference || e.note || '' },
      ], ledger.items, { id: 'ledger', empty: 'No money moved yet.' }),
      pager(ledger, (n) => navigate('/account', { page: n })));
  },
};
