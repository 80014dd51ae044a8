/**
 * Sums of rational functions of k by partial fractions. Terms c/(k + α) whose α differ by integers telescope:
 * with Σ c_j = 0, Σ_{k=a}^{b} Σ_j c_j/(k + α + j) = Σ_j c_j (Σ_{i=1}^{j} 1/(b + α + i) − Σ_{i=1}^{j} 1/(a − 1 + α + i)).
 * Infinitely many terms: a group with Σ c_j ≠ 0 behaves like (Σ c_j)/k and diverges (comparison with the harmonic
 * series); c/(k + α)^m with m ≥ 2 sums to the Hurwitz value ζ(m) − Σ_{i<N} 1/i^m when a + α = N is a whole number.
 */
import { type Expr, type Sym, ZERO, ONE, add, mul, pow, int, sub, div, isInteger, isNumber, numberValue } from '../ast/expr.js';
import { apart, simplify } from '../simplify/index.js';
import { dependsOn } from '../simplify/vars.js';
import { linearIn, polyCoeffs } from './terms.js';
import { polynomialSum } from './faulhaber.js';
import { zetaValue } from './zeta.js';
import { SumError, DivergesError } from './errors.js';
import { text } from '../render/text.js';

interface Partial {
  readonly c: Expr;
  readonly alpha: Expr;
  readonly m: number;
}

function readTerm(t: Expr, k: Sym): Partial | undefined {
  const factors = t.kind === 'mul' ? t.args : [t];
  let found: Partial | undefined;
  const consts: Expr[] = [];
  for (const g of factors) {
    if (!dependsOn(g, k)) {
      consts.push(g);
      continue;
    }
    if (found !== undefined) return undefined;
    const base = g.kind === 'pow' ? g.base : g;
    const e = g.kind === 'pow' ? g.exp : ONE;
    if (!isInteger(e) || e.value[0] >= 0n) return undefined;
    const lin = linearIn(base, k);
    if (lin === undefined || lin[0] === ZERO) return undefined;
    const m = Number(-e.value[0]);
    found = { c: pow(lin[0], int(-m)), alpha: simplify(div(lin[1], lin[0])), m };
  }
  return found === undefined ? undefined : { ...found, c: simplify(mul(found.c, ...consts)) };
}

interface Group {
  readonly alpha: Expr;
  readonly shifts: Map<number, Expr>;
}

/** Σ_{k=a}^{b} of a rational function (b may be inf). */
export function rationalSum(f: Expr, k: Sym, a: Expr, b: Expr | 'inf'): Expr {
  let parts: Expr;
  try {
    parts = apart(f, k);
  } catch (err) {
    throw new SumError(`no partial fractions of ${err instanceof Error ? 'the summand' : ''}`.trim());
  }
  const terms = parts.kind === 'add' ? parts.args : [parts];
  const polyPart: Expr[] = [];
  const groups: Group[] = [];
  const higher: Partial[] = [];
  for (const t of terms) {
    if (polyCoeffs(t, k) !== undefined) {
      polyPart.push(t);
      continue;
    }
    const p = readTerm(t, k);
    if (p === undefined) throw new SumError('the partial fractions have a factor that is not a power of a linear polynomial');
    const fromStart = simplify(sub(mul(int(-1), p.alpha), a));
    if (isInteger(fromStart) && fromStart.value[0] >= 0n) {
      throw new SumError(`the summand is undefined at ${k.name} = ${text(simplify(mul(int(-1), p.alpha)))}, inside the range`);
    }
    if (p.m > 1) {
      higher.push(p);
      continue;
    }
    let placed = false;
    for (const g of groups) {
      const d = simplify(sub(p.alpha, g.alpha));
      if (isInteger(d)) {
        const j = Number(d.value[0]);
        g.shifts.set(j, add(g.shifts.get(j) ?? ZERO, p.c));
        placed = true;
        break;
      }
    }
    if (!placed) groups.push({ alpha: p.alpha, shifts: new Map([[0, p.c]]) });
  }
  const out: Expr[] = [];
  const poly = add(...polyPart);
  if (poly !== ZERO) {
    if (b === 'inf') throw new DivergesError('the summand has a polynomial part, so its terms do not tend to 0');
    out.push(polynomialSum(polyCoeffs(poly, k)!, a, b));
  }
  for (const g of groups) {
    const lo = Math.min(...g.shifts.keys());
    const alpha = simplify(add(g.alpha, int(lo)));
    const total = simplify(add(...g.shifts.values()));
    if (total !== ZERO) {
      if (b === 'inf') {
        if (isNumber(total) || !dependsOn(total, k)) {
          const to = isNumber(total) ? Math.sign(numberValue(total)) : 0;
          throw new DivergesError(`the terms behave like ${text(total)}/${k.name}, and Σ 1/${k.name} diverges (comparison with the harmonic series)`, to);
        }
      }
      throw new SumError('the sum needs harmonic numbers (digamma), which have no elementary closed form');
    }
    for (const [shift, c] of g.shifts) {
      const j = shift - lo;
      const tail: Expr[] = [];
      for (let i = 1; i <= j; i++) {
        if (b !== 'inf') tail.push(div(ONE, add(b, alpha, int(i))));
        tail.push(mul(int(-1), div(ONE, add(a, int(-1), alpha, int(i)))));
      }
      out.push(mul(c, add(...tail)));
    }
  }
  for (const h of higher) {
    if (b !== 'inf') throw new SumError('a finite sum of 1/(k + α)^m with m ≥ 2 needs polygamma functions');
    const start = simplify(add(a, h.alpha));
    if (!isInteger(start)) throw new SumError('a Hurwitz zeta value at a non-integer point');
    const N = Number(start.value[0]);
    if (N <= 0) throw new SumError(`the summand has a pole at ${k.name} = ${text(simplify(mul(int(-1), h.alpha)))}`);
    const head: Expr[] = [];
    for (let i = 1; i < N; i++) head.push(pow(int(i), int(-h.m)));
    out.push(mul(h.c, sub(zetaValue(h.m), add(...head))));
  }
  return add(...out);
}
