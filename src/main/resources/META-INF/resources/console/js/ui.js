// Small DOM helpers shared by every page: an element builder, money, facts, tables, forms that show the API's
// problems (title/detail above the form, each field's message next to its input) and a pager.
import { ApiError } from './api.js';

/** h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', child, [children]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the content of el. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** An amount with its currency: money(1234.5, 'USD') -> "$1,234.50", "CN¥…"; up to 4 decimals (hourly prices). */
export function money(amount, currency) {
  if (amount === undefined || amount === null) return '–';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency || 'USD', currencyDisplay: 'code',
      minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(Number(amount));
  } catch (e) {
    return `${amount} ${currency || ''}`.trim();
  }
}

export function date(value) {
  if (!value) return '–';
  return new Date(value).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A definition list: facts([['Status', 'ACTIVE'], ...]); rows with an undefined value are left out. */
export function facts(rows, attrs) {
  return h('dl', { class: 'facts', ...attrs },
    rows.filter((r) => r && r[1] !== undefined).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '–')]));
}

/** table([{label, value: row => node|text, num}], rows, {caption}) */
export function table(columns, rows, options = {}) {
  if (!rows.length) return h('p', { class: 'muted' }, options.empty || 'Nothing here yet.');
  return h('table', { id: options.id },
    options.caption ? h('caption', { class: 'muted' }, options.caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.value(r)))))));
}

/** The problem of a failed call, in words (role=alert, so screen readers announce it). */
export function problemBox(error) {
  const e = error instanceof ApiError ? error : new ApiError(0, { title: 'Something went wrong', detail: String(error.message || error) });
  const unmatched = e.violations.filter((v) => !v.shown);
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, e.title),
    e.detail ? h('span', {}, e.detail) : null,
    unmatched.length ? h('ul', {}, unmatched.map((v) => h('li', {}, `${v.field}: ${v.message}`))) : null);
}

export function notice(text) {
  return h('div', { class: 'notice', role: 'status' }, text);
}

let formCount = 0;

/**
 * A form of labelled inputs. fields: [{name, label, type: text|number|email|textarea|select|checkbox|hidden,
 * options: [[value, text]], value, required, help, min, max, step, problemFields: ['api.field.name', ...]}] and
 * {legend, fields} for a fieldset. onSubmit(values, form) may throw an ApiError: its title/detail appear above the
 * form and each violation next to the input whose name (or problemFields) matches the violation's field (a field
 * "specifications[0].name" matches the input named "specifications[0].name", then the longest matching prefix).
 * Returns the <form>; form.values() reads it, form.showProblem(e) and form.clearProblem() are there for pages.
 */
export function form({ id, fields, submit, onSubmit, secondary }) {
  const formId = id || `form-${++formCount}`;
  const top = h('div', { class: 'form-problem', 'aria-live': 'polite' });
  const inputs = new Map();
  const el = h('form', { class: 'form', id: formId, novalidate: true });

  const build = (f) => {
    if (f.fields) return h('fieldset', {}, h('legend', {}, f.legend), f.fields.map(build));
    const inputId = `${formId}-${f.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const errorId = `${inputId}-error`;
    const helpId = f.help ? `${inputId}-help` : null;
    const common = { id: inputId, name: f.name, required: f.required, 'aria-describedby': [helpId, errorId].filter(Boolean).join(' ') };
    let input;
    if (f.type === 'select') {
      input = h('select', common, (f.options || []).map(([v, t]) => h('option', { value: v, selected: String(v) === String(f.value ?? '') }, t)));
    } else if (f.type === 'textarea') {
      input = h('textarea', common);
      input.value = f.value ?? '';
    } else if (f.type === 'checkbox') {
      input = h('input', { ...common, type: 'checkbox', checked: !!f.value });
    } else {
      input = h('input', { ...common, type: f.type || 'text', value: f.value ?? '', min: f.min, max: f.max, step: f.step,
        autocomplete: f.autocomplete || 'off' });
    }
    if (f.type === 'hidden') {
      inputs.set(f.name, { f, input, error: h('span') });
      return input;
    }
    const error = h('span', { id: errorId, class: 'field-error' });
    inputs.set(f.name, { f, input, error });
    const label = h('label', { for: inputId }, f.label, f.required ? ' *' : '');
    if (f.type === 'checkbox') {
      return h('div', { class: 'field check' }, input, label, f.help ? h('span', { id: helpId, class: 'help' }, f.help) : null, error);
    }
    return h('div', { class: 'field' }, label, input, f.help ? h('span', { id: helpId, class: 'help' }, f.help) : null, error);
  };

  const button = h('button', { type: 'submit' }, submit || 'Save');
  el.append(top, ...fields.map(build), h('div', { class: 'actions' }, button, secondary || null));

  el.values = () => {
    const values = {};
    for (const [name, { f, input }] of inputs) {
      if (f.type === 'checkbox') values[name] = input.checked;
      else if (f.type === 'number') values[name] = input.value === '' ? undefined : Number(input.value);
      else values[name] = input.value.trim() === '' ? undefined : input.value.trim();
    }
    return values;
  };
  el.input = (name) => inputs.get(name)?.input;
  el.clearProblem = () => {
    top.replaceChildren();
    for (const { input, error } of inputs.values()) {
      input.removeAttribute('aria-invalid');
      error.textContent = '';
    }
  };
  el.showProblem = (e) => {
    el.clearProblem();
    let first = null;
    if (e instanceof ApiError) {
      for (const v of e.violations) {
        const target = match(inputs, v.field || '');
        if (target) {
          target.error.textContent = target.error.textContent ? `${target.error.textContent}; ${v.message}` : v.message;
          target.input.setAttribute('aria-invalid', 'true');
          v.shown = true;
          first = first || target.input;
        }
      }
    }
    top.replaceChildren(problemBox(e));
    (first || top).focus?.();
  };
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    el.clearProblem();
    button.disabled = true;
    try {
      await onSubmit(el.values(), el);
    } catch (e) {
      el.showProblem(e);
    } finally {
      button.disabled = false;
    }
  });
  return el;
}

function match(inputs, field) {
  let best = null;
  let bestLength = -1;
  for (const entry of inputs.values()) {
    const names = [entry.f.name, ...(entry.f.problemFields || [])];
    for (const n of names) {
      if ((field === n || field.startsWith(`${n}.`) || field.startsWith(`${n}[`)) && n.length > bestLength) {
        best = entry;
        bestLength = n.length;
      }
    }
  }
  return best;
}

/** Prev/next for a {page, size, total} answer; onPage(n) loads page n. */
export function pager(result, onPage) {
  const pages = Math.max(1, Math.ceil((result.total || 0) / (result.size || 20)));
  const page = result.page || 0;
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', class: 'secondary', disabled: page <= 0, onclick: () => onPage(page - 1) }, 'Previous'),
    h('span', {}, `Page ${page + 1} of ${pages} (${result.totalText ?? result.total} in all)`),
    h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => onPage(page + 1) }, 'Next'));
}

/** A button that runs an action and shows its problem in `where` (or after itself). */
export function action(label, run, attrs = {}) {
  const slot = h('span');
  const b = h('button', { type: 'button', ...attrs, onclick: async () => {
    b.disabled = true;
    slot.replaceChildren();
    try {
      await run();
    } catch (e) {
      slot.replaceChildren(problemBox(e));
    } finally {
      b.disabled = false;
    }
  } }, label);
  return h('span', { class: 'actions' }, b, slot);
}

/** The page's heading; the router focuses it after each navigation. */
export function title(text) {
  return h('h1', { tabindex: '-1' }, text);
}

/** Loads, then renders; a failed load is shown in words. */
export async function loading(container, load, render) {
  mount(container, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const data = await load();
    render(data);
  } catch (e) {
    mount(container, problemBox(e));
  }
}

/** A wait in words: duration(3540) -> "59 minutes", duration(90) -> "1 minute 30 seconds". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  const part = (n, unit) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return [part(hours, 'hour'), part(minutes, 'minute'), hours ? '' : part(rest, 'second')].filter(Boolean).join(' ') || '0 seconds';
}
