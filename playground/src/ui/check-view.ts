/**
 * "Check my answer": f, the variable, whether the answer is a derivative or an antiderivative, and the user's
 * answer. The worker answers whether it is right (symbolically, else numerically at random points) and, if not,
 * where it differs.
 */
import type { CheckRequest } from '../protocol.js';
import { Cancelled, LousaError, type LousaClient } from './client.js';
import { byId, h } from './dom.js';
import { renderTex } from './tex.js';

export function wireCheck(client: LousaClient): void {
  const form = byId<HTMLFormElement>('check-form');
  const out = byId<HTMLElement>('check-result');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const req: CheckRequest = {
      mode: data.get('mode') === 'antiderivative' ? 'antiderivative' : 'derivative',
      f: String(data.get('f') ?? ''),
      x: String(data.get('x') ?? 'x'),
      answer: String(data.get('answer') ?? ''),
    };
    out.textContent = 'checking…';
    out.className = 'check-result';
    delete out.dataset['verdict'];
    client.check(req).then((r) => {
      out.textContent = '';
      out.dataset['verdict'] = r.equivalent ? 'right' : 'wrong';
      out.classList.add(r.equivalent ? 'right' : 'wrong');
      const expected = h('div', { class: 'tex' });
      renderTex(expected, r.expected.tex, false);
      out.append(
        h('p', { class: 'verdict' }, `${r.equivalent ? '✓' : '✗'} ${r.message}`),
        h('div', { class: 'expected' }, h('span', {}, req.mode === 'derivative' ? 'Lousa’s derivative: ' : 'f: '), expected),
      );
    }).catch((err: unknown) => {
      out.textContent = '';
      if (err instanceof Cancelled) return;
      out.dataset['verdict'] = 'error';
      out.classList.add('wrong');
      out.append(h('p', { class: 'verdict', role: 'alert' }, err instanceof LousaError ? err.message : 'the check could not be done'));
    });
  });
}
