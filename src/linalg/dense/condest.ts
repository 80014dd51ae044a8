/**
 * Estimate of ‖A⁻¹‖₁ from a factorisation, without forming A⁻¹.
 * Algorithm: W. W. Hager (1984), "Condition estimates", SIAM J. Sci. Stat. Comput. 5(2), with the extra
 * alternating-sign test vector of N. J. Higham (1988), "FORTRAN codes for estimating the one-norm of a real or
 * complex matrix, with applications to condition estimation", ACM TOMS 14(4). Cost: a handful of solves.
 */

/** Solves in place: `solve(v)` overwrites v with A⁻¹v, `solveT(v)` with A⁻ᵀv. */
export interface InverseApplier {
  readonly n: number;
  solve(v: Float64Array): void;
  solveT(v: Float64Array): void;
}

function norm1Vec(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.abs(v[i]!);
  return s;
}

export function estimateInverseNorm1(op: InverseApplier): number {
  const n = op.n;
  if (n === 0) return 0;
  const x = new Float64Array(n).fill(1 / n);
  let est = 0;
  let lastJ = -1;
  for (let iter = 0; iter < 5; iter++) {
    const y = new Float64Array(x);
    op.solve(y);
    const yNorm = norm1Vec(y);
    if (!Number.isFinite(yNorm)) return Infinity;
    if (iter > 0 && yNorm <= est) break;
    est = yNorm;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = y[i]! >= 0 ? 1 : -1;
    op.solveT(z);
    let j = 0, zMax = -1, ztx = 0;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(z[i]!);
      if (a > zMax) {
        zMax = a;
        j = i;
      }
      ztx += z[i]! * x[i]!;
    }
    if (zMax <= ztx || j === lastJ) break;
    x.fill(0);
    x[j] = 1;
    lastJ = j;
  }
  // Higham's safeguard: a vector with alternating signs and growing magnitude.
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = (i % 2 === 0 ? 1 : -1) * (1 + (n > 1 ? i / (n - 1) : 0));
  op.solve(b);
  const alt = (2 * norm1Vec(b)) / (3 * n);
  return Math.max(est, alt);
}
