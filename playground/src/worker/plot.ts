/**
 * `plot(f, x, a, b)` for the page: f (or a list of functions) is evaluated in the session with x bound, every
 * other free symbol becomes a parameter with a slider, and each curve is sampled adaptively by
 * src/numeric/plot (poles and gaps cut). On request the page also gets f′ (the symbolic derivative, compiled)
 * and ∫f (the running integral from a, by the trapezoid rule on a fine grid, stopped at poles and gaps).
 */
import { type Expr, type Sym, sub, sym } from '../../../src/ast/expr.js';
import { diff } from '../../../src/diff/index.js';
import { freeSymbols } from '../../../src/eval/n.js';
import { evaluate } from '../../../src/eval/evaluate.js';
import { EvalError } from '../../../src/eval/errors.js';
import { compile } from '../../../src/numeric/compile/index.js';
import { sampleFunction } from '../../../src/numeric/plot/index.js';
import { displayRange } from '../../../src/numeric/plot/scale.js';
import type { Session } from '../../../src/lang/session.js';
import { substitute } from '../../../src/lang/session.js';
import { text } from '../../../src/render/text.js';
import { latex } from '../../../src/render/latex.js';
import type { Curve, PlotData, PlotParam, PlotPoint, Result } from '../protocol.js';

type Kernel = (...args: number[]) => number;

interface PlotSpec {
  readonly names: readonly string[];
  readonly params: readonly string[];
  readonly f: readonly { label: string; k: Kernel; dk: Kernel | undefined }[];
  readonly anchor: number;
}

const plots = new Map<number, PlotSpec>();
let nextPlot = 1;

/** The bound variable, renamed so that a session value of the same name cannot capture it. */
const hidden = (name: string): Sym => sym(`\u0000plot:${name}`);

function numberArg(session: Session, e: Expr, what: string): number {
  const v = evaluate(session.evaluate(e));
  if (!Number.isFinite(v)) throw new EvalError(`${what} must be a finite number, got ${v}`);
  return v;
}

function tryDerivative(e: Expr, x: Sym, inputs: readonly string[]): Kernel | undefined {
  try {
    return compile(diff(e, x), inputs) as Kernel;
  } catch {
    return undefined;
  }
}

/** Run a plot command: remember its kernels and return the first sampling. */
export function runPlot(session: Session, args: readonly Expr[]): Result {
  const [f, x, a, b] = args;
  if (args.length !== 4) throw new EvalError('plot takes 4 arguments: plot(f, x, a, b)');
  if (x!.kind !== 'sym') throw new EvalError(`the second argument of plot must be a variable name, got ${text(x!)}`);
  const v = hidden(x!.name);
  const fs = f!.kind === 'list' ? f!.items : [f!];
  const bodies = fs.map((fi) => {
    let e = session.evaluate(substitute(fi, new Map<Expr, Expr>([[x!, v]])));
    if (e.kind === 'rel' && e.op === '=') e = sub(e.lhs, e.rhs);
    return e;
  });
  const params = [...new Set(bodies.flatMap((e) => freeSymbols(e)))].filter((n) => n !== v.name).sort();
  const names = [v.name, ...params];
  const lo = numberArg(session, a!, 'a'), hi = numberArg(session, b!, 'b');
  if (!(lo < hi)) throw new EvalError(`plot needs a < b, got a = ${lo} and b = ${hi}`);
  const spec: PlotSpec = {
    names, params, anchor: lo,
    f: bodies.map((e, k) => ({ label: text(fs[k]!), k: compile(e, names) as Kernel, dk: tryDerivative(e, v, names) })),
  };
  // Plots are numbered in the order they succeed, so replaying a page's lines in a new worker numbers them alike.
  const plotId = nextPlot;
  plots.set(plotId, spec);
  const values = Object.fromEntries(params.map((p) => [p, 1]));
  const plotParams: PlotParam[] = params.map((p) => ({ name: p, value: 1, min: -5, max: 5 }));
  const titleExpr = fs.length === 1 ? fs[0]! : f!;
  let data: PlotData;
  try {
    data = samplePlot(plotId, [lo, hi], values, { df: false, int: false });
  } catch (err) {
    plots.delete(plotId);
    throw err;
  }
  nextPlot++;
  return { kind: 'plot', plotId, variable: x!.name, params: plotParams, title: { tex: latex(titleExpr), text: text(titleExpr) }, data };
}

function curveOf(name: string, role: Curve['role'], g: (t: number) => number, lo: number, hi: number): { curve: Curve; yRange: [number, number] } {
  const r = sampleFunction(g, lo, hi, { width: 640, height: 320, initialPoints: 160 });
  return { curve: { name, role, segments: r.segments, breaks: r.breaks }, yRange: r.yRange };
}

/** ∫ from the anchor of g, on a grid over the view, cut at non-finite values and at f's poles. */
function runningIntegral(g: (t: number) => number, anchor: number, lo: number, hi: number, poles: readonly number[]): PlotPoint[][] {
  const L = Math.min(anchor, lo), H = Math.max(anchor, hi);
  const n = 2000, h = (H - L) / n;
  const xs = Array.from({ length: n + 1 }, (_, i) => (i === n ? H : L + i * h));
  const ys = xs.map(g);
  const I = new Array<number>(n + 1).fill(NaN);
  const k0 = Math.min(n, Math.max(0, Math.round((anchor - L) / h)));
  I[k0] = 0;
  const blocked = (p: number, q: number): boolean => !Number.isFinite(ys[p]!) || !Number.isFinite(ys[q]!)
    || poles.some((x) => (x - xs[p]!) * (x - xs[q]!) <= 0);
  for (let i = k0 + 1; i <= n && !blocked(i - 1, i); i++) I[i] = I[i - 1]! + (h * (ys[i - 1]! + ys[i]!)) / 2;
  for (let i = k0 - 1; i >= 0 && !blocked(i, i + 1); i--) I[i] = I[i + 1]! - (h * (ys[i]! + ys[i + 1]!)) / 2;
  const segments: PlotPoint[][] = [];
  let cur: PlotPoint[] = [];
  for (let i = 0; i <= n; i++) {
    if (xs[i]! < lo || xs[i]! > hi) continue;
    if (Number.isFinite(I[i]!)) cur.push({ x: xs[i]!, y: I[i]! });
    else if (cur.length > 0) { segments.push(cur); cur = []; }
  }
  if (cur.length > 0) segments.push(cur);
  return segments;
}

/** Sample a remembered plot over a view, with the parameters' current values. */
export function samplePlot(plotId: number, range: readonly [number, number], values: Readonly<Record<string, number>>, show: { df: boolean; int: boolean }): PlotData {
  const spec = plots.get(plotId);
  if (spec === undefined) throw new EvalError('this plot belongs to an earlier page; run the plot again');
  const [lo, hi] = range;
  if (!(lo < hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new EvalError('the view of a plot must be a finite range a < b');
  const pv = spec.params.map((p) => values[p] ?? 1);
  const curves: Curve[] = [];
  const ranges: [number, number][] = [];
  const many = spec.f.length > 1;
  for (const { label, k, dk } of spec.f) {
    const g = (t: number): number => k(t, ...pv);
    const main = curveOf(label, 'f', g, lo, hi);
    curves.push(main.curve);
    ranges.push(main.yRange);
    if (show.df && dk !== undefined) {
      const d = curveOf(many ? `${label}′` : 'f′', 'df', (t) => dk(t, ...pv), lo, hi);
      curves.push(d.curve);
      ranges.push(d.yRange);
    }
    if (show.int) {
      const poles = main.curve.breaks.map((b) => b.x);
      const segs = runningIntegral(g, spec.anchor, lo, hi, poles);
      curves.push({ name: `∫${many ? `(${label})` : 'f'} from ${spec.anchor}`, role: 'int', segments: segs, breaks: [] });
      const ys = segs.flat().map((p) => p.y);
      if (ys.length > 0) ranges.push(displayRange(ys, false));
    }
  }
  const lo0 = ranges.length === 0 ? -1 : Math.min(...ranges.map((r) => r[0]));
  const hi0 = ranges.length === 0 ? 1 : Math.max(...ranges.map((r) => r[1]));
  // A margin above and below, so that maxima and minima are not drawn on the frame.
  const pad = 0.06 * (hi0 - lo0);
  const yRange: [number, number] = [lo0 - pad, hi0 + pad];
  return { curves, xRange: [lo, hi], yRange };
}
