// The appeal queue, oldest first: appeals of service flows waiting for the operations manager's decision (or
// decided, closed, all), paged.
import { get } from '../../api.js';
import { h, mount, date, title, table, pager, form } from '../../ui.js';
import { stateWords, groundWords, decisionWords } from './flow.js';

export default {
  path: '/operator/appeals',
  title: 'Appeals',
  nav: 'Appeals',
  section: 'operator-appeals',
  roles: ['operator'],
  async render(container, { query }, { navigate }) {
    const status = query.status || 'OPEN';
    const filter = form({
      id: 'appeal-filter',
      submit: 'Show',
      fields: [{ name: 'status', label: 'Status', type: 'select', value: status,
        options: [['OPEN', 'Open: to decide'], ['DECIDED', 'Decided'], ['CLOSED', 'Closed by the 365-day rule'], ['ALL', 'All']] }],
      async onSubmit(values) { navigate('/operator/appeals', { status: values.status, page: 0 }); },
    });
    const list = h('div', { 'aria-live': 'polite' });
    mount(container, title('Appeals'), filter, list);
    const result = await get('/api/operator/supervision/appeals', { status, page: query.page || 0, size: 20 });
    mount(list, table([
      { label: 'Product', value: (a) => h('a', { href: `#/operator/appeals/${a.id}` }, a.productName) },
      { label: 'Opened', value: (a) => date(a.openedAt) },
      { label: 'By', value: (a) => (a.openedRole === 'customer' ? 'Buyer' : 'Seller') },
      { label: 'Why', value: (a) => [a.reason, a.grounds?.length ? h('div', { class: 'muted' }, a.grounds.map(groundWords).join('; ')) : null] },
      { label: 'Flow was', value: (a) => stateWords(a.stateAtOpen) },
      { label: 'Status', value: (a) => (a.decision ? `${a.status}: ${decisionWords(a.decision)}` : a.status) },
    ], result.items, { id: 'appeals', empty: status === 'OPEN' ? 'No appeal waits for a decision.' : 'No appeals.' }),
    pager(result, (n) => navigate('/operator/appeals', { status, page: n })));
  },
};
