/**
 * Densities, masses and cdfs of distribution values as expressions, and their means and variances.
 * A mean or variance is derived where that is a finite computation (a finite discrete support with known
 * parameters: an exact sum), by symbolic integration where an integrator has been registered and it
 * succeeds, and otherwise taken from the closed-form table; the result says which.
 */
import { type Expr, ZERO, add, call, int, isInteger, mul, pow, sub, sym } from '../../ast/expr.js';
import { freeSymbols } from '../../eval/n.js';
import { text } from '../../render/text.js';
import { simplify } from '../../simplify/index.js';
import { evaluateExact } from '../../eval/exact.js';
import { evaluate } from '../../eval/evaluate.js';
import { symbolicSum } from '../../sum/sum.js';
import { DistributionSpecError } from './errors.js';
import { type LawValue, readLaw } from './distribution.js';

/** The density (continuous) or probability mass (discrete) of a distribution at x, inside its support. */
export function pdfExpr(law: Expr, x: Expr): Expr {
  const v = readLaw(law);
  if (v.spec === undefined) return categoricalMass(v, x);
  return v.spec.density(v.params, x);
}

function categoricalMass(v: LawValue, k: Expr): Expr {
  const probs = (v.params[0] as { items: readonly Expr[] }).items;
  if (!isInteger(k)) throw new DistributionSpecError(`the Categorical mass needs a whole number k, got ${text(k)}`);
  const i = Number(k.value[0]);
  return i >= 0 && i < probs.length ? probs[i]! : ZERO;
}

/** Closed-form cdf at x (inside the support), or undefined when the law has none in elementary terms and erf. */
export function cdfExpr(law: Expr, x: Expr): Expr | undefined {
  const v = readLaw(law);
  return v.spec?.cdf?.(v.params, x);
}

export type MomentMethod = 'sum' | 'integral' | 'closed form';

export interface Moment {
  readonly value: Expr;
  readonly method: MomentMethod;
  /** One sentence: how the value was obtained and when it exists. */
  readonly explanation: string;
}

/** A symbolic integrator ∫_lo^hi f dx that returns undefined when it cannot find a closed form. */
export type Integrator = (f: Expr, x: Expr, lo: Expr, hi: Expr) => Expr | undefined;
let integrator: Integrator | undefined;

/** Let the moments be derived by integration (src/integrate registers itself here when present). */
export function setMomentIntegrator(f: Integrator | undefined): void {
  integrator = f;
}

/** Finite support with known whole-number bounds, or undefined. */
function finiteSupport(v: LawValue): [number, number] | undefined {
  if (v.spec === undefined) return [0, (v.params[0] as { items: readonly Expr[] }).items.length - 1];
  if (!v.spec.discrete) return undefined;
  const [lo, hi] = v.spec.support(v.params).map((b) => simplify(evaluateExact(b)));
  if (!isInteger(lo!) || !isInteger(hi!)) return undefined;
  const a = Number(lo.value[0]), b = Number(hi.value[0]);
  return b - a <= 10000 ? [a, b] : undefined;
}

const X = sym('x');

function derive(v: LawValue, power: 1 | 2): Expr | undefined {
  const support = finiteSupport(v);
  const mass = (k: number): Expr => (v.spec === undefined ? categoricalMass(v, int(k)) : v.spec.density(v.params, int(k)));
  if (support !== undefined) {
    const terms: Expr[] = [];
    for (let k = support[0]; k <= support[1]; k++) terms.push(mul(pow(int(k), int(power)), mass(k)));
    return simplify(evaluateExact(add(...terms)));
  }
  if (v.spec !== undefined && v.spec.discrete) return summed(v, power);
  if (integrator !== undefined && v.spec !== undefined && !v.spec.discrete && !v.params.some((p) => freeSymbols(p).includes('x'))) {
    const [lo, hi] = v.spec.support(v.params);
    try {
      const r = integrator(mul(pow(X, int(power)), v.spec.density(v.params, X)), X, lo, hi);
      return r === undefined ? undefined : simplify(r);
    } catch {
      return undefined; // the table below still answers
    }
  }
  return undefined;
}

const K = sym('k\u2080');

/** Sample values of the parameters inside their usual domains, for the cross-check with the table. */
const SAMPLE: Record<string, number> = { n: 7, p: 0.3, lambda: 1.7, r: 3 };

/**
 * E[X^power] of a discrete law with an infinite or symbolic support, summed symbolically; the closed-form
 * table, where it has the moment, must agree at sample parameter values, else the sum is not used.
 */
function summed(v: LawValue, power: 1 | 2): Expr | undefined {
  const spec = v.spec!;
  const [lo, hi] = spec.support(v.params);
  let value: Expr;
  try {
    value = simplify(symbolicSum(mul(pow(K, int(power)), spec.density(v.params, K)), K, lo!, hi!, { convergent: true }).value);
  } catch {
    return undefined;
  }
  const m = power === 1 ? spec.mean : undefined;
  if (m !== undefined) {
    const env: Record<string, number> = {};
    for (const s of [...freeSymbols(value), ...v.params.flatMap((p) => freeSymbols(p))]) env[s] = SAMPLE[s] ?? 0.37;
    try {
      const a = evaluate(value, env);
      const b = evaluate(m(v.params), env);
      if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)))) return undefined;
    } catch {
      return undefined;
    }
  }
  return value;
}

const how = (m: MomentMethod, what: string, v: LawValue): string => {
  const note = v.spec?.momentNote === undefined ? '' : ` (${v.spec.momentNote})`;
  switch (m) {
    case 'sum': return finiteSupport(v) ? `${what} summed exactly over the finite support${note}` : `${what} summed symbolically over the support${note}`;
    case 'integral': return `${what} integrated symbolically from the density${note}`;
    default: return `${what} from the closed-form table (Johnson, Kotz and Balakrishnan)${note}`;
  }
};

/**
 * A moment at parameters where it is not finite: +∞ as the value `inf`, and an error when it has no value;
 * undefined when the moment is finite (or the parameters are symbolic).
 */
function outsideRange(v: LawValue, which: 'mean' | 'variance'): Moment | undefined {
  const kind = v.spec?.momentRange?.(v.params, which) ?? 'finite';
  if (kind === 'finite') return undefined;
  const note = v.spec?.momentNote === undefined ? '' : ` (${v.spec.momentNote})`;
  if (kind === 'undefined') throw new DistributionSpecError(`the ${which} of ${v.name} at these parameters is undefined${note}`);
  return { value: sym('inf'), method: 'closed form', explanation: `the ${which} integral diverges to +inf${note}` };
}

/** E[X] of a distribution value. */
export function meanOf(law: Expr): Moment {
  const v = readLaw(law);
  const range = outsideRange(v, 'mean');
  if (range !== undefined) return range;
  const d = derive(v, 1);
  const summedLaw = finiteSupport(v) !== undefined || v.spec?.discrete === true;
  if (d !== undefined) return { value: d, method: summedLaw ? 'sum' : 'integral', explanation: how(summedLaw ? 'sum' : 'integral', 'mean', v) };
  const m = v.spec?.mean;
  if (m === undefined) throw new DistributionSpecError(`${v.name} has no mean${v.spec?.momentNote ? `: ${v.spec.momentNote}` : ''}`);
  return { value: simplify(m(v.params)), method: 'closed form', explanation: how('closed form', 'mean', v) };
}

/** Var[X] of a distribution value. */
export function varianceOf(law: Expr): Moment {
  const v = readLaw(law);
  const range = outsideRange(v, 'variance');
  if (range !== undefined) return range;
  const first = derive(v, 1);
  const second = first === undefined ? undefined : derive(v, 2);
  if (first !== undefined && second !== undefined) {
    const method: MomentMethod = finiteSupport(v) !== undefined || v.spec?.discrete === true ? 'sum' : 'integral';
    return { value: simplify(sub(second, pow(first, int(2)))), method, explanation: how(method, 'variance E[X^2] - E[X]^2', v) };
  }
  const f = v.spec?.variance;
  if (f === undefined) throw new DistributionSpecError(`${v.name} has no variance${v.spec?.momentNote ? `: ${v.spec.momentNote}` : ''}`);
  return { value: simplify(f(v.params)), method: 'closed form', explanation: how('closed form', 'variance', v) };
}

/** Standard deviation sqrt(Var[X]). */
export function stdOf(law: Expr): Moment {
  const m = varianceOf(law);
  return { ...m, value: simplify(call('sqrt', [m.value])), explanation: `square root of the ${m.explanation}` };
}

