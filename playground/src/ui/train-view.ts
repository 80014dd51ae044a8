/**
 * Training you can watch: the loss curve (uPlot: a streaming series over a shared step axis is exactly what it
 * is built for, with a log scale and cheap redraws), the speed in steps per second, and for 2-D data
 * the decision boundary — the network's output over the plane — redrawn as it learns, with the data on top.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrainProgress } from '../protocol.js';
import { h } from './dom.js';

export interface TrainView {
  update(p: TrainProgress): void;
  finish(summary: string): void;
}

/** Blue (0) to orange (1) through white. */
function shade(v: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, v));
  const [a, b] = t < 0.5 ? [[37, 99, 235], [255, 255, 255]] : [[255, 255, 255], [234, 88, 12]];
  const s = t < 0.5 ? t / 0.5 : (t - 0.5) / 0.5;
  return [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * s)) as [number, number, number];
}

function drawBoundary(canvas: HTMLCanvasElement, p: TrainProgress, points: readonly (readonly [number, number, number])[]): void {
  const b = p.boundary;
  if (b === undefined) return;
  const g = canvas.getContext('2d');
  if (g === null) return;
  const W = canvas.width, H = canvas.height;
  const img = g.createImageData(b.size, b.size);
  b.values.forEach((v, i) => {
    const [r, gg, bb] = shade(v);
    img.data.set([r, gg, bb, 255], 4 * i);
  });
  const off = new OffscreenCanvas(b.size, b.size);
  off.getContext('2d')!.putImageData(img, 0, 0);
  g.imageSmoothingEnabled = true;
  g.drawImage(off, 0, 0, W, H);
  const [x0, x1, y0, y1] = b.box;
  for (const [x, y, c] of points) {
    g.beginPath();
    g.arc(((x - x0) / (x1 - x0)) * W, ((y1 - y) / (y1 - y0)) * H, 4, 0, 2 * Math.PI);
    g.fillStyle = c === 1 ? '#c2410c' : '#1d4ed8';
    g.strokeStyle = '#ffffff';
    g.fill();
    g.stroke();
  }
}

export function trainView(body: HTMLElement): TrainView {
  body.textContent = '';
  const title = h('div', { class: 'train-title' });
  const stats = h('div', { class: 'train-stats', 'aria-live': 'off' });
  const chartBox = h('div', { class: 'loss-chart' });
  const boundary = h('canvas', { class: 'boundary', width: '240', height: '240', role: 'img', 'aria-label': 'decision boundary of the network' });
  boundary.hidden = true;
  const row = h('div', { class: 'train-row' }, chartBox, boundary);
  body.append(title, stats, row);
  const steps: number[] = [], losses: number[] = [];
  let points: readonly (readonly [number, number, number])[] = [];
  const width = (): number => Math.max(260, Math.min(560, chartBox.clientWidth || 480));
  const chart = new uPlot({
    width: width(), height: 220,
    scales: { x: { time: false }, y: { distr: 3 } },
    axes: [{ label: 'step' }, { label: 'loss', size: 60 }],
    series: [{ label: 'step' }, { label: 'loss', stroke: '#1d4ed8', width: 2, points: { show: false } }],
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
  }, [[], []], chartBox);
  new ResizeObserver(() => chart.setSize({ width: width(), height: 220 })).observe(chartBox);
  let pending = false;
  return {
    update(p) {
      title.textContent = p.title;
      if (p.points !== undefined) points = p.points;
      steps.push(p.step);
      losses.push(p.loss);
      stats.textContent = `step ${p.step} / ${p.total} · loss ${p.loss.toPrecision(4)} · ${Math.round(p.stepsPerSecond)} steps/s`;
      body.dataset['firstLoss'] = String(losses[0]);
      body.dataset['lastLoss'] = String(p.loss);
      body.dataset['updates'] = String(losses.length);
      if (p.boundary !== undefined) {
        boundary.hidden = false;
        drawBoundary(boundary, p, points);
      }
      if (!pending) {
        pending = true;
        requestAnimationFrame(() => {
          pending = false;
          chart.setData([steps.slice(), losses.slice()]);
        });
      }
    },
    finish(summary) {
      stats.textContent = summary;
      body.dataset['done'] = 'true';
    },
  };
}
