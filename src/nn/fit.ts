/**
 * Fitting the parameters of a formula to data by its compiled gradient: the formula f(x; θ) becomes a tensor
 * program over the data column x, the loss (mean squared error, mean absolute error, or the Cauchy loss
 * log(1 + r²)) and its gradient come from the reverse mode, and L-BFGS (Nocedal (1980); Nocedal & Wright,
 * "Numerical Optimization", alg. 7.4, with a backtracking Armijo line search) walks θ down the loss.
 */
import { type Expr, ONE, add, call, frac, mul, pow, sub, sym } from '../ast/expr.js';
import { substitute } from '../ast/walk.js';
import { NnError } from './errors.js';
import { gradients } from './grad.js';
import { compileTensors } from './compile/program.js';
import { mean, tensor } from './tensor.js';

export type FitLoss = 'squared' | 'absolute' | 'cauchy';

export interface FitResult {
  readonly params: readonly number[];
  readonly loss: number;
  readonly iterations: number;
  readonly gradNorm: number;
  readonly converged: boolean;
}

/**
 * Fit `f` (an expression in the symbol `x` and the symbols `names`) to the points (xs[i], ys[i]) starting from
 * `start`.
 */
export function fitFormula(f: Expr, x: string, names: readonly string[], xs: readonly number[], ys: readonly number[], o: { loss?: FitLoss; start?: readonly number[]; maxIter?: number } = {}): FitResult {
  const n = xs.length;
  if (n === 0 || ys.length !== n) throw new NnError(`fit needs as many x values as y values, got ${xs.length} and ${ys.length}`);
  const X = tensor('fit.x', [n]), Y = tensor('fit.y', [n]);
  const leaves = names.map((p) => tensor(`fit.${p}`, [1]));
  const binding = new Map<Expr, Expr>();
  binding.set(sym(x), X);
  names.forEach((p, k) => binding.set(sym(p), leaves[k]!));
  const model = substitute(f, binding);
  const r = sub(model, Y);
  const kind = o.loss ?? 'squared';
  // |r| is not differentiable at 0, where an L1 fit sits: it is approached through √(r² + ε²) as ε → 0.
  const EPS = tensor('fit.eps', [1]);
  const per = kind === 'squared' ? pow(r, frac(2, 1)) : kind === 'absolute' ? pow(add(pow(r, frac(2, 1)), pow(EPS, frac(2, 1))), frac(1, 2)) : call('log', [add(ONE, pow(r, frac(2, 1)))]);
  const loss = mean(mul(ONE, per));
  const grads = gradients(loss, leaves);
  const prog = compileTensors([loss, ...grads], { dtype: 'float64' });
  prog.input('fit.x').set(xs);
  prog.input('fit.y').set(ys);
  const p = names.length;
  const theta = Float64Array.from(o.start ?? names.map(() => 1));
  const evalAt = (t: Float64Array, g: Float64Array): number => {
    leaves.forEach((_, k) => { prog.input(`fit.${names[k]}`)[0] = t[k]!; });
    prog.run();
    for (let k = 0; k < p; k++) g[k] = prog.output(1 + k)[0]!;
    return prog.output(0)[0]!;
  };
  const epsilons = kind === 'absolute' ? [1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8] : [0];
  let total = 0, last = { fx: NaN, it: 0, converged: false, gn: NaN };
  for (const eps of epsilons) {
    if (kind === 'absolute') prog.input('fit.eps')[0] = eps * Math.max(1e-300, scaleOf(ys));
    last = lbfgs(theta, evalAt, p, o.maxIter ?? 2000);
    total += last.it;
  }
  let fx = last.fx;
  if (kind === 'absolute') { // the loss itself at the result: ε = 0
    prog.input('fit.eps')[0] = 0;
    fx = evalAt(theta, new Float64Array(p));
  }
  return { params: Array.from(theta), loss: fx, iterations: total, gradNorm: last.gn, converged: last.converged };
}

function scaleOf(ys: readonly number[]): number {
  let m = 0;
  for (const y of ys) m = Math.max(m, Math.abs(y));
  return m === 0 ? 1 : m;
}

/** L-BFGS from theta (updated in place); `evalAt` returns the loss and writes the gradient. */
function lbfgs(theta: Float64Array, evalAt: (t: Float64Array, g: Float64Array) => number, p: number, maxIter: number): { fx: number; it: number; converged: boolean; gn: number } {
  // L-BFGS with memory m.
  const m = 8, S: Float64Array[] = [], Yv: Float64Array[] = [], rho: number[] = [];
  let g = new Float64Array(p);
  let fx = evalAt(theta, g);
  if (!Number.isFinite(fx)) throw new NnError(`the loss is ${fx} at the starting values; give other starting values (start = [...])`);
  const dot = (a: Float64Array, b: Float64Array): number => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!; return s; };
  let it = 0, converged = false;
  for (; it < maxIter; it++) {
    const gn = Math.sqrt(dot(g, g));
    if (gn <= 1e-10 * Math.max(1, Math.abs(fx))) { converged = true; break; }
    // two-loop recursion: d = −H g
    const q = Float64Array.from(g);
    const alpha: number[] = [];
    for (let k = S.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(S[k]!, q);
      alpha[k] = a;
      for (let i = 0; i < p; i++) q[i] -= a * Yv[k]![i]!;
    }
    const gamma = S.length > 0 ? dot(S[S.length - 1]!, Yv[Yv.length - 1]!) / dot(Yv[Yv.length - 1]!, Yv[Yv.length - 1]!) : 1 / Math.max(1, gn);
    for (let i = 0; i < p; i++) q[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const b = rho[k]! * dot(Yv[k]!, q);
      for (let i = 0; i < p; i++) q[i] += S[k]![i]! * (alpha[k]! - b);
    }
    const d = q.map((v) => -v);
    let slope = dot(g, d);
    if (!(slope < 0)) { for (let i = 0; i < p; i++) d[i] = -g[i]!; slope = -dot(g, g); S.length = 0; Yv.length = 0; rho.length = 0; }
    let step = 1, fNew = NaN;
    const tNew = new Float64Array(p), gNew = new Float64Array(p);
    for (let ls = 0; ls < 60; ls++) {
      for (let i = 0; i < p; i++) tNew[i] = theta[i]! + step * d[i]!;
      fNew = evalAt(tNew, gNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(Number.isFinite(fNew) && fNew <= fx)) { evalAt(theta, g); converged = Math.sqrt(dot(g, g)) <= 1e-6 * Math.max(1, Math.abs(fx)); break; } // no decrease along the direction
    const s = tNew.map((v, i) => v - theta[i]!), y = gNew.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-300) {
      S.push(s); Yv.push(y); rho.push(1 / sy);
      if (S.length > m) { S.shift(); Yv.shift(); rho.shift(); }
    }
    const change = Math.abs(fx - fNew);
    theta.set(tNew); g = gNew; fx = fNew;
    if (change <= 1e-15 * Math.max(1, Math.abs(fx)) && Math.sqrt(dot(s, s)) <= 1e-12 * Math.max(1, Math.sqrt(dot(theta, theta)))) { converged = true; break; }
  }
  return { fx, it, converged, gn: Math.sqrt(dot(g, g)) };
}
