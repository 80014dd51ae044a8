/** KaTeX rendering that never throws: a formula KaTeX cannot typeset is shown as its source, in a code span. */
import katex from 'katex';

export function renderTex(el: HTMLElement, tex: string, display = true): void {
  try {
    katex.render(tex, el, { displayMode: display, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore', trust: false });
  } catch {
    el.textContent = '';
    const code = document.createElement('code');
    code.textContent = tex;
    el.append(code);
  }
}

export function texElement(tex: string, display = true, cls = 'tex'): HTMLElement {
  const el = document.createElement('div');
  el.className = cls;
  renderTex(el, tex, display);
  return el;
}
