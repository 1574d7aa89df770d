// The console's only way to the API: same origin, the session cookie, JSON, the CSRF header on every change.
// Errors become ApiError (status, title, detail, per-field messages) parsed from the problem+json answer.

const CSRF_COOKIE = 'og_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    const p = problem || {};
    super(p.detail || p.title || `The service answered ${status}`);
    this.status = status;
    this.title = p.title || `Error ${status}`;
    this.detail = p.detail || '';
    this.type = p.type || '';
    this.currentState = p.currentState;
    // [{field, message}] as the API names them: "name", "specifications[0].prices[0].unitPrice"
    this.violations = Array.isArray(p.errors) ? p.errors : [];
    // seconds of a 429's or 503's Retry-After header, when it has one
    this.retryAfter = retryAfter ? Number(retryAfter) : undefined;
  }
}

function cookie(name) {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return '';
}

/** "?a=1&b=x" from an object, leaving out empty values. */
export function query(params) {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Sends one request as the console does (same origin, the session cookie, no redirects followed, the CSRF header on
 * every change) and answers the parsed JSON, or throws ApiError: the problem document's words, or these when the
 * answer has none (fallbackTitles: {status: title}, e.g. {413: 'Attachment too large'}).
 */
export async function send(method, path, { headers = {}, body, fallbackTitles = {} } = {}) {
  const all = {
    Accept: 'application/json, application/problem+json',
    // tells the console's OIDC tenant not to redirect a script's call to the login page: 401 instead
    'X-Requested-With': 'JavaScript',
    ...headers,
  };
  if (method !== 'GET' && method !== 'HEAD') all[CSRF_HEADER] = cookie(CSRF_COOKIE);
  let res;
  try {
    res = await fetch(path, { method, headers: all, body, credentials: 'same-origin', cache: 'no-store', redirect: 'manual' });
  } catch (e) {
    throw new ApiError(0, { title: 'The service cannot be reached', detail: 'Check your connection and try again.' });
  }
  if (res.status === 401 || res.status === 499 || res.type === 'opaqueredirect') {
    document.dispatchEvent(new CustomEvent('console:session-ended'));
    throw new ApiError(401, { title: 'Your session has ended', detail: 'Sign in again to continue.' });
  }
  const text = await res.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = null; }
  }
  if (!res.ok) {
    const problem = json || (fallbackTitles[res.status] ? { title: fallbackTitles[res.status] } : null);
    throw new ApiError(res.status, problem, res.headers.get('Retry-After'));
  }
  return json;
}

/**
 * One JSON call. options.idempotencyKey: sent as Idempotency-Key (money moves: make one per form submission, so a
 * retry of the same submission moves no money twice).
 */
export function api(method, path, body, options = {}) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  return send(method, path, { headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

export const get = (path, params) => api('GET', path + query(params));
export const post = (path, body, options) => api('POST', path, body, options);
export const put = (path, body, options) => api('PUT', path, body, options);
export const del = (path, options) => api('DELETE', path, undefined, options);

/** A fresh Idempotency-Key. */
export const newKey = () => crypto.randomUUID();
