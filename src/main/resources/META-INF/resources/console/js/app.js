// The console's shell: who is signed in (GET /console/me), a menu of the pages their roles may use, and a hash
// router (#/path/:param) that renders one page module at a time (see routes.js).
import { get, ApiError } from './api.js';
import { h, mount, problemBox } from './ui.js';
import routes from './routes.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let me = null;

function allowed(route) {
  return !route.roles || route.roles.some((r) => me.roles.includes(r));
}

/** '#/apps/123' against '/apps/:id' -> {id: '123'} or null. */
function matchPath(pattern, path) {
  const p = pattern.split('/');
  const a = path.split('/');
  if (p.length !== a.length) return null;
  const params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return null;
  }
  return params;
}

function current() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(search || '')) };
}

/** navigate('/apps/123') or navigate('/catalog', {q: 'crm'}) */
export function navigate(path, query) {
  const q = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')).toString() : '';
  const target = `#${path}${q ? `?${q}` : ''}`;
  if (location.hash === target) render();
  else location.hash = target;
}

function home() {
  return routes.find((r) => r.home && r.home.some((role) => me.roles.includes(role)) && allowed(r))
    || routes.find((r) => r.nav && allowed(r));
}

function renderNav(active) {
  mount(nav, routes.filter((r) => r.nav && allowed(r)).map((r) =>
    h('a', { href: `#${r.path}`, 'aria-current': r === active ? 'page' : null }, r.nav)));
}

async function render() {
  const { path, query } = current();
  if (path === '/') {
    const first = home();
    if (first) {
      location.replace(`#${first.path}`);
      return;
    }
  }
  let route = null;
  let params = null;
  for (const r of routes) {
    params = matchPath(r.path, path);
    if (params) {
      route = r;
      break;
    }
  }
  const menuRoute = route && (route.nav ? route : routes.find((r) => r.nav && route.section && r.section === route.section));
  renderNav(menuRoute);
  if (!route) {
    mount(main, h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the start')));
  } else if (!allowed(route)) {
    mount(main, h('h1', { tabindex: '-1' }, 'Not for your role'),
      h('p', {}, `This page is for: ${route.roles.join(', ')}. You are signed in as ${me.name} (${me.roles.join(', ') || 'no role'}).`));
  } else {
    document.title = `${route.title} · OpenGallery console`;
    mount(main);
    try {
      await route.render(main, { ...params, query }, { me, navigate });
    } catch (e) {
      mount(main, h('h1', { tabindex: '-1' }, route.title), problemBox(e));
    }
  }
  const heading = main.querySelector('h1');
  if (heading) heading.focus({ preventScroll: true });
}

document.addEventListener('console:session-ended', () => {
  mount(main, h('h1', { tabindex: '-1' }, 'Your session has ended'),
    h('p', {}, h('a', { href: '/console/login', id: 'sign-in' }, 'Sign in again')));
});

async function start() {
  try {
    me = await get('/console/me');
  } catch (e) {
    mount(main, problemBox(e instanceof ApiError ? e : new ApiError(0, { title: 'The console could not start' })));
    return;
  }
  document.getElementById('who').textContent = `${me.name} (${me.roles.join(', ') || 'no role'})`;
  window.addEventListener('hashchange', render);
  await render();
}

start();
