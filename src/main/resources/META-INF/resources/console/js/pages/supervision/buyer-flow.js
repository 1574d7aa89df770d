// One supervised purchase, buyer side: its state and deadlines in words, its steps with their attachments, and what
// the buyer may do now (send the request with attachments, accept or reject the delivery, remind, appeal).
import { get, post } from '../../api.js';
import { h, mount, title, facts, form, action, notice } from '../../ui.js';
import { postMultipart } from '../../upload.js';
import { flowFacts, requestView, timeline, appealsView, appealMove } from './flow.js';

const SERVICES = ['PROFESSIONAL_SERVICE', 'CONSULTING_SERVICE'];

const page = {
  path: '/supervision/:id',
  title: 'Service flow',
  section: 'buyer-supervision',
  roles: ['customer'],
  async render(container, { id }, ctx) {
    const base = `/api/supervision/flows/${encodeURIComponent(id)}`;
    const v = await get(base);
    const f = v.flow;
    const can = new Set(v.allowedActions || []);
    const reload = async (message) => {
      await page.render(container, { id }, ctx);
      if (message) container.querySelector('h1').after(notice(message));
    };
    const moves = [];
    if (can.has('SUBMIT_REQUEST')) {
      const request = form({
        id: 'flow-request-form',
        submit: 'Send the request',
        fields: [
          { name: 'request', label: 'Your request', type: 'textarea', required: true, value: v.request || v.requestTemplate || '',
            help: v.requestTemplate ? 'Follow the seller\'s template above.' : null },
          SERVICES.includes(f.productType) ? { name: 'requirementDescription', label: 'What you need (requirement description)', type: 'textarea' } : null,
          f.productType !== 'SAAS' ? { name: 'files', label: 'Attachments (up to 3 files, 3 MiB each)', type: 'file',
            help: 'PDF, PNG, JPEG, text, CSV, ZIP, Word or Excel' } : null,
        ].filter(Boolean),
        async onSubmit(values, el) {
          await postMultipart(`${base}/request`, { request: values.request, requirementDescription: values.requirementDescription,
            version: f.version }, el.input('files')?.files);
          await reload('Request sent: the seller delivers next.');
        },
      });
      request.input('files')?.setAttribute('multiple', '');
      moves.push(h('h2', {}, 'Send your request'), request);
    }
    if (can.has('ACCEPT')) {
      moves.push(h('h2', {}, 'Accept the delivery'), form({
        id: 'flow-accept',
        submit: 'Accept',
        fields: [
          { name: 'confirmNoUnsubscribe', label: 'I understand that once accepted, this service can no longer be unsubscribed from', type: 'checkbox' },
          { name: 'note', label: 'Note (optional)' },
        ],
        async onSubmit(values) {
          await post(`${base}/accept`, { ...values, version: f.version });
          await reload('Delivery accepted.');
        },
      }));
    }
    if (can.has('REJECT_DELIVERY')) {
      moves.push(h('h2', {}, 'Reject the delivery'), form({
        id: 'flow-reject',
        submit: 'Reject the delivery',
        fields: [{ name: 'reason', label: 'Why you reject it', type: 'textarea', required: true }],
        async onSubmit(values) {
          await post(`${base}/reject`, { ...values, version: f.version });
          await reload('Delivery rejected: the seller delivers again.');
        },
      }));
    }
    if (can.has('REMIND')) {
      moves.push(h('h2', {}, 'Remind the seller'), h('p', { class: 'muted' }, 'The seller gets an e-mail and a text message; once a day at most.'),
        action('Remind the seller', async () => { await post(`${base}/remind`); await reload('The seller was reminded.'); }, { id: 'flow-remind' }));
    }
    moves.push(...appealMove(v, can, base, reload));
    const info = v.applicationInfo;
    const secret = h('span', { id: 'flow-password', 'aria-live': 'polite' });
    mount(container, title(`Service flow: ${f.productName}`),
      flowFacts(v, 'buyer', `#/orders/${f.orderId}`),
      info ? [h('h2', {}, 'Application information'), facts([
        ['Username', info.username], ['Management URL', info.managementUrl], ['Frontend URL', info.frontendUrl],
        ['Guide', info.productGuideUrl],
        ['Initial password', info.passwordSet ? [secret, action('Reveal the password', async () => {
          const r = await post(`${base}/application-info/password`);
          secret.textContent = r.password;
        }, { class: 'secondary' })] : 'not supplied yet'],
      ])] : null,
      requestView(v),
      moves.length ? moves : h('p', { class: 'muted', id: 'flow-no-move' }, 'Nothing for you to do now.'),
      timeline(v, base),
      appealsView(v),
      h('p', {}, h('a', { href: '#/supervision' }, 'All service flows')));
  },
};
export default page;
