/**
 * Radicals of trigonometric or hyperbolic expressions that are monomials in disguise:
 *   B = κ · sin(t)^a · cos(t)^b   (or sinh/cosh), κ > 0 rational, a, b integers,
 * e.g. sin x tan x = sin²x/cos x, 1/cos x − cos x = sin²x/cos x, 1 − cos²x = sin²x, 1 + sinh²x = cosh²x,
 * 1 − 1/cosh²x = tanh²x. Then B^(p/q) = ρ · κ^(p/q) sin^(a p/q) cos^(b p/q) where ρ is piecewise constant
 * (its logarithmic derivative vanishes: it is ±1 on each interval where both sides are real), so
 *   ∫ R · B^(p/q) dx = ρ · ∫ R · κ^(p/q) sin^(a p/q) cos^(b p/q) dx,
 * with ρ written as B^(p/q) / (κ^(p/q) sin^(a p/q) cos^(b p/q)). This is how tables such as Gradshteyn–Ryzhik
 * (2.5) or Rubi (A. D. Rich, "Rule-based integration", 2018) state such antiderivatives: the original radical
 * times a function of sin and cos. The exponents are found numerically (logarithms at three angles, a 3 × 3
 * linear solve) and confirmed at six more before anything is built.
 */
import { radicalsOf } from './radical-linear.js';
import { type Expr, type Sym, add, mul, pow, call, div, numOf, children, ONE } from '../ast/expr.js';
import { type Rational, rat, rmul } from '../ast/rational.js';
import { evaluate } from '../eval/evaluate.js';
import type { Method } from './types.js';
import { free, freshSymbol, substituteMap } from './linear.js';
import { commonArgument, multipleAngle } from './trigsub.js';
import { hyperMultiple } from './hypersub.js';
import { node } from './found.js';
import { recogniseRational } from './recognise.js';

const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);
const HYPER = new Set(['sinh', 'cosh', 'tanh']);

interface Monomial { readonly kappa: Rational; readonly a: bigint; readonly b: bigint; readonly s: Expr; readonly c: Expr }


function solve3(A: number[][], y: number[]): number[] | undefined {
  const det = (m: number[][]) => m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) - m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) + m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(A);
  if (Math.abs(d) < 1e-9) return undefined;
  return [0, 1, 2].map((j) => det(A.map((row, i) => row.map((v, k) => (k === j ? y[i]! : v)))) / d);
}

/** B as κ·S^a·C^b in the sine/cosine (or sinh/cosh) of its common argument, when it is one. */
export function asMonomial(B: Expr, x: Sym, hyper: boolean, whole: Expr = B): Monomial | undefined {
  // The step of the argument is that of the whole integrand: 1 − cos 2x is 2 sin²x, a monomial in sin x.
  const info = commonArgument(whole, x, hyper ? HYPER : TRIG) ?? commonArgument(B, x, hyper ? HYPER : TRIG);
  if (info === undefined) return undefined;
  const S = freshSymbol('S', B);
  const C = freshSymbol('C', B);
  const map = new Map<Expr, Expr>();
  for (const c of info.calls) {
    if (free(B, c)) continue;
    const [s, co] = (hyper ? hyperMultiple : multipleAngle)(info.n.get(c)!, S, C);
    const fn = (c as { fn: string }).fn;
    const e = fn === 'sin' || fn === 'sinh' ? s : fn === 'cos' || fn === 'cosh' ? co : fn === 'tan' || fn === 'tanh' ? div(s, co)
      : fn === 'cot' ? div(co, s) : fn === 'sec' ? pow(co, numOf(rat(-1n))) : pow(s, numOf(rat(-1n)));
    map.set(c, e);
  }
  const h = substituteMap(B, map);
  if (!free(h, x)) return undefined;
  const at = (th: number): [number, number, number] => {
    const s = hyper ? Math.sinh(th) : Math.sin(th);
    const c = hyper ? Math.cosh(th) : Math.cos(th);
    try {
      return [s, c, evaluate(h, { [S.name]: s, [C.name]: c })];
    } catch {
      return [s, c, NaN];
    }
  };
  const fitPts = (hyper ? [0.41, 1.37, -0.93] : [0.41, 1.37, 2.23]).map(at);
  if (fitPts.some(([, , v]) => !Number.isFinite(v) || v === 0)) return undefined;
  const sol = solve3(fitPts.map(([s, c]) => [1, Math.log(Math.abs(s)), Math.log(Math.abs(c))]), fitPts.map(([, , v]) => Math.log(Math.abs(v))));
  if (sol === undefined) return undefined;
  const a = Math.round(sol[1]!);
  const b = Math.round(sol[2]!);
  if (Math.abs(a - sol[1]!) > 1e-6 || Math.abs(b - sol[2]!) > 1e-6 || Math.abs(a) > 16 || Math.abs(b) > 16) return undefined;
  const k = recogniseRational(Math.exp(sol[0]!), 1000, 1e-10);
  if (k === undefined || k[0] <= 0n) return undefined;
  const kv = Number(k[0]) / Number(k[1]);
  for (const th of [0.77, 1.93, 2.87, 3.71, 4.49, 5.81, -0.53, -2.41]) {
    const [s, c, v] = at(th);
    const m = kv * Math.pow(s, a) * Math.pow(c, b);
    if (!Number.isFinite(v) || Math.abs(v - m) > 1e-9 * Math.max(1, Math.abs(m))) return undefined;
  }
  const t = add(mul(numOf(info.g), x), info.b);
  return { kappa: k, a: BigInt(a), b: BigInt(b), s: call(hyper ? 'sinh' : 'sin', [t]), c: call(hyper ? 'cosh' : 'cos', [t]) };
}


export const radicalMonomial: Method = (f, x, ctx) => {
  const rads = radicalsOf(f, x);
  if (rads.length === 0) return undefined;
  const map = new Map<Expr, Expr>();
  let rho: Expr | undefined;
  for (const r of rads) {
    const { base, exp } = r as { base: Expr; exp: { value: Rational } };
    const m = asMonomial(base, x, false, f) ?? asMonomial(base, x, true, f);
    if (m === undefined) continue;
    const e = exp.value;
    const M = mul(pow(numOf(m.kappa), numOf(e)), pow(m.s, numOf(rmul(rat(m.a), e))), pow(m.c, numOf(rmul(rat(m.b), e))));
    if (M === r) continue;
    // One factor ρ for the whole integrand: every radical replaced must have the same ρ = r/M.
    const q = div(r, M);
    if (rho !== undefined && !sameFunction(q, rho, x)) continue;
    rho ??= q;
    map.set(r, M);
  }
  if (map.size === 0) return undefined;
  const f1 = substituteMap(f, map);
  if (f1 === f) return undefined;
  const k = ctx.integrate(f1, x);
  if (k === undefined) return undefined;
  const factor = rho!;
  return node('int/radical-monomial', f, x, mul(factor, k.before), mul(factor, k.value), [k], [['factor', factor]]);
};
/** a ≡ b at the sample points where both are real (at least three). */
function sameFunction(a: Expr, b: Expr, x: Sym): boolean {
  let n = 0;
  for (const p of [0.31, 0.77, 1.23, 1.91, 2.53, 3.37, 4.11, 5.02, -0.61, -1.37, -2.29, -3.71]) {
    let u: number;
    let v: number;
    try {
      u = evaluate(a, { [x.name]: p });
      v = evaluate(b, { [x.name]: p });
    } catch {
      continue;
    }
    if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
    if (Math.abs(u - v) > 1e-9 * Math.max(1, Math.abs(u))) return false;
    n++;
  }
  return n >= 3;
}
void ONE;
