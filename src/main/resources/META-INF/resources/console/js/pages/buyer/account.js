// The buyer's account: balance and credit, in the account's currency.
import { get } from '../../api.js';
import { h, mount, money, title, facts } from '../../ui.js';

export default {
  path: '/account',
  title: 'My account',
  nav: 'My account',
  roles: ['customer'],
  async render(container) {
    const a = await get('/api/account');
    mount(container, title('My account'),
      facts([
        ['Balance', h('span', { id: 'balance' }, money(a.balance, a.currency))],
        ['Credit limit', money(a.creditLimit, a.currency)],
        ['Available credit', money(a.availableCredit, a.currency)],
        ['Account id', h('code', {}, a.id)],
      ]));
  },
};
