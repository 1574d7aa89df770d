// One appeal: who opened it and why, the whole flow (steps, attachments, earlier appeals), and the decision:
// resume, complete (as if the buyer accepted) or cancel (the buyer is refunded), with a note sent to both parties.
import { get, post } from '../../api.js';
import { h, mount, date, title, facts, form, notice } from '../../ui.js';
import { flowFacts, requestView, timeline, appealsView, stateWords, groundWords, decisionWords } from './flow.js';

const page = {
  path: '/operator/appeals/:id',
  title: 'Appeal',
  section: 'operator-appeals',
  roles: ['operator'],
  async render(container, { id }, ctx) {
    const a = await get(`/api/operator/supervision/appeals/${encodeURIComponent(id)}`);
    const base = `/api/operator/supervision/flows/${a.flowId}`;
    const v = await get(base);
    const decide = a.status === 'OPEN' ? form({
      id: 'decide',
      submit: 'Decide',
      fields: [
        { name: 'decision', label: 'Decision', type: 'select', required: true, options: [
          ['RESUME', 'Resume: the flow goes on from where it was frozen'],
          ['COMPLETE', 'Complete: as if the buyer accepted the delivery'],
          ['CANCEL', 'Cancel: cancel the order and refund the buyer']] },
        { name: 'note', label: 'Why (sent to both parties)', type: 'textarea', required: true },
      ],
      async onSubmit(values) {
        await post(`/api/operator/supervision/appeals/${a.id}/decide`, values);
        await page.render(container, { id }, ctx);
        container.querySelector('h1').after(notice('Decided: both parties are told.'));
      },
    }) : null;
    mount(container, title(`Appeal: ${a.productName}`),
      facts([
        ['Opened by', a.openedRole === 'customer' ? 'the buyer' : 'the seller'],
        ['Opened', date(a.openedAt)],
        ['Reason', h('span', { id: 'appeal-reason' }, a.reason)],
        ['Grounds', (a.grounds || []).map(groundWords).join('; ') || '–'],
        ['Flow state when opened', stateWords(a.stateAtOpen)],
        ['Status', h('span', { id: 'appeal-status' }, a.status)],
        a.decision ? ['Decision', h('span', { id: 'appeal-decision' }, decisionWords(a.decision))] : null,
        a.decisionNote ? ['Decision note', a.decisionNote] : null,
        a.decidedAt ? ['Decided', date(a.decidedAt)] : null,
      ], { id: 'appeal-facts' }),
      decide ? [h('h2', {}, 'Decide'), decide] : null,
      h('h2', {}, 'The flow'),
      flowFacts(v, 'operator', null),
      requestView(v),
      timeline(v, base),
      appealsView(v),
      h('p', {}, h('a', { href: '#/operator/appeals' }, 'All appeals')));
  },
};
export default page;
