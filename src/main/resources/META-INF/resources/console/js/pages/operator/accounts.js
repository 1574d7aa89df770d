// Accounts: find a person's account by its subject (the identity provider's user id), top it up, set its credit limit
// and offer credit limit, attach it to a reseller (or detach it).
import { get, post, newKey } from '../../api.js';
import { accountSettings } from './account-settings.js';
import { h, mount, money, title, facts, form, notice } from '../../ui.js';

const page = {
  path: '/operator/accounts',
  title: 'Accounts',
  nav: 'Accounts',
  roles: ['operator'],
  async render(container, params, ctx) {
    const { query } = params;
    const found = h('div', { id: 'account-found', 'aria-live': 'polite' });
    const find = form({
      id: 'find-account',
      submit: 'Find',
      fields: [{ name: 'subject', label: 'Subject (user id at the identity provider)', required: true, value: query.subject }],
      async onSubmit(values) { ctx.navigate('/operator/accounts', values); },
    });
    mount(container, title('Accounts'), find, found);
    if (!query.subject) return;
    let account;
    try {
      account = await get('/api/operator/accounts', { subject: query.subject });
    } catch (e) {
      find.showProblem(e);
      return;
    }
    const key = newKey();
    mount(found,
      h('h2', {}, `Account of ${account.subject}`),
      facts([
        ['Balance', h('span', { id: 'account-balance' }, money(account.balance, account.currency))],
        ['Credit limit', h('span', { id: 'account-credit' }, money(account.creditLimit, account.currency))],
        ['Available credit', money(account.availableCredit, account.currency)],
        ['Offer credit', `${money(account.offerCreditUsed, account.currency)} used of ${money(account.offerCreditLimit, account.currency)}`],
        ['Reseller', h('span', { id: 'account-reseller' }, account.reseller || 'none: the account pays its own orders')],
      ]),
      accountSettings(account, async (text) => {
        await page.render(container, params, ctx);
        container.querySelector('#account-found')?.prepend(notice(text));
      }),
      h('h2', {}, 'Top up'),
      form({
        id: 'top-up',
        submit: 'Top up',
        fields: [
          { name: 'amount', label: `Amount (${account.currency})`, type: 'number', min: 0, step: '0.01', required: true },
          { name: 'reference', label: 'Payment reference', required: true },
          { name: 'note', label: 'Note' },
        ],
        async onSubmit(values) {
          const body = { ...values, amount: values.amount === undefined ? undefined : String(values.amount) };
          const after = await post(`/api/operator/accounts/${account.id}/top-up`, body, { idempotencyKey: key });
          await page.render(container, params, ctx);
          container.querySelector('#account-found')?.prepend(notice(`Topped up: the balance is ${money(after.balance, after.currency)}.`));
        },
      }));
  },
};
export default page;
