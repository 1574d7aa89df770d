// The inbox: notifications (newest first, unread ones or all), each marked read one by one or all at once; paged.
import { get, post } from '../../api.js';
import { h, mount, date, title, pager, form, action } from '../../ui.js';

const page = {
  path: '/inbox',
  title: 'Inbox',
  nav: 'Inbox',
  roles: ['customer'],
  async render(container, params, ctx) {
    const { query } = params;
    const unread = query.unread === 'true';
    const inbox = await get('/api/inbox', { unread: unread || undefined, page: query.page || 0, size: 20 });
    const reload = () => page.render(container, params, ctx);
    const filter = form({
      id: 'inbox-filter',
      submit: 'Show',
      fields: [{ name: 'unread', label: 'Only unread notifications', type: 'checkbox', value: unread }],
      async onSubmit(values) { ctx.navigate('/inbox', { unread: values.unread ? 'true' : undefined, page: 0 }); },
    });
    mount(container, title('Inbox'),
      h('p', { id: 'unread-count' }, `${inbox.unreadCount} unread`),
      filter,
      inbox.unreadCount ? action('Mark all read', async () => { await post('/api/inbox/read-all'); await reload(); },
        { class: 'secondary', id: 'read-all' }) : null,
      inbox.items.length ? h('ul', { class: 'results', id: 'inbox' }, inbox.items.map((n) => h('li', { class: n.read ? 'read' : 'unread' },
        h('strong', {}, n.read ? '' : 'New: ', n.title), ' ', h('span', { class: 'muted' }, `${n.kind} · ${date(n.createdAt)}`),
        h('div', {}, n.body),
        n.link && n.link.startsWith('/') ? h('div', {}, h('a', { href: `#${n.link}` }, 'Open')) : null,
        n.read ? h('div', { class: 'muted' }, `Read ${date(n.readAt)}`)
          : action('Mark read', async () => { await post(`/api/inbox/${n.id}/read`); await reload(); },
            { 'aria-label': `Mark "${n.title}" read`, class: 'secondary' }))))
        : h('p', { class: 'muted', id: 'inbox' }, unread ? 'No unread notifications.' : 'No notifications yet.'),
      pager(inbox, (n) => ctx.navigate('/inbox', { unread: unread ? 'true' : undefined, page: n })));
  },
};
export default page;
