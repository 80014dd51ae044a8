/**
 * Polynomials in a chosen variable: `collect(e, x)` (gather the coefficient of each power of x),
 * `degree(p, x)` and `coeffs(p, x)` (coefficients from degree 0 upwards).
 */
import { type Expr, add, mul, pow, num, list, float, isNum, ZERO } from '../ast/expr.js';
import { Poly, coefficientsIn } from '../poly/index.js';
import { Kernels } from './poly-bridge.js';
import { AlgebraError } from './errors.js';
import { expand } from './expand.js';
import { mapScalar } from './map.js';
import { checkVariable, dependsOn, mainIndex, soleVariable } from './vars.js';
import { text } from '../render/text.js';

/** Split a term into (power of x, rest): x^k·c with c free of x; undefined if x occurs otherwise. */
function splitTerm(t: Expr, x: Expr): [Expr, Expr] | undefined {
  const fs = t.kind === 'mul' ? t.args : [t];
  let k: Expr = ZERO;
  const rest: Expr[] = [];
  for (const f of fs) {
    if (f === x) k = add(k, num(1));
    else if (f.kind === 'pow' && f.base === x && !dependsOn(f.exp, x)) k = add(k, f.exp);
    else if (dependsOn(f, x)) return undefined;
    else rest.push(f);
  }
  return [k, mul(...rest)];
}

/** Σ_k c_k x^k with each c_k a sum free of x (after expanding); with a list of variables, recursively. */
export function collect(e: Expr, x: Expr): Expr {
  if (x.kind === 'list') {
    if (x.items.length === 0) return e;
    const [first, ...more] = x.items;
    return collectWith(e, first!, (c) => (more.length === 0 ? c : collect(c, list(more))));
  }
  return collectWith(e, x, (c) => c);
}

function collectWith(e: Expr, x: Expr, inner: (c: Expr) => Expr): Expr {
  checkVariable(x, 'collect');
  return mapScalar(e, (y) => {
    const ex = expand(y);
    const terms = ex.kind === 'add' ? ex.args : [ex];
    const byPower = new Map<Expr, Expr[]>();
    const other: Expr[] = [];
    for (const t of terms) {
      const s = splitTerm(t, x);
      if (s === undefined) other.push(t);
      else byPower.set(s[0], [...(byPower.get(s[0]) ?? []), s[1]]);
    }
    const out = [...byPower].map(([k, cs]) => mul(inner(add(...cs)), pow(x, k)));
    return add(...out, ...other);
  });
}

function polyIn(p: Expr, x: Expr | undefined, op: string): { K: Kernels; i: number; P: Poly; den: Poly } {
  if (p.kind === 'list' || p.kind === 'rel') throw new AlgebraError(`${op} takes a polynomial, got ${text(p)}`);
  const v = x ?? soleVariable(Kernels.of([p]), op);
  checkVariable(v, op);
  const K = Kernels.of([p], { first: [v] });
  const i = mainIndex(K, v, op);
  const r = K.toRatFun(p);
  if (r.den.degree(i) > 0) throw new AlgebraError(`${op}: ${text(p)} is not a polynomial in ${text(v)} (it has ${text(v)} in a denominator)`);
  return { K, i, P: r.num, den: r.den };
}

/** Degree of p in x (-inf for the zero polynomial); x may be omitted when p has one variable. */
export function degree(p: Expr, x?: Expr): Expr {
  if (isNum(p) || p.kind === 'float') return p === ZERO || (p.kind === 'float' && p.value === 0) ? float(-Infinity) : num(0);
  const { i, P } = polyIn(p, x, 'degree');
  return P.isZero() ? float(-Infinity) : num(P.degree(i));
}

/** Coefficients of p in x from degree 0 up to deg p, as a list. */
export function coeffs(p: Expr, x?: Expr): Expr {
  if (isNum(p) || p.kind === 'float') return list([p]);
  const { K, i, P, den } = polyIn(p, x, 'coeffs');
  const cs = coefficientsIn(P, i);
  return list(cs.length === 0 ? [ZERO] : cs.map((c) => K.fromRatFun({ num: c, den })));
}
