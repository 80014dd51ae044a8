/**
 * A derivation shown one step at a time: the rows of the aligned derivation revealed one by one ("Next step",
 * or all at once), with the list of rule labels so far; switching language re-renders the same rows in the
 * other language without recomputing.
 */
import type { Result } from '../protocol.js';
import { h } from './dom.js';
import { getLang, onLang, word } from './lang.js';
import { renderTex } from './tex.js';
import { copyButtons } from './cards.js';

export function showSteps(body: HTMLElement, r: Extract<Result, { kind: 'steps' }>): void {
  body.textContent = '';
  const total = r.en.rows.length;
  let shown = Math.min(1, total);
  const math = h('div', { class: 'tex steps-tex' });
  // The labels are in the typeset rows already; this list says them again for screen readers.
  const labels = h('ol', { class: 'step-labels visually-hidden', 'aria-label': 'rules used' });
  const counter = h('span', { class: 'step-count', 'aria-live': 'polite' });
  const next = h('button', { type: 'button', class: 'next-step' });
  const all = h('button', { type: 'button', class: 'all-steps' });
  const draw = (): void => {
    const lang = getLang();
    const s = r[lang];
    renderTex(math, `\\begin{aligned}\n${s.rows.slice(0, shown).join(' \\\\\n')}\n\\end{aligned}`);
    labels.textContent = '';
    s.labels.slice(0, shown).forEach((l) => labels.append(h('li', {}, l)));
    counter.textContent = `${word('step')} ${shown} ${word('of')} ${total}`;
    next.textContent = word('next');
    all.textContent = word('all');
    next.disabled = shown >= total;
    all.disabled = shown >= total;
    body.dataset['shown'] = String(shown);
    body.dataset['lang'] = lang;
  };
  next.addEventListener('click', () => {
    shown = Math.min(total, shown + 1);
    draw();
  });
  all.addEventListener('click', () => {
    shown = total;
    draw();
  });
  onLang(draw);
  const copy = copyButtons(() => ({ tex: r[getLang()].tex, text: r[getLang()].text }));
  body.append(math, labels, h('div', { class: 'step-controls' }, next, all, counter, copy));
  draw();
}
