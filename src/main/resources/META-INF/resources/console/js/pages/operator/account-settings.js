// The operator's settings of one account (used by accounts.js): credit limit, offer credit limit, reseller.
import { put } from '../../api.js';
import { h, money, form } from '../../ui.js';

/** Forms for account; done(noticeText) after a change. */
export function accountSettings(account, done) {
  const c = account.currency;
  return [
    h('h2', {}, 'Credit'),
    h('p', { class: 'muted' }, 'Postpaid credit payment: 0 disables it. A limit below what the account owes on credit is refused.'),
    form({
      id: 'credit',
      submit: 'Set the credit limit',
      fields: [{ name: 'creditLimit', label: `Credit limit (${c})`, type: 'number', min: 0, step: '0.01', required: true, value: account.creditLimit }],
      async onSubmit(values) {
        const after = await put(`/api/operator/accounts/${account.id}/credit`,
          { creditLimit: values.creditLimit === undefined ? undefined : String(values.creditLimit) });
        await done(`The credit limit is ${money(after.creditLimit, after.currency)}.`);
      },
    }),
    form({
      id: 'offer-credit',
      submit: 'Set the offer credit limit',
      fields: [{ name: 'creditLimit', label: `Offer credit limit (${c}, milestone offers)`, type: 'number', min: 0, step: '0.01', required: true, value: account.offerCreditLimit }],
      async onSubmit(values) {
        const after = await put(`/api/operator/accounts/${account.id}/offer-credit`,
          { creditLimit: values.creditLimit === undefined ? undefined : String(values.creditLimit) });
        await done(`The offer credit limit is ${money(after.offerCreditLimit, after.currency)}.`);
      },
    }),
    h('h2', {}, 'Reseller'),
    h('p', { class: 'muted' }, "A reseller's customers do not pay their orders: the reseller does. Leave the name empty to detach."),
    form({
      id: 'reseller',
      submit: 'Save the reseller',
      fields: [{ name: 'reseller', label: 'Reseller name', value: account.reseller }],
      async onSubmit(values) {
        const after = await put(`/api/operator/accounts/${account.id}/reseller`, { reseller: values.reseller ?? null });
        await done(after.reseller ? `The account belongs to ${after.reseller}.` : 'The account belongs to no reseller.');
      },
    }),
  ];
}
