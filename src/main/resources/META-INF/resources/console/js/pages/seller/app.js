// One app sold: the buyer, the specification, its state, and its application information (username, initial
// password, management and frontend URLs, guide), which the seller supplies or updates; the password is never shown.
import { get, put } from '../../api.js';
import { h, mount, date, title, facts, form, notice } from '../../ui.js';

const page = {
  path: '/seller/apps/:id',
  title: 'App sold',
  section: 'seller-apps',
  roles: ['seller'],
  async render(container, { id }, ctx) {
    const a = await get(`/api/seller/apps/${encodeURIComponent(id)}`);
    const info = a.application || {};
    mount(container, title(`App sold: ${a.productName}`),
      facts([
        ['Status', h('span', { id: 'seller-app-status' }, a.status)],
        ['Listed for the buyer', a.listed ? 'yes' : 'not yet (supervision open)'],
        ['Buyer account', h('code', {}, a.buyerAccountId)],
        ['Order', h('a', { href: `#/seller/orders/${a.orderId}` }, a.orderId)],
        ['Specification', a.specificationName], ['Quantity', String(a.quantity)], ['Billing', a.billingMode],
        ['Started', date(a.startsAt)], ['Expires', date(a.expiresAt)],
        ['Application info', info.supplied ? `supplied${info.updatedAt ? ` (${date(info.updatedAt)})` : ''}` : 'not supplied yet'],
        ['Initial password', info.passwordAvailable ? 'stored (only the buyer can reveal it)' : 'none'],
      ]),
      h('h2', {}, 'Application information'),
      form({
        id: 'application-info',
        submit: 'Save application information',
        fields: [
          { name: 'username', label: 'Username', value: info.username },
          { name: 'password', label: info.passwordAvailable ? 'New initial password (empty: keep the stored one)' : 'Initial password',
            type: 'password', autocomplete: 'new-password', required: !info.passwordAvailable },
          { name: 'managementUrl', label: 'Management URL', type: 'url', value: info.managementUrl },
          { name: 'frontendUrl', label: 'Frontend URL', type: 'url', value: info.frontendUrl },
          { name: 'guideUrl', label: 'Guide URL (empty: the product guide)', type: 'url', value: info.guideUrl },
        ],
        async onSubmit(values) {
          await put(`/api/seller/apps/${a.id}/application-info`, values);
          await page.render(container, { id }, ctx);
          container.querySelector('h1').after(notice('Saved: the buyer is told.'));
        },
      }),
      h('p', {}, h('a', { href: '#/seller/apps' }, 'Apps sold')));
  },
};
export default page;
