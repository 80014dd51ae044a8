/**
 * The implicit QL algorithm with Wilkinson's shift on a symmetric tridiagonal matrix
 * (H. Bowdler, R. S. Martin, C. Reinsch & J. H. Wilkinson, 1968, "The QR and QL algorithms for symmetric
 * matrices", Numer. Math. 11). The Givens rotations of each sweep are recorded first and then applied to the
 * eigenvector matrix one row at a time, which keeps the running entry in a register and the row in cache.
 */
import { ConvergenceError } from './errors.js';

const EPS = Number.EPSILON;

/** Implicit QL with Wilkinson shifts on (d, e); rotations accumulated into z (row-major n×n) when given. */
export function tridiagonalQL(d: Float64Array, e: Float64Array, z: Float64Array | null): void {
  const n = d.length;
  const cs = new Float64Array(n), sn = new Float64Array(n);
  // Normwise floor for deflation (as in EISPACK's tql2): an off-diagonal below ε·‖T‖ is a backward-stable zero
  // even where the neighbouring diagonal entries vanish, which the relative test alone never accepts.
  let tnorm = 0;
  for (let i = 0; i < n; i++) tnorm = Math.max(tnorm, Math.abs(d[i]!) + Math.abs(e[i]!));
  const floor = EPS * tnorm;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= EPS * dd || Math.abs(e[m]!) <= floor) break;
      }
      if (m === l) break;
      if (++iter > 60) throw new ConvergenceError(`symmetric eigendecomposition: QL did not converge for eigenvalue ${l}`);
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1, c = 1, p = 0, count = 0, deflated = false;
      for (let i = m - 1; i >= l; i--) {
        const f = s * e[i]!, b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1]! -= p;
          e[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        cs[count] = c;
        sn[count] = s;
        count++;
      }
      if (z !== null && count > 0) {
        for (let k = 0; k < n; k++) {
          const ro = k * n;
          let zi1 = z[ro + m]!;
          for (let t = 0; t < count; t++) {
            const i = ro + m - 1 - t;
            const zi = z[i]!, ct = cs[t]!, st = sn[t]!;
            z[i + 1] = st * zi + ct * zi1;
            zi1 = ct * zi - st * zi1;
          }
          z[ro + m - count] = zi1;
        }
      }
      if (deflated) continue;
      d[l]! -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
}

