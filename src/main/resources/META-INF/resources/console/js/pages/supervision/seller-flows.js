// The seller's supervision deliveries: the flows of orders for its products, paged and filtered.
import { h, title } from '../../ui.js';
import { flowList } from './flow.js';

export default {
  path: '/seller/supervision',
  title: 'Supervision deliveries',
  nav: 'Deliveries',
  section: 'seller-supervision',
  roles: ['seller'],
  async render(container, { query }, { navigate }) {
    await flowList(container, {
      api: '/api/seller/supervision/flows', path: '/seller/supervision', query, navigate,
      href: (f) => `#/seller/supervision/${f.id}`,
      heading: title('Supervision deliveries'),
      intro: h('p', { class: 'muted' }, 'Supervised orders of your products: read the buyer\'s request, deliver with attachments, or reject the request.'),
    });
  },
};
