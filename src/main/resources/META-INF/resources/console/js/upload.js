// Multipart calls (files with a few text fields) for the pages that send attachments, through api.js's send (same
// origin, the session cookie, the CSRF header; a failure is the same ApiError: title, detail, per-field messages).
import { send } from './api.js';

/** POSTs fields (text values; undefined left out) and files (a FileList or array of File, sent as "files"). */
export function postMultipart(path, fields, files) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields || {})) {
    if (v !== undefined && v !== null && v !== '') body.append(k, String(v));
  }
  for (const f of Array.from(files || [])) body.append('files', f, f.name);
  return send('POST', path, { body, fallbackTitles: { 413: 'Attachment too large' } });
}
