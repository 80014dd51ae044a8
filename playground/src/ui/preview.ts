/**
 * The live preview of how the input parsed: the parsed expression typeset by KaTeX (so `1/2x` shows x/2), or the
 * parse error's message with the offending character underlined at its column. Parsing runs on the page (it
 * is fast and independent of the session), so the preview stays live while the worker computes.
 */
import { parse, ParseError } from '../../../src/parse/parse.js';
import { latex } from '../../../src/render/latex.js';
import { h } from './dom.js';
import { renderTex } from './tex.js';

export interface PreviewParts {
  readonly preview: HTMLElement;
  readonly message: HTMLElement;
  /** A mirror of the input, laid over it, in which the faulty character is underlined. */
  readonly mirror: HTMLElement;
}

export function updatePreview(src: string, parts: PreviewParts): { ok: boolean; column?: number } {
  const { preview, message, mirror } = parts;
  mirror.textContent = '';
  message.textContent = '';
  if (src.trim() === '') {
    preview.textContent = '';
    return { ok: true };
  }
  try {
    renderTex(preview, latex(parse(src)), true);
    preview.classList.remove('stale');
    return { ok: true };
  } catch (err) {
    if (!(err instanceof ParseError)) {
      message.textContent = err instanceof Error ? err.message : String(err);
      return { ok: false };
    }
    const col = Math.max(1, Math.min(err.column, src.length + 1));
    const bad = src.slice(col - 1, col) || ' ';
    mirror.append(h('span', { class: 'before' }, src.slice(0, col - 1)), h('span', { class: 'bad', 'data-column': String(col) }, bad));
    message.textContent = `${err.reason} (column ${col})`;
    preview.classList.add('stale');
    return { ok: false, column: col };
  }
}
