// The buyer's service supervision: the flows of supervised purchases (services, licenses, supervised SaaS), paged.
import { h, title } from '../../ui.js';
import { flowList } from './flow.js';

export default {
  path: '/supervision',
  title: 'Service supervision',
  nav: 'Service supervision',
  section: 'buyer-supervision',
  roles: ['customer'],
  async render(container, { query }, { navigate }) {
    await flowList(container, {
      api: '/api/supervision/flows', path: '/supervision', query, navigate,
      href: (f) => `#/supervision/${f.id}`,
      heading: title('Service supervision'),
      intro: h('p', { class: 'muted' }, 'Supervised purchases: send your request, accept or reject what the seller delivers, remind or appeal.'),
    });
  },
};
