/**
 * Recursive LU factorisation with partial pivoting, PA = LU, in place in the arena (S. Toledo, 1997, "Locality of
 * reference in LU decomposition with partial pivoting", SIAM J. Matrix Anal. Appl. 18(4); F. G. Gustavson, 1997,
 * "Recursion leads to automatic variable blocking for dense linear-algebra algorithms", IBM J. Res. Dev. 41(6)).
 * The column panel is split in halves: factor the left half, solve for the top-right block with the unit lower
 * triangle, update the bottom-right block by a matrix product (the arena's gemm), factor the right half. Nearly
 * all the work lands in the product. Row interchanges swap whole rows, which are contiguous in row-major storage.
 */
import type { Arena } from './arena.js';

/** Panels at most this wide are factored column by column. */
const BASE = 4;
/** Unit lower triangular solves with at most this many rows run row by row (upper ones as plain substitution). */
const TRSM_BASE = 8;

export interface LuState {
  sign: number;
  singular: boolean;
}

/**
 * Factor the n×n matrix at element offset p (row stride n) of the arena; perm[i] receives the original index of
 * row i (perm must hold the identity on entry).
 */
export function luInPlace(ar: Arena, p: number, n: number, perm: Int32Array, base = BASE): LuState {
  const st: PanelState = { sign: 1, singular: false, tmp: 0 };
  const mark = ar.mark();
  st.tmp = ar.alloc(n);
  if (n > 0) panel(ar, p, n, 0, n, perm, st, base);
  ar.release(mark);
  return { sign: st.sign, singular: st.singular };
}

/** The running state of one factorisation: tmp is the arena offset of a row-sized buffer for interchanges. */
interface PanelState extends LuState {
  tmp: number;
}

function panel(ar: Arena, p: number, n: number, c0: number, w: number, perm: Int32Array, st: PanelState, base: number): void {
  if (w <= base) {
    unblocked(ar.f64(), p, n, c0, w, perm, st);
    return;
  }
  const w1 = w >> 1;
  panel(ar, p, n, c0, w1, perm, st, base);
  const c1 = c0 + w1;
  // U₁₂ ← L₁₁⁻¹ A₁₂, then A₂₂ ← A₂₂ − L₂₁ U₁₂
  trsmLowerUnit(ar, p + c0 * n + c0, n, w1, p + c0 * n + c1, n, w - w1);
  ar.gemm(true, n - c1, w - w1, w1, p + c1 * n + c0, n, p + c0 * n + c1, n, p + c1 * n + c1, n);
  panel(ar, p, n, c1, w - w1, perm, st, base);
}

/** Right-looking elimination of columns c0..c0+w−1 over rows c0..n−1 (swaps act on whole rows). */
function unblocked(a: Float64Array, p: number, n: number, c0: number, w: number, perm: Int32Array, st: PanelState): void {
  const cEnd = c0 + w;
  for (let k = c0; k < cEnd; k++) {
    let piv = k, best = Math.abs(a[p + k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[p + i * n + k]!);
      if (v > best) {
        best = v;
        piv = i;
      }
    }
    if (piv !== k) {
      // Whole rows are contiguous: three block moves through the buffer.
      const rp = p + piv * n, rk = p + k * n, tmp = st.tmp;
      a.copyWithin(tmp, rp, rp + n);
      a.copyWithin(rp, rk, rk + n);
      a.copyWithin(rk, tmp, tmp + n);
      const tp = perm[piv]!;
      perm[piv] = perm[k]!;
      perm[k] = tp;
      st.sign = -st.sign;
    }
    const rk = p + k * n;
    const pivot = a[rk + k]!;
    if (pivot === 0) {
      st.singular = true;
      continue;
    }
    const inv = 1 / pivot;
    for (let i = k + 1; i < n; i++) {
      const ri = p + i * n;
      const l = a[ri + k]! * inv;
      a[ri + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < cEnd; j++) a[ri + j]! -= l * a[rk + j]!;
    }
  }
}

/**
 * X ← L⁻¹X with L unit lower triangular (r×r at pl, stride ldl) and X r×c at px (stride ldx): recursive on the
 * rows of L, so the off-diagonal block becomes a gemm.
 */
export function trsmLowerUnit(ar: Arena, pl: number, ldl: number, r: number, px: number, ldx: number, c: number): void {
  if (r <= 0 || c <= 0) return;
  if (r <= TRSM_BASE) {
    // Row by row: xᵢ ← xᵢ − L[i, 0:i]·X[0:i], each a 1×c product in the kernel.
    for (let i = 1; i < r; i++) ar.gemm(true, 1, c, i, pl + i * ldl, ldl, px, ldx, px + i * ldx, ldx);
    return;
  }
  const h = r >> 1;
  trsmLowerUnit(ar, pl, ldl, h, px, ldx, c);
  ar.gemm(true, r - h, c, h, pl + h * ldl, ldl, px, ldx, px + h * ldx, ldx);
  trsmLowerUnit(ar, pl + h * ldl + h, ldl, r - h, px + h * ldx, ldx, c);
}

/** X ← U⁻¹X with U upper triangular with nonzero diagonal (r×r at pu), X r×c at px: recursive like trsmLowerUnit. */
export function trsmUpper(ar: Arena, pu: number, ldu: number, r: number, px: number, ldx: number, c: number): void {
  if (r <= 0 || c <= 0) return;
  if (r <= TRSM_BASE) {
    const a = ar.f64();
    for (let i = r - 1; i >= 0; i--) {
      const xi = px + i * ldx, ui = pu + i * ldu;
      for (let k = i + 1; k < r; k++) {
        const u = a[ui + k]!;
        if (u === 0) continue;
        const xk = px + k * ldx;
        for (let j = 0; j < c; j++) a[xi + j]! -= u * a[xk + j]!;
      }
      const inv = 1 / a[ui + i]!;
      for (let j = 0; j < c; j++) a[xi + j]! *= inv;
    }
    return;
  }
  const h = r >> 1;
  trsmUpper(ar, pu + h * ldu + h, ldu, r - h, px + h * ldx, ldx, c);
  ar.gemm(true, h, c, r - h, pu + h, ldu, px + h * ldx, ldx, px, ldx);
  trsmUpper(ar, pu, ldu, h, px, ldx, c);
}
