// Multipart calls (files with a few text fields) for the pages that send attachments: same origin, the session
// cookie, the CSRF header; a failure becomes the same ApiError as api.js's calls (title, detail, per-field messages).
import { ApiError } from './api.js';

function csrf() {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'og_csrf') return decodeURIComponent(v.join('='));
  }
  return '';
}

/** POSTs fields (text values; undefined left out) and files (a FileList or array of File, sent as "files"). */
export async function postMultipart(path, fields, files) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields || {})) {
    if (v !== undefined && v !== null && v !== '') body.append(k, String(v));
  }
  for (const f of Array.from(files || [])) body.append('files', f, f.name);
  let res;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'JavaScript', 'X-CSRF-Token': csrf() },
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'manual',
    });
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
    throw new ApiError(res.status, json || { title: res.status === 413 ? 'Attachment too large' : `Error ${res.status}` });
  }
  return json;
}
