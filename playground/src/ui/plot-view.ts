/**
 * An interactive plot card: the canvas, toggles for f′ and ∫f, a slider per free parameter, pan (drag, arrow
 * keys), zoom (wheel, +/−, buttons) and reset. Every change asks the worker for a fresh adaptive sampling of
 * the new view, one request at a time (changes made meanwhile are merged into the next request).
 */
import type { PlotData, Result } from '../protocol.js';
import { Cancelled, LousaError, type LousaClient } from './client.js';
import { h } from './dom.js';
import { area, drawPlot, type Frame } from './plot-draw.js';
import { renderTex } from './tex.js';

type PlotResult = Extract<Result, { kind: 'plot' }>;

const short = (v: number): string => (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5) || v === 0 ? String(Number(v.toPrecision(4))) : v.toExponential(3);

/** "x = 1.2 · sin(x) = 0.93 · f′ = 0.36": each curve's value at its sample nearest the pointer. */
function readoutAt(data: PlotData, view: readonly [number, number], fraction: number, variable: string): string {
  if (!(fraction >= 0 && fraction <= 1)) return '';
  const x = view[0] + fraction * (view[1] - view[0]);
  const parts = [`${variable} = ${short(x)}`];
  const near = (view[1] - view[0]) / 100;
  for (const c of data.curves) {
    let best: { x: number; y: number } | undefined;
    for (const seg of c.segments) for (const p of seg) if (best === undefined || Math.abs(p.x - x) < Math.abs(best.x - x)) best = p;
    if (best !== undefined && Math.abs(best.x - x) <= near) parts.push(`${c.name} = ${short(best.y)}`);
  }
  return parts.join('  ·  ');
}

export interface PlotOptions {
  /** Slider values to start from (a shared link's), instead of the defaults. */
  readonly initial?: Readonly<Record<string, number>>;
  /** Told the slider values whenever one moves. */
  readonly onParams?: (values: Readonly<Record<string, number>>) => void;
}

export function showPlot(body: HTMLElement, r: PlotResult, client: LousaClient, opts: PlotOptions = {}): void {
  body.textContent = '';
  const home: [number, number] = [r.data.xRange[0], r.data.xRange[1]];
  let view: [number, number] = [...home];
  let data: PlotData = r.data;
  const values: Record<string, number> = Object.fromEntries(r.params.map((p) => [p.name, opts.initial?.[p.name] ?? p.value]));
  const moved = r.params.some((p) => values[p.name] !== p.value);
  const show = { df: false, int: false };

  const title = h('div', { class: 'plot-title' });
  renderTex(title, r.title.tex, false);
  const canvas = h('canvas', { class: 'plot', tabindex: '0', role: 'img', 'aria-label': `plot of ${r.title.text}; arrow keys pan, + and − zoom, 0 resets` });
  const status = h('div', { class: 'plot-status', 'aria-live': 'polite' });
  const frame = (): Frame => ({ x: view, y: [data.yRange[0], data.yRange[1]] });
  const draw = (): void => {
    drawPlot(canvas, data, frame());
    body.dataset['draws'] = String(Number(body.dataset['draws'] ?? '0') + 1);
  };

  let inFlight = false, dirty = false;
  const request = (): void => {
    if (inFlight) { dirty = true; return; }
    inFlight = true;
    dirty = false;
    status.textContent = '';
    client.replot(r.plotId, view, values, show).then((d) => {
      data = d;
      draw();
    }).catch((err: unknown) => {
      if (!(err instanceof Cancelled)) status.textContent = err instanceof LousaError ? err.message : 'the plot could not be redrawn';
    }).finally(() => {
      inFlight = false;
      if (dirty) request();
      else body.dataset['settled'] = String(Date.now());
    });
  };

  const zoom = (factor: number, at = (view[0] + view[1]) / 2): void => {
    view = [at + (view[0] - at) * factor, at + (view[1] - at) * factor];
    request();
  };
  const pan = (fraction: number): void => {
    const d = (view[1] - view[0]) * fraction;
    view = [view[0] + d, view[1] + d];
    request();
  };

  const toggles = h('div', { class: 'plot-toggles' });
  for (const [key, label] of [['df', 'f′'], ['int', '∫f']] as const) {
    const box = h('input', { type: 'checkbox', id: `p${r.plotId}-${key}`, 'data-show': key });
    box.addEventListener('change', () => { show[key] = box.checked; request(); });
    toggles.append(h('label', { for: box.id }, box, ` ${label}`));
  }
  const btn = (text: string, label: string, f: () => void): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'small', 'aria-label': label }, text);
    b.addEventListener('click', f);
    return b;
  };
  toggles.append(btn('−', 'zoom out', () => zoom(1.5)), btn('+', 'zoom in', () => zoom(1 / 1.5)), btn('⟲', 'reset view', () => { view = [...home]; request(); }));

  const sliders = h('div', { class: 'sliders' });
  for (const p of r.params) {
    const v = values[p.name]!;
    const out = h('output', {}, v.toFixed(2));
    const s = h('input', {
      type: 'range', min: String(Math.min(p.min, v)), max: String(Math.max(p.max, v)), step: '0.01', value: String(v),
      'data-param': p.name, 'aria-label': `parameter ${p.name}`,
    });
    s.addEventListener('input', () => {
      values[p.name] = Number(s.value);
      out.textContent = Number(s.value).toFixed(2);
      opts.onParams?.({ ...values });
      request();
    });
    sliders.append(h('label', { class: 'slider' }, h('span', { class: 'param' }, p.name), s, out));
  }

  canvas.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const a = area(canvas);
    const at = view[0] + ((ev.offsetX - a.x0) / a.w) * (view[1] - view[0]);
    zoom(ev.deltaY > 0 ? 1.2 : 1 / 1.2, at);
  }, { passive: false });
  let dragX: number | undefined;
  canvas.addEventListener('pointerdown', (ev) => { dragX = ev.clientX; canvas.setPointerCapture(ev.pointerId); });
  canvas.addEventListener('pointerup', () => { dragX = undefined; });
  const readout = h('div', { class: 'plot-readout', 'aria-hidden': 'true' });
  canvas.addEventListener('pointerleave', () => { readout.textContent = ''; });
  canvas.addEventListener('pointermove', (ev) => {
    if (dragX === undefined) {
      readout.textContent = readoutAt(data, view, (ev.offsetX - area(canvas).x0) / area(canvas).w, r.variable);
      return;
    }
    const dx = ev.clientX - dragX;
    if (Math.abs(dx) < 3) return;
    dragX = ev.clientX;
    pan(-dx / area(canvas).w);
  });
  canvas.addEventListener('keydown', (ev) => {
    const k = ev.key;
    if (k === 'ArrowLeft') pan(-0.1);
    else if (k === 'ArrowRight') pan(0.1);
    else if (k === '+' || k === '=') zoom(1 / 1.5);
    else if (k === '-' || k === '_') zoom(1.5);
    else if (k === '0') { view = [...home]; request(); }
    else return;
    ev.preventDefault();
  });

  body.append(title, canvas, readout, toggles, sliders, status);
  new ResizeObserver(() => draw()).observe(canvas);
  draw();
  if (moved) request();
}
