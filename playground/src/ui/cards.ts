/** The output cards: one per line run, showing its result in the forms that apply, or its error. */
import type { Form, Result } from '../protocol.js';
import { copyText } from './copy.js';
import { h } from './dom.js';
import { onLang, word, type Word } from './lang.js';
import { renderTex, texElement } from './tex.js';

export function newCard(line: string): { card: HTMLElement; body: HTMLElement } {
  const body = h('div', { class: 'card-body' }, h('span', { class: 'running' }, 'running…'));
  const card = h('article', { class: 'card', 'aria-busy': 'true' }, h('div', { class: 'card-input' }, h('code', {}, line)), body);
  return { card, body };
}

function localized(w: Word): HTMLElement {
  const el = h('span', {}, word(w));
  onLang(() => { el.textContent = word(w); });
  return el;
}

export function copyButtons(form: Form | (() => Form)): HTMLElement {
  const current = typeof form === 'function' ? form : () => form;
  const make = (what: Word, value: (f: Form) => string): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'small', 'data-copy': what === 'copyTex' ? 'latex' : 'text' }, localized(what));
    b.addEventListener('click', () => {
      const v = value(current());
      void copyText(v).then((ok) => {
        b.dataset['copied'] = ok ? v : '';
        b.classList.toggle('done', ok);
        b.title = ok ? word('copied') : '';
      });
    });
    return b;
  };
  return h('div', { class: 'copy' }, make('copyTex', (f) => f.tex), make('copyText', (f) => f.text));
}

function formRow(name: Word, form: Form, cls: string): HTMLElement {
  return h('div', { class: `form ${cls}`, 'data-text': form.text }, h('span', { class: 'form-name' }, localized(name)), texElement(form.tex, true), copyButtons(form));
}

/** Fill a card with a plain result (expression, definition, text); richer kinds are handled by their views. */
export function showSimple(body: HTMLElement, r: Result): boolean {
  body.textContent = '';
  switch (r.kind) {
    case 'expr':
      body.append(formRow('exact', r.exact, 'exact'));
      if (r.simplified) body.append(formRow('simplified', r.simplified, 'simplified'));
      if (r.numeric) body.append(formRow('numeric', r.numeric, 'numeric'));
      return true;
    case 'define':
      body.append(formRow('exact', r.exact, 'exact'));
      return true;
    case 'text': {
      if (r.tex !== undefined) body.append(texElement(r.tex, true));
      body.append(h('pre', { class: 'text-out' }, r.text));
      return true;
    }
    case 'none':
      body.append(h('span', { class: 'muted' }, '✓'));
      return true;
    default:
      return false;
  }
}

export function showError(body: HTMLElement, message: string): void {
  body.textContent = '';
  body.append(h('div', { class: 'error', role: 'alert' }, message));
}

export { renderTex };
