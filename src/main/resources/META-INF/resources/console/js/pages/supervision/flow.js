// Shared by the buyer's, the seller's and the operator's supervision pages: a flow's state in words, its deadlines,
// its steps (the operation records) with their attachments as download links, its appeals, and a paged list of flows.
import { get, post } from '../../api.js';
import { h, mount, money, date, facts, table, pager, form } from '../../ui.js';

export const STATES = [['', 'Any state'], ['WAITING_FOR_REQUEST', 'Waiting for the buyer\'s request'],
  ['WAITING_FOR_SELLER', 'Waiting for the seller'], ['WAITING_FOR_ACCEPTANCE', 'Waiting for the buyer\'s acceptance'],
  ['ACCEPTED', 'Accepted'], ['COMPLETED', 'Completed'], ['CLOSED', 'Closed'], ['CANCELED', 'Canceled']];

const STATE_WORDS = Object.fromEntries(STATES.filter(([v]) => v));

const ACTIONS = {
  OPEN: 'Supervision opened (the order was paid)', SUBMIT_REQUEST: 'Request sent', REJECT_REQUEST: 'Request rejected',
  DELIVER: 'Delivered', ACCEPT: 'Delivery accepted', REJECT_DELIVERY: 'Delivery rejected', REMIND: 'Seller reminded',
  APPEAL: 'Appealed to the operations manager', APPEAL_RESUME: 'Operator decided: resume',
  APPEAL_COMPLETE: 'Operator decided: complete', APPEAL_CANCEL: 'Operator decided: cancel and refund', AUTO_COMPLETE: 'Completed automatically', AUTO_CLOSE: 'Closed after 365 days',
  AUTO_CANCEL: 'Canceled after 365 days', REVEAL_PASSWORD: 'Initial password revealed',
};

const GROUNDS = {
  SELLER_SILENT: 'the seller has not acted for more than 5 days',
  REQUEST_REJECTED_3_TIMES: 'the seller rejected the request 3 times',
  DELIVERED_AGAIN_AFTER_2_REJECTIONS: 'the seller delivered again after 2 rejections',
  DELIVERY_REJECTED_3_TIMES: 'the buyer rejected the delivery 3 times',
  BUYER_SILENT: 'the buyer has not acted on the delivery for more than 5 days',
};

const DECISIONS = { RESUME: 'Resume: the flow goes on where it was', COMPLETE: 'Complete: as if the buyer accepted',
  CANCEL: 'Cancel: the order is canceled and the buyer refunded', AUTO_CLOSE: 'Closed by the 365-day rule',
  AUTO_CANCEL: 'Canceled by the 365-day rule' };

const ROLES = { customer: 'Buyer', seller: 'Seller', operator: 'Operator', system: 'The marketplace' };

export const stateWords = (s) => STATE_WORDS[s] || s;
export const actionWords = (a) => ACTIONS[a] || a;
export const groundWords = (g) => GROUNDS[g] || g;
export const decisionWords = (d) => DECISIONS[d] || d;

/** Whose turn it is, in words, for the person looking (buyer, seller or operator). */
export function turn(f, role) {
  if (f.frozen) return 'Frozen: an appeal is open; nobody can move the flow until an operator decides.';
  const mine = {
    buyer: { WAITING_FOR_REQUEST: 'Your turn: send your request.', WAITING_FOR_SELLER: 'The seller\'s turn: they deliver or reject your request.',
      WAITING_FOR_ACCEPTANCE: 'Your turn: accept or reject the delivery.' },
    seller: { WAITING_FOR_REQUEST: 'The buyer\'s turn: they send their request.', WAITING_FOR_SELLER: 'Your turn: deliver (or reject the request).',
      WAITING_FOR_ACCEPTANCE: 'The buyer\'s turn: they accept or reject your delivery.' },
  }[role] || {};
  return mine[f.state] || {
    ACCEPTED: 'Accepted: the order completes shortly.', COMPLETED: 'Finished: the order is completed.',
    CLOSED: 'Closed after 365 days; the order is completed.', CANCELED: 'Canceled; the buyer was refunded.',
  }[f.state] || stateWords(f.state);
}

/** The flow's facts: product, order, amount, state, turn, counters and deadlines. */
export function flowFacts(v, role, orderHref) {
  const f = v.flow;
  return facts([
    ['Product', `${f.productName} (${f.specificationName})`],
    ['Type', f.productType],
    ['Order', orderHref ? h('a', { href: orderHref }, f.orderId) : h('code', {}, f.orderId)],
    ['Order state', f.orderState],
    ['Amount', money(f.amount, f.currency)],
    f.milestones > 1 ? ['Milestone', `${f.milestone} of ${f.milestones}`] : null,
    ['State', h('span', { id: 'flow-state', dataset: { state: f.state } }, stateWords(f.state))],
    ['Now', h('span', { id: 'flow-turn' }, turn(f, role))],
    ['In this state since', date(f.stateSince)],
    ['Opened', date(f.createdAt)],
    ['Requests rejected', String(v.requestRejections)],
    ['Deliveries rejected', String(v.deliveryRejections)],
    v.acceptedAt ? ['Accepted', date(v.acceptedAt)] : null,
    v.completesAt ? ['Completes', date(v.completesAt)] : null,
    v.closedAt ? ['Closed', date(v.closedAt)] : null,
    v.lastRemindedAt ? ['Last reminder', date(v.lastRemindedAt)] : null,
    role === 'buyer' && f.state === 'WAITING_FOR_SELLER' && !f.frozen
      ? ['Next reminder possible', v.nextReminderAt ? date(v.nextReminderAt) : 'now'] : null,
    v.appeal && role !== 'operator' ? ['Appeal', h('span', { id: 'flow-appealability' }, appealability(v.appeal))] : null,
  ], { id: 'flow-facts' });
}

function appealability(a) {
  if (a.eligible) return `You may appeal now: ${a.grounds.map(groundWords).join('; ')}.`;
  if (a.silentFrom) return `You may appeal from ${date(a.silentFrom)} if the other side stays silent.`;
  return 'Not now (after 3 rejections, or 5 days of silence on the other side).';
}

/** The request as the buyer sent it, the template it follows, the application info (SaaS). */
export function requestView(v) {
  return [
    v.requestTemplate ? [h('h2', {}, 'Request template'), h('pre', { class: 'working', id: 'request-template' }, v.requestTemplate)] : null,
    v.request ? [h('h2', {}, 'The request'), h('pre', { class: 'working', id: 'flow-request' }, v.request),
      v.requirementDescription ? h('p', {}, h('strong', {}, 'Requirement: '), v.requirementDescription) : null] : null,
  ];
}

/** The attachments of a step, each a download link (the API sends the file with its name). */
function attachments(list, base) {
  if (!list || !list.length) return '–';
  return h('ul', { class: 'attachments' }, list.map((a) => h('li', {},
    h('a', { href: `${base}/attachments/${a.id}`, download: a.fileName, class: 'attachment' }, a.fileName),
    ` (${a.contentType}, ${size(a.size)})`)));
}

function size(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** The steps, oldest first: who did what, when, from which state to which, the note and the files. */
export function timeline(v, base) {
  const ops = [...(v.operations || [])].sort((a, b) => String(a.at).localeCompare(String(b.at)));
  return [h('h2', {}, 'Steps'), table([
    { label: 'When', value: (o) => date(o.at) },
    { label: 'Who', value: (o) => ROLES[o.actorRole] || o.actorRole || '–' },
    { label: 'What', value: (o) => actionWords(o.action) },
    { label: 'State', value: (o) => (o.fromState && o.toState && o.fromState !== o.toState
      ? `${stateWords(o.fromState)} → ${stateWords(o.toState)}` : stateWords(o.toState || o.fromState || '')) },
    { label: 'Note', value: (o) => o.note || '–' },
    { label: 'Attachments', value: (o) => attachments(o.attachments, base) },
  ], ops, { id: 'flow-steps', empty: 'No steps yet.' })];
}

/** The flow's appeals with their decisions. */
/** The appeal form, for either side, when the flow allows one (the moves' "APPEAL" or the appeal's eligibility). */
export function appealMove(v, can, base, reload) {
  if (!can.has('APPEAL') && !v.appeal?.eligible) return [];
  return [h('h2', {}, 'Appeal to the operations manager'), form({
    id: 'flow-appeal',
    submit: 'Appeal',
    fields: [{ name: 'reason', label: 'Why you appeal', type: 'textarea', required: true }],
    async onSubmit(values) {
      await post(`${base}/appeal`, values);
      await reload('Appeal sent: the flow is frozen until an operator decides.');
    },
  })];
}

export function appealsView(v) {
  if (!v.appeals || !v.appeals.length) return null;
  return [h('h2', {}, 'Appeals'), table([
    { label: 'Opened', value: (a) => date(a.openedAt) },
    { label: 'By', value: (a) => ROLES[a.openedRole] || a.openedRole },
    { label: 'Why', value: (a) => [a.reason, a.grounds?.length ? h('div', { class: 'muted' }, a.grounds.map(groundWords).join('; ')) : null] },
    { label: 'Status', value: (a) => a.status },
    { label: 'Decision', value: (a) => (a.decision ? [decisionWords(a.decision), a.decisionNote ? h('div', {}, a.decisionNote) : null,
      h('div', { class: 'muted' }, date(a.decidedAt))] : 'Waiting for an operator') },
  ], v.appeals, { id: 'flow-appeals' })];
}

/** A paged, filtered list of flows; href(flow) links each to its page. */
export async function flowList(container, { api, path, query, navigate, href, heading, intro }) {
  const filter = form({
    id: 'flow-filter',
    submit: 'Filter',
    fields: [
      { name: 'state', label: 'State', type: 'select', options: STATES, value: query.state },
      { name: 'productName', label: 'Product name', value: query.productName },
      { name: 'frozen', label: 'Only flows with an open appeal', type: 'checkbox', value: query.frozen === 'true' },
    ],
    async onSubmit(values) {
      navigate(path, { state: values.state, productName: values.productName, frozen: values.frozen ? 'true' : undefined, page: 0 });
    },
  });
  const list = h('div', { 'aria-live': 'polite' });
  mount(container, heading, intro || null, filter, list);
  let result;
  try {
    result = await get(api, { state: query.state, productName: query.productName, frozen: query.frozen, page: query.page || 0, size: 20 });
  } catch (e) {
    filter.showProblem(e);
    return;
  }
  mount(list, table([
    { label: 'Product', value: (f) => h('a', { href: href(f) }, f.productName) },
    { label: 'Specification', value: (f) => f.specificationName },
    { label: 'State', value: (f) => [stateWords(f.state), f.frozen ? h('div', { class: 'muted' }, 'frozen by an appeal') : null] },
    { label: 'Since', value: (f) => date(f.stateSince) },
    { label: 'Amount', num: true, value: (f) => money(f.amount, f.currency) },
  ], result.items, { id: 'flows', empty: 'No service flows.' }),
  pager(result, (n) => navigate(path, { ...query, page: n })));
}
