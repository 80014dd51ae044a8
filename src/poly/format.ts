/** Readable text for polynomials, e.g. `3*x^2*y - 1/2*x + 7`, in canonical (lex) term order. */
import type { Poly } from './poly.js';
import { rabs, rtoString, risOne } from './ratutil.js';

/** Default names: x, y, z for up to three variables, else x0, x1, … . */
export function defaultVariableNames(n: number): string[] {
  return n <= 3 ? ['x', 'y', 'z'].slice(0, n) : Array.from({ length: n }, (_, i) => `x${i}`);
}

export function polyToString(p: Poly, vars: readonly string[] = defaultVariableNames(p.nvars)): string {
  if (vars.length < p.nvars) throw new RangeError(`need ${p.nvars} variable names, got ${vars.length}`);
  if (p.isZero()) return '0';
  let s = '';
  p.terms.forEach((t, idx) => {
    const neg = t.coef[0] < 0n;
    const a = rabs(t.coef);
    const factors: string[] = [];
    t.exp.forEach((e, i) => {
      if (e === 1) factors.push(vars[i]!);
      else if (e > 1) factors.push(`${vars[i]}^${e}`);
    });
    if (!risOne(a) || factors.length === 0) factors.unshift(rtoString(a));
    const body = factors.join('*');
    s += idx === 0 ? (neg ? `-${body}` : body) : neg ? ` - ${body}` : ` + ${body}`;
  });
  return s;
}
