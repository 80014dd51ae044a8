/** Exact solution of ∑ cⱼ·colⱼ = rhs for polynomials over ℚ (coefficient by coefficient), by Gauss–Jordan. */
import { type Rational, rdiv, rmul, rsub, ZERO as RZERO } from '../ast/rational.js';
import type { UPoly } from './upoly.js';

/** Some solution c (free unknowns set to 0), or undefined when the system is inconsistent. */
export function solveRational(cols: readonly UPoly[], rhs: UPoly): Rational[] | undefined {
  const n = cols.length;
  const rows = Math.max(rhs.length, ...cols.map((c) => c.length));
  const M: Rational[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: Rational[] = cols.map((c) => c[i] ?? RZERO);
    row.push(rhs[i] ?? RZERO);
    M.push(row);
  }
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < rows; c++) {
    let p = -1;
    for (let i = r; i < rows; i++) if (M[i]![c]![0] !== 0n) { p = i; break; }
    if (p < 0) continue;
    [M[r], M[p]] = [M[p]!, M[r]!];
    const pr = M[r]!;
    const pv = pr[c]!;
    for (let k = c; k <= n; k++) pr[k] = rdiv(pr[k]!, pv);
    for (let i = 0; i < rows; i++) {
      if (i === r) continue;
      const row = M[i]!;
      const f = row[c]!;
      if (f[0] === 0n) continue;
      for (let k = c; k <= n; k++) row[k] = rsub(row[k]!, rmul(f, pr[k]!));
    }
    pivots.push(c);
    r++;
  }
  for (let i = r; i < rows; i++) if (M[i]![n]![0] !== 0n) return undefined;
  const out: Rational[] = Array<Rational>(n).fill(RZERO);
  pivots.forEach((c, i) => { out[c] = M[i]![n]!; });
  return out;
}
