import { InvalidArgumentError, requireFinite, requireInteger, requirePositive } from '../errors.js';
import { denseEval, DopriStepper, type OdeRhs } from './dormand-prince.js';

/**
 * Right-hand side of y′ = f(t, y). It may either write the derivative into
 * `dydt` (fast, no allocation) or return it as an array.
 */
export type OdeFunction = (t: number, y: Float64Array, dydt: Float64Array) => void | ArrayLike<number>;

export interface OdeOptions {
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance (default 1e-9). */
  atol?: number;
  /** Report the solution exactly at these times (ordered along the direction of integration). Default: every accepted step. */
  tEval?: readonly number[];
  /** Initial step size (default: chosen automatically). */
  h0?: number;
  /** Largest step size allowed (default: the whole interval). */
  hMax?: number;
  /** Cap on accepted + rejected steps (default 100000). */
  maxSteps?: number;
  /** Keep every step's interpolant and return `sol(t)` valid on the whole interval (default false). */
  dense?: boolean;
}

export interface OdeResult {
  /** Output times. */
  t: number[];
  /** Solution at each output time. */
  y: Float64Array[];
  /** True when the end of the interval was reached. */
  success: boolean;
  /** Why the integration stopped. */
  message: string;
  acceptedSteps: number;
  rejectedSteps: number;
  /** Calls to f. */
  evaluations: number;
  /** Continuous solution on the integrated interval (only with `dense: true`). */
  sol?: (t: number) => Float64Array;
}

/** Weighted RMS norm used by the step-size controller (Hairer, Nørsett, Wanner 1993, §II.4). */
function errNorm(e: Float64Array, y: Float64Array, y2: Float64Array, atol: number, rtol: number): number {
  let s = 0;
  for (let i = 0; i < e.length; i++) {
    const sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y2[i]));
    const r = e[i] / sc;
    s += r * r;
  }
  return Math.sqrt(s / e.length);
}

/**
 * Integrate the system y′ = f(t, y), y(t₀) = y₀ over [t₀, t₁] (t₁ < t₀
 * integrates backwards) with the adaptive Dormand–Prince 5(4) method.
 * Steps are accepted when the weighted RMS of the embedded error estimate is
 * ≤ 1, and the next step is h·min(5, max(0.2, 0.9·err^{−1/5})). Requested
 * output times are filled in with the 4th-order dense output, so they do not
 * shorten the steps.
 */
export function solveOde(f: OdeFunction, tspan: readonly [number, number], y0: ArrayLike<number>, opts?: OdeOptions): OdeResult {
  const [t0, tEnd] = tspan;
  requireFinite('tspan[0]', t0);
  requireFinite('tspan[1]', tEnd);
  const rtol = opts?.rtol ?? 1e-6;
  const atol = opts?.atol ?? 1e-9;
  requirePositive('rtol', rtol);
  requirePositive('atol', atol);
  const maxSteps = opts?.maxSteps ?? 100_000;
  requireInteger('maxSteps', maxSteps, 1);
  const n = y0.length;
  if (n === 0) throw new InvalidArgumentError('the initial state y0 must have at least one component');
  let y = Float64Array.from(y0);
  for (let i = 0; i < n; i++) requireFinite(`y0[${i}]`, y[i]);
  const dir = tEnd >= t0 ? 1 : -1;
  const span = Math.abs(tEnd - t0);
  const hMax = opts?.hMax ?? span;
  requirePositive('hMax', hMax);
  const tEval = opts?.tEval;
  if (tEval) {
    for (let i = 0; i < tEval.length; i++) {
      const s = tEval[i];
      if (!Number.isFinite(s) || dir * (s - t0) < 0 || dir * (s - tEnd) > 0) {
        throw new InvalidArgumentError(`tEval[${i}] = ${s} lies outside the integration interval [${t0}, ${tEnd}]`);
      }
      if (i > 0 && dir * (s - tEval[i - 1]) < 0) throw new InvalidArgumentError('tEval must be ordered in the direction of integration');
    }
  }

  const rhs: OdeRhs = (t, yy, dy) => {
    const r = f(t, yy, dy);
    if (r !== undefined) {
      if (r.length !== n) throw new InvalidArgumentError(`f returned ${r.length} components, expected ${n}`);
      for (let i = 0; i < n; i++) dy[i] = r[i];
    }
  };
  const st = new DopriStepper(rhs, n);
  const out: OdeResult = { t: [], y: [], success: false, message: '', acceptedSteps: 0, rejectedSteps: 0, evaluations: 0 };
  const pieces: { t: number; h: number; r: Float64Array[] }[] = [];
  let nextEval = 0;
  const emitInitial = (): void => {
    if (!tEval) {
      out.t.push(t0);
      out.y.push(Float64Array.from(y));
    }
    while (tEval && nextEval < tEval.length && tEval[nextEval] === t0) {
      out.t.push(t0);
      out.y.push(Float64Array.from(y));
      nextEval++;
    }
  };
  emitInitial();
  let t = t0;
  st.rhs(t, y, st.k[0]);
  if (span === 0) {
    out.success = true;
    out.message = 'empty interval';
    out.evaluations = st.evaluations;
    return out;
  }

  let h = opts?.h0 !== undefined ? Math.abs(opts.h0) : initialStep(st, t, y, dir, atol, rtol);
  requirePositive('h0', h);
  h = Math.min(h, hMax, span);
  let rejectedLast = false;
  let steps = 0;
  for (;;) {
    if (steps++ >= maxSteps) {
      out.message = `gave up after ${maxSteps} steps at t = ${t} (raise maxSteps, or the problem may be stiff)`;
      break;
    }
    const remaining = Math.abs(tEnd - t);
    const last = h >= remaining * (1 - 4 * Number.EPSILON);
    const hs = dir * (last ? remaining : h);
    st.step(t, y, hs);
    let err = errNorm(st.err, y, st.yNew, atol, rtol);
    if (!Number.isFinite(err)) err = Number.POSITIVE_INFINITY;
    if (err <= 1) {
      const r = st.denseCoefficients(y, hs);
      const tNew = last ? tEnd : t + hs;
      if (opts?.dense) pieces.push({ t, h: hs, r });
      while (tEval && nextEval < tEval.length && dir * (tEval[nextEval] - tNew) <= 0) {
        const s = tEval[nextEval++];
        out.t.push(s);
        out.y.push(s === tNew ? Float64Array.from(st.yNew) : denseEval(r, (s - t) / hs, new Float64Array(n)));
      }
      t = tNew;
      y = Float64Array.from(st.yNew);
      st.k[0].set(st.k[6]); // FSAL
      out.acceptedSteps++;
      if (!tEval) {
        out.t.push(t);
        out.y.push(Float64Array.from(y));
      }
      if (last) {
        out.success = true;
        out.message = 'reached the end of the interval';
        break;
      }
      const fac = err === 0 ? 5 : Math.min(rejectedLast ? 1 : 5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
      h = Math.min(Math.abs(hs) * fac, hMax);
      rejectedLast = false;
    } else {
      out.rejectedSteps++;
      rejectedLast = true;
      h = Math.abs(hs) * (Number.isFinite(err) ? Math.max(0.2, 0.9 * Math.pow(err, -0.2)) : 0.1);
    }
    if (h < 16 * Number.EPSILON * Math.max(Math.abs(t), 1e-300)) {
      out.message = `step size underflow at t = ${t}: the solution may blow up or be singular there`;
      break;
    }
  }
  out.evaluations = st.evaluations;
  if (opts?.dense) out.sol = makeSol(pieces, t0, t, dir, n);
  return out;
}

/** Hairer–Nørsett–Wanner's starting step heuristic (1993, §II.4, "Starting Step Size"). */
function initialStep(st: DopriStepper, t: number, y: Float64Array, dir: number, atol: number, rtol: number): number {
  const n = y.length;
  const f0 = st.k[0];
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < n; i++) {
    const sc = atol + rtol * Math.abs(y[i]);
    d0 += (y[i] / sc) ** 2;
    d1 += (f0[i] / sc) ** 2;
  }
  d0 = Math.sqrt(d0 / n);
  d1 = Math.sqrt(d1 / n);
  const h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
  const y1 = new Float64Array(n);
  for (let i = 0; i < n; i++) y1[i] = y[i] + dir * h0 * f0[i];
  const f1 = new Float64Array(n);
  st.rhs(t + dir * h0, y1, f1);
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += ((f1[i] - f0[i]) / (atol + rtol * Math.abs(y[i]))) ** 2;
  d2 = Math.sqrt(d2 / n) / h0;
  const m = Math.max(d1, d2);
  const h1 = m <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / m, 1 / 5);
  const h = Math.min(100 * h0, h1);
  return Number.isFinite(h) && h > 0 ? h : 1e-6;
}

function makeSol(pieces: { t: number; h: number; r: Float64Array[] }[], t0: number, t1: number, dir: number, n: number) {
  return (s: number): Float64Array => {
    if (!(dir * (s - t0) >= 0 && dir * (s - t1) <= 0)) {
      throw new InvalidArgumentError(`sol(${s}): t lies outside the integrated interval [${t0}, ${t1}]`);
    }
    if (pieces.length === 0) throw new InvalidArgumentError('sol: no step was accepted, so there is no solution to interpolate');
    // Binary search for the step containing s.
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (dir * (s - pieces[mid].t) >= 0) lo = mid;
      else hi = mid - 1;
    }
    const p = pieces[lo];
    const theta = Math.min(1, Math.max(0, (s - p.t) / p.h));
    return denseEval(p.r, theta, new Float64Array(n));
  };
}
