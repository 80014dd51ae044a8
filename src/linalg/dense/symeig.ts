/**
 * Symmetric eigendecomposition A = V·Λ·Vᵀ in two phases:
 *  1. Householder tridiagonalisation Qᵀ A Q = T, using only the lower triangle
 *     (Golub & Van Loan, "Matrix Computations", 4th ed., 2013, Algorithm 8.3.1);
 *  2. the implicit QL algorithm with Wilkinson's shift on T
 *     (H. Bowdler, R. S. Martin, C. Reinsch & J. H. Wilkinson, 1968,
 *      "The QR and QL algorithms for symmetric matrices", Numer. Math. 11).
 * The Givens rotations of each QL sweep are recorded first and then applied to the eigenvector matrix one row
 * at a time, which keeps the running entry in a register and the row in cache.
 */
import { Matrix, powerOfTwoScale, requireFinite, requireSquare } from './matrix.js';
import { ConvergenceError, DimensionError } from './errors.js';
import { applyLeft, makeReflector } from './householder.js';

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  readonly values: Float64Array;
  /** Orthonormal eigenvectors as columns, in the order of `values`. */
  readonly vectors: Matrix;
}

const EPS = Number.EPSILON;

function checkSymmetric(a: Matrix): void {
  const n = a.rows, A = a.data;
  let maxAbs = 0;
  for (let i = 0; i < A.length; i++) maxAbs = Math.max(maxAbs, Math.abs(A[i]!));
  const tol = 1e-10 * maxAbs;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(A[i * n + j]! - A[j * n + i]!) > tol) {
        throw new DimensionError(`symmetric eigendecomposition: matrix is not symmetric (entries (${i},${j}) and (${j},${i}) differ)`);
      }
    }
  }
}

/** Divide by a power of two (exact) so that entries are O(1): see powerOfTwoScale. */
function scaled(a: Matrix, sc: number): Matrix {
  return sc === 1 ? a : { rows: a.rows, cols: a.cols, data: a.data.map((x) => x / sc) };
}

/** Reduce to tridiagonal form. Returns diagonal d, subdiagonal e (e[n−1] = 0) and, if asked, Q row-major. */
function tridiagonalize(a: Matrix, wantQ: boolean): { d: Float64Array; e: Float64Array; q: Float64Array | null } {
  const n = a.rows;
  const A = new Float64Array(a.data);
  const d = new Float64Array(n), e = new Float64Array(n);
  const tau = new Float64Array(Math.max(n - 2, 0));
  const v = new Float64Array(n), p = new Float64Array(n), w = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    const len = n - k - 1, c0 = k + 1;
    const t = makeReflector(A, c0 * n + k, n, len);
    tau[k] = t;
    e[k] = A[c0 * n + k]!;
    if (t === 0) continue;
    v[0] = 1;
    for (let i = 1; i < len; i++) v[i] = A[(c0 + i) * n + k]!;
    // p = τ·A₂₂·v from the lower triangle only.
    p.fill(0, 0, len);
    for (let i = 0; i < len; i++) {
      const ro = (c0 + i) * n + c0;
      const vi = v[i]!;
      let s = 0;
      for (let j = 0; j < i; j++) {
        const aij = A[ro + j]!;
        s += aij * v[j]!;
        p[j]! += aij * vi;
      }
      p[i]! += s + A[ro + i]! * vi;
    }
    let pv = 0;
    for (let i = 0; i < len; i++) {
      p[i]! *= t;
      pv += p[i]! * v[i]!;
    }
    const K = 0.5 * t * pv;
    for (let i = 0; i < len; i++) w[i] = p[i]! - K * v[i]!;
    // A₂₂ ← A₂₂ − v wᵀ − w vᵀ (lower triangle).
    for (let i = 0; i < len; i++) {
      const ro = (c0 + i) * n + c0;
      const vi = v[i]!, wi = w[i]!;
      for (let j = 0; j <= i; j++) A[ro + j]! -= vi * w[j]! + wi * v[j]!;
    }
  }
  for (let i = 0; i < n; i++) d[i] = A[i * n + i]!;
  if (n >= 2) e[n - 2] = A[(n - 1) * n + n - 2]!;
  if (!wantQ) return { d, e, q: null };
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let k = n - 3; k >= 0; k--) {
    applyLeft(A, (k + 1) * n + k, n, n - k - 1, tau[k]!, q, n, k + 1, k + 1, n, w);
  }
  return { d, e, q };
}

/** Implicit QL with Wilkinson shifts on (d, e); rotations accumulated into z (row-major n×n) when given. */
function tridiagonalQL(d: Float64Array, e: Float64Array, z: Float64Array | null): void {
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

/** Eigenvalues and orthonormal eigenvectors of a symmetric matrix, eigenvalues ascending. */
export function symmetricEigen(a: Matrix): SymmetricEigen {
  requireSquare(a, 'symmetric eigendecomposition');
  requireFinite(a, 'symmetric eigendecomposition');
  checkSymmetric(a);
  const n = a.rows;
  const sc = powerOfTwoScale(a.data);
  const { d, e, q } = tridiagonalize(scaled(a, sc), true);
  tridiagonalQL(d, e, q);
  for (let i = 0; i < n; i++) d[i]! *= sc;
  const z = q!;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[i]! - d[j]!);
  const values = new Float64Array(n);
  const vec = new Float64Array(n * n);
  for (let j = 0; j < n; j++) values[j] = d[order[j]!]!;
  for (let i = 0; i < n; i++) {
    const ro = i * n;
    for (let j = 0; j < n; j++) vec[ro + j] = z[ro + order[j]!]!;
  }
  return { values, vectors: { rows: n, cols: n, data: vec } };
}

/** Eigenvalues only (ascending); O(n²) after the O(n³) reduction. */
export function symmetricEigenvalues(a: Matrix): Float64Array {
  requireSquare(a, 'symmetric eigenvalues');
  requireFinite(a, 'symmetric eigenvalues');
  checkSymmetric(a);
  const sc = powerOfTwoScale(a.data);
  const { d, e } = tridiagonalize(scaled(a, sc), false);
  tridiagonalQL(d, e, null);
  for (let i = 0; i < d.length; i++) d[i]! *= sc;
  return d.sort();
}
