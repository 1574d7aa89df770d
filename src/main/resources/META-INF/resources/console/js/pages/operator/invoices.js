// Invoices (operator): every account's invoices by state (requested first), paged; each one opens to issue or return.
import { get } from '../../api.js';
import { h, mount, title, pager, form } from '../../ui.js';
import { INVOICE_STATES, invoiceTable } from '../buyer/invoices.js';

export default {
  path: '/operator/invoices',
  title: 'Invoices',
  nav: 'Invoices',
  section: 'operator-invoices',
  roles: ['operator'],
  async render(container, { query }, { navigate }) {
    const state = query.state ?? 'REQUESTED';
    const result = await get('/api/operator/invoices', { state, accountId: query.accountId, page: query.page || 0, size: 20 });
    const filter = form({
      id: 'operator-invoices-filter',
      submit: 'Show',
      fields: [
        { name: 'state', label: 'State', type: 'select', options: INVOICE_STATES, value: state },
        { name: 'accountId', label: 'Account id', value: query.accountId },
      ],
      async onSubmit(values) { navigate('/operator/invoices', { state: values.state ?? '', accountId: values.accountId, page: 0 }); },
    });
    mount(container, title('Invoices'), filter,
      invoiceTable(result, (i) => `#/operator/invoices/${i.id}`, 'operator-invoices'),
      pager(result, (n) => navigate('/operator/invoices', { state, accountId: query.accountId, page: n })));
  },
};
