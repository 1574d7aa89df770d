// One supervised order, seller side: the buyer's request, the steps with attachments, and the seller's moves:
// deliver (a note, files; licenses: offline delivery; SaaS: the application information), reject the request, appeal.
import { get, post } from '../../api.js';
import { h, mount, title, facts, form, notice } from '../../ui.js';
import { postMultipart } from '../../upload.js';
import { flowFacts, requestView, timeline, appealsView, appealMove } from './flow.js';

const page = {
  path: '/seller/supervision/:id',
  title: 'Supervision delivery',
  section: 'seller-supervision',
  roles: ['seller'],
  async render(container, { id }, ctx) {
    const base = `/api/seller/supervision/flows/${encodeURIComponent(id)}`;
    const v = await get(base);
    const f = v.flow;
    const can = new Set(v.allowedActions || []);
    const reload = async (message) => {
      await page.render(container, { id }, ctx);
      if (message) container.querySelector('h1').after(notice(message));
    };
    const moves = [];
    if (can.has('DELIVER')) {
      const saas = f.productType === 'SAAS';
      const deliver = form({
        id: 'flow-deliver',
        submit: 'Deliver',
        fields: [
          { name: 'note', label: 'What you deliver', type: 'textarea', required: true },
          { name: 'files', label: 'Attachments (up to 3 files, 3 MiB each)', type: 'file', help: 'PDF, PNG, JPEG, text, CSV, ZIP, Word or Excel' },
          f.productType === 'LICENSE' ? { name: 'offlineDeliveryConfirmed', label: 'The license was delivered offline', type: 'checkbox' } : null,
          saas ? { legend: 'Application information (left empty: what an earlier delivery gave)', fields: [
            { name: 'username', label: 'Username' },
            { name: 'password', label: 'Initial password', type: 'password', autocomplete: 'new-password' },
            { name: 'managementUrl', label: 'Management URL', type: 'url' },
            { name: 'frontendUrl', label: 'Frontend URL', type: 'url' },
          ] } : null,
        ].filter(Boolean),
        async onSubmit(values, el) {
          await postMultipart(`${base}/deliver`, {
            note: values.note, offlineDeliveryConfirmed: values.offlineDeliveryConfirmed ? 'true' : undefined,
            username: values.username, password: values.password, managementUrl: values.managementUrl,
            frontendUrl: values.frontendUrl, version: f.version,
          }, el.input('files').files);
          await reload('Delivered: the buyer accepts or rejects next.');
        },
      });
      deliver.input('files').setAttribute('multiple', '');
      moves.push(h('h2', {}, 'Deliver'), deliver);
    }
    if (can.has('REJECT_REQUEST')) {
      moves.push(h('h2', {}, 'Reject the request'), form({
        id: 'flow-reject-request',
        submit: 'Reject the request',
        fields: [{ name: 'reason', label: 'Why the request cannot be served', type: 'textarea', required: true }],
        async onSubmit(values) {
          await post(`${base}/reject-request`, { ...values, version: f.version });
          await reload('Request rejected: the buyer sends it again.');
        },
      }));
    }
    moves.push(...appealMove(v, can, base, reload));
    const info = v.applicationInfo;
    mount(container, title(`Supervision delivery: ${f.productName}`),
      flowFacts(v, 'seller', `#/seller/orders/${f.orderId}`),
      info ? [h('h2', {}, 'Application information you supplied'), facts([
        ['Username', info.username], ['Initial password', info.passwordSet ? 'supplied (the buyer reveals it)' : 'not supplied'],
        ['Management URL', info.managementUrl], ['Frontend URL', info.frontendUrl],
      ])] : null,
      requestView(v),
      moves.length ? moves : h('p', { class: 'muted', id: 'flow-no-move' }, 'Nothing for you to do now.'),
      timeline(v, base),
      appealsView(v),
      h('p', {}, h('a', { href: '#/seller/supervision' }, 'All deliveries')));
  },
};
export default page;
