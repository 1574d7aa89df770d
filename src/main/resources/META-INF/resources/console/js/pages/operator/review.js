// The review queue: products sellers submitted, approved or rejected (with a reason) by an operator.
import { get, post } from '../../api.js';
import { h, mount, money, date, title, table, pager, action, form } from '../../ui.js';

const page = {
  path: '/operator/review',
  title: 'Review queue',
  nav: 'Review queue',
  roles: ['operator'],
  home: ['operator'],
  async render(container, params, ctx) {
    const { query } = params;
    const result = await get('/api/operator/products', { status: 'IN_REVIEW', page: query.page || 0, size: 20 });
    const reload = () => page.render(container, params, ctx);
    mount(container, title('Review queue'),
      table([
        { label: 'Product', value: (p) => p.name },
        { label: 'Seller', value: (p) => p.sellerName || '–' },
        { label: 'Type', value: (p) => p.type },
        { label: 'From', num: true, value: (p) => money(p.fromPrice, p.currency) },
        { label: 'Decision', value: (p) => h('div', {},
          action('Approve', async () => { await post(`/api/operator/products/${p.id}/approve`); await reload(); },
            { 'aria-label': `Approve ${p.name}` }),
          form({
            id: `reject-${p.id}`,
            submit: 'Reject',
            fields: [{ name: 'reason', label: `Reason to reject ${p.name}` }],
            async onSubmit(values) { await post(`/api/operator/products/${p.id}/reject`, values); await reload(); },
          })) },
      ], result.items, { id: 'review-queue', empty: 'Nothing waits for review.' }),
      pager(result, (n) => ctx.navigate('/operator/review', { page: n })));
  },
};
export default page;
