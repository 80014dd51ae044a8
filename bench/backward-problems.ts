/**
 * Seeded backward-generated integration problems: a random antiderivative F (products and sums of algebraic,
 * exponential, logarithmic, trigonometric, hyperbolic and inverse functions of linear or quadratic arguments,
 * optionally with symbolic parameters a, b and n), its derivative f = F′ as the integrand. An answer G to ∫ f is
 * judged independently of the integrator: central differences of G against f at random points and random
 * admissible parameter values.
 */
import { type Expr, sym } from '../src/ast/expr.js';
import { parse } from '../src/parse/parse.js';
import { diff } from '../src/diff/diff.js';
import { evaluate } from '../src/eval/evaluate.js';
import { seededRandom } from '../src/simplify/assume-sample.js';

export interface BackwardProblem {
  /** The antiderivative it was made from, as text. */
  readonly F: string;
  /** The integrand d/dx F. */
  readonly f: Expr;
  /** Assumptions on its parameters (a > 0, b > 0, n integer ≥ 1) under which it is posed. */
  readonly assumptions: readonly string[];
  /** Parameter values to check at. */
  readonly draws: readonly Record<string, number>[];
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A small nonzero rational as text. */
function coef(r: () => number): string {
  const n = pick(r, [1, 2, 3, 5, -1, -2, -3]);
  const d = pick(r, [1, 1, 2, 3]);
  return d === 1 ? `${n}` : `${n}/${d}`;
}

function linear(r: () => number, param: boolean): string {
  const k = param && r() < 0.5 ? 'a' : coef(r);
  const c = pick(r, ['', ' + 1', ' - 1', ' + 2', ' - 3']);
  return `(${k}*x${c})`;
}

function algebraic(r: () => number, param: boolean): string {
  return pick(r, [
    'x', 'x^2', 'x^3', `(x^2 + ${pick(r, [1, 2, 9])})`, `sqrt(x^2 + ${pick(r, [1, 4])})`, `sqrt(${pick(r, [2, 3])} - x)`,
    `(x + ${pick(r, [1, 2, 5])})^2`, param ? 'x^n' : 'x^4', param ? '(x + b)' : '(2*x - 1)',
  ]);
}

function transcendental(r: () => number, param: boolean): string {
  const u = linear(r, param);
  return pick(r, [`exp(${u})`, `sin(${u})`, `cos(${u})`, `sinh(${u})`, `cosh(${u})`, `log(x^2 + ${pick(r, [1, 3])})`,
    `atan(${u})`, `exp(-x^2/${pick(r, [1, 2])})`]);
}

function antiderivative(r: () => number, param: boolean): string {
  const shape = Math.floor(r() * 5);
  const c = coef(r);
  switch (shape) {
    case 0: return `${c}*${algebraic(r, param)}*${transcendental(r, param)}`;
    case 1: return `${transcendental(r, param)} + ${c}*${algebraic(r, param)}`;
    case 2: return `${c}*${transcendental(r, param)}*${transcendental(r, param)}`;
    case 3: return `${transcendental(r, param)}/${algebraic(r, false)}`;
    default: return `${c}*${transcendental(r, param)}`;
  }
}

const PARAMS: Record<string, number[]> = { a: [0.7, 1.3, 2.2], b: [0.4, 1.6, 3.1], n: [1, 2, 3] };

/** `count` problems from `seed`; with `parameters`, about half of them carry a, b or n. */
export function backwardProblems(count: number, seed: number, parameters = true): BackwardProblem[] {
  const r = seededRandom(seed);
  const out: BackwardProblem[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    const withParams = parameters && r() < 0.5;
    const F = antiderivative(r, withParams);
    let f: Expr;
    try {
      f = diff(parse(F), sym('x'));
    } catch {
      continue;
    }
    const names = ['a', 'b', 'n'].filter((p) => new RegExp(`\\b${p}\\b`).test(F));
    const draws = [0, 1, 2].map((i) => Object.fromEntries(names.map((p) => [p, PARAMS[p]![i]!])));
    const assumptions = names.map((p) => (p === 'n' ? 'n > 0' : `${p} > 0`)).concat(names.includes('n') ? ['integer(n)'] : []);
    out.push({ F, f, assumptions, draws });
  }
  return out;
}

const value = (e: Expr, env: Record<string, number>): number => {
  try {
    return evaluate(e, env);
  } catch {
    return NaN;
  }
};

/** Does G′ = f at random points (central differences, Richardson), for every parameter draw? */
export function differentiatesTo(G: Expr, f: Expr, draws: readonly Record<string, number>[]): boolean {
  let used = 0;
  for (const d of draws) {
    for (const p of [0.31, 0.77, 1.43, 2.6, -0.53, -1.9, 4.1]) {
      const fv = value(f, { ...d, x: p });
      if (!Number.isFinite(fv) || Math.abs(fv) > 1e8) continue;
      const at = (h: number): number => (value(G, { ...d, x: p + h }) - value(G, { ...d, x: p - h })) / (2 * h);
      const h = 1e-3;
      const dG = (4 * at(h / 2) - at(h)) / 3;
      if (!Number.isFinite(dG)) continue;
      if (!(Math.abs(dG - fv) <= 1e-5 * Math.max(1, Math.abs(fv)))) return false;
      used++;
    }
  }
  return used >= 2;
}
