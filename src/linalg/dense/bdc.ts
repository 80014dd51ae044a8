/**
 * Singular value decomposition of an upper bidiagonal matrix by divide and conquer (E. R. Jessup & D. C. Sorensen,
 * 1994, "A parallel algorithm for computing the singular value decomposition of a matrix", SIAM J. Matrix Anal.
 * Appl. 15(2); M. Gu & S. C. Eisenstat, 1995, "A divide-and-conquer algorithm for the bidiagonal SVD", SIAM J.
 * Matrix Anal. Appl. 16(1); organised as LAPACK's dbdsdc/dlasd0–dlasd3).
 * A problem is N×(N+sq), sq ∈ {0, 1}. Row k = nl splits it into an upper part nl×(nl+1), the row (α at column nl,
 * β at nl+1) and a lower part of the parent's shape. With the parts' SVDs the matrix becomes an arrowhead
 * [z; diag(0, s)] (the zero belongs to the upper part's null vector), whose singular values solve
 * 1 + Σ zⱼ²/(sⱼ² − σ²) = 0 (secular.ts in squared form) and whose vectors follow from ẑ (Löwner's formula, which
 * keeps them orthogonal). They are multiplied into the parts' vectors by matrix products.
 * Storage: U n×n and V n×n (row-major, row stride n) in the arena; problem (lo, N, sq) owns U[lo…lo+N)² and
 * V[lo…lo+N+sq)², local index c naming the same column in both (c = nl: e_nl in U, the null vector in V).
 */
import type { Arena } from './arena.js';
import { secularRoots } from './secular.js';
import { svdTall } from './svd-qr.js';
import { scratch, Slot } from './scratch.js';

const EPS = Number.EPSILON;
const LEAF = 8;

/** d (length n) ← singular values ascending; U, V at pu, pv ← the singular vectors as columns. e is read. */
export function bidiagonalSvdDC(ar: Arena, d: Float64Array, e: Float64Array, pu: number, pv: number, n: number, leaf = LEAF): void {
  const mem = ar.f64();
  mem.fill(0, pu, pu + n * n);
  mem.fill(0, pv, pv + n * n);
  if (n > 0) solve(ar, d, e, pu, pv, n, 0, n, 0, Math.max(leaf, 2));
}

function solve(ar: Arena, d: Float64Array, e: Float64Array, pu: number, pv: number, n: number, lo: number, N: number, sq: number, leaf: number): void {
  if (N <= leaf) {
    solveLeaf(ar, d, e, pu, pv, n, lo, N, sq);
    return;
  }
  const nl = N >> 1, ic = lo + nl;
  const alpha = d[ic]!, beta = e[ic]!;
  solve(ar, d, e, pu, pv, n, lo, nl, 1, leaf);
  solve(ar, d, e, pu, pv, n, ic + 1, N - nl - 1, sq, leaf);
  merge(ar, d, pu, pv, n, lo, N, sq, nl, alpha, beta);
}

/** Small problems: the Golub–Kahan–Reinsch SVD of Bᵀ, plus (when sq = 1) the null vector by Gram–Schmidt. */
function solveLeaf(ar: Arena, d: Float64Array, e: Float64Array, pu: number, pv: number, n: number, lo: number, N: number, sq: number): void {
  const M = N + sq;
  const bt = new Float64Array(M * N);
  for (let r = 0; r < N; r++) {
    bt[r * N + r] = d[lo + r]!;
    if (r + 1 < M) bt[(r + 1) * N + r] = e[lo + r]!;
  }
  const { S, U: P, V: Qm } = svdTall({ rows: M, cols: N, data: bt }, true);
  const mem = ar.f64();
  // svdTall orders descending; stored ascending.
  for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) mem[pu + (lo + r) * n + lo + c] = Qm![r * N + N - 1 - c]!;
  for (let r = 0; r < M; r++) for (let c = 0; c < N; c++) mem[pv + (lo + r) * n + lo + c] = P![r * N + N - 1 - c]!;
  for (let c = 0; c < N; c++) d[lo + c] = S[N - 1 - c]!;
  if (sq === 0) return;
  let k = 0, best = Infinity;
  for (let r = 0; r < M; r++) {
    let s = 0;
    for (let c = 0; c < N; c++) s += P![r * N + c]! ** 2;
    if (s < best) {
      best = s;
      k = r;
    }
  }
  const x = new Float64Array(M), y = new Float64Array(N);
  x[k] = 1;
  for (let pass = 0; pass < 2; pass++) {
    y.fill(0);
    for (let r = 0; r < M; r++) for (let c = 0; c < N; c++) y[c]! += P![r * N + c]! * x[r]!;
    for (let r = 0; r < M; r++) for (let c = 0; c < N; c++) x[r]! -= P![r * N + c]! * y[c]!;
  }
  let nx = 0;
  for (let r = 0; r < M; r++) nx += x[r]! * x[r]!;
  nx = Math.sqrt(nx);
  for (let r = 0; r < M; r++) mem[pv + (lo + r) * n + lo + N] = x[r]! / nx;
}

function rotateCols(mem: Float64Array, base: number, n: number, rows: number, i: number, j: number, c: number, s: number): void {
  for (let r = 0, o = base; r < rows; r++, o += n) {
    const x = mem[o + i]!, y = mem[o + j]!;
    mem[o + i] = c * x + s * y;
    mem[o + j] = c * y - s * x;
  }
}

function merge(
  ar: Arena, d: Float64Array, pu: number, pv: number, n: number, lo: number, N: number, sq: number, nl: number,
  alpha: number, beta: number,
): void {
  const M = N + sq;
  const ub = pu + lo * n + lo, vb = pv + lo * n + lo;
  let mem = ar.f64();
  const s = scratch(Slot.BS, N), z = scratch(Slot.BZ, M);
  const utag = scratch(Slot.BUtag, N), vtag = scratch(Slot.BVtag, N);
  let smax = 0;
  for (let c = 0; c < N; c++) {
    s[c] = c === nl ? 0 : d[lo + c]!;
    smax = Math.max(smax, s[c]!);
    utag[c] = c < nl ? 1 : c === nl ? 4 : 2;
    vtag[c] = c <= nl ? 1 : 2;
  }
  for (let c = 0; c < M; c++) z[c] = c <= nl ? alpha * mem[vb + nl * n + c]! : beta * mem[vb + (nl + 1) * n + c]!;
  if (sq === 1 && z[N] !== 0) {
    // Two null columns: rotate so that one of them (the last) is the merged problem's null vector.
    const r = Math.hypot(z[nl]!, z[N]!), c = z[nl]! / r, sn = z[N]! / r;
    rotateCols(mem, vb, n, M, nl, N, c, sn);
    z[nl] = r;
    z[N] = 0;
    vtag[nl] = 3;
  }
  const tol = 8 * EPS * Math.max(smax, Math.abs(alpha), Math.abs(beta));
  if (Math.abs(z[nl]!) <= tol) z[nl] = tol;
  const idx: number[] = [];
  for (let c = 0; c < N; c++) if (c !== nl) idx.push(c);
  idx.sort((i, j) => s[i]! - s[j]!);
  if (idx.length > 0 && s[idx[0]!]! <= tol / 2) s[idx[0]!] = tol / 2;
  const nd: number[] = [nl], df: number[] = [];
  let pj = -1;
  for (const j of idx) {
    if (Math.abs(z[j]!) <= tol) {
      df.push(j);
      continue;
    }
    if (pj < 0) {
      pj = j;
      continue;
    }
    let sn = z[pj]!, cs = z[j]!;
    const t = Math.hypot(cs, sn), gap = s[j]! - s[pj]!;
    cs /= t;
    sn = -sn / t;
    if (Math.abs(gap * cs * sn) <= tol) {
      z[j] = t;
      z[pj] = 0;
      rotateCols(mem, ub, n, N, pj, j, cs, sn);
      rotateCols(mem, vb, n, M, pj, j, cs, sn);
      utag[j]! |= utag[pj]!;
      utag[pj] = utag[j]!;
      vtag[j]! |= vtag[pj]!;
      vtag[pj] = vtag[j]!;
      const sp = s[pj]! * cs * cs + s[j]! * sn * sn;
      s[j] = s[pj]! * sn * sn + s[j]! * cs * cs;
      s[pj] = sp;
      df.push(pj);
    } else nd.push(pj);
    pj = j;
  }
  if (pj >= 0) nd.push(pj);
  const K = nd.length;
  const dd = scratch(Slot.BDd, K), zz = scratch(Slot.BZz, K), lam = scratch(Slot.BLam, K);
  for (let k = 0; k < K; k++) {
    dd[k] = s[nd[k]!]!;
    zz[k] = z[nd[k]!]!;
  }
  const mark = ar.mark();
  const pdel = ar.alloc(K * K), puh = ar.alloc(K * K), pvh = ar.alloc(K * K);
  const pcu = ar.alloc(N * K), pcv = ar.alloc(M * K), pg = ar.alloc(M * K), pgu = ar.alloc(K * K);
  mem = ar.f64();
  const zh = scratch(Slot.BZh, K);
  if (K === 1) {
    // Only the corner is left: the column (z, 0, …, 0) has σ = |z|, u = ±e_nl, v = the corner column.
    lam[0] = zz[0]! * zz[0]!;
    mem[pdel] = -lam[0]!;
    zh[0] = zz[0]!;
  } else {
    secularRoots(ar, dd, zz, 1, K, lam, pdel, true); // mem[pdel + j·K + i] = ddⱼ² − σᵢ²
    mem = ar.f64();
  }
  for (let i = 0; i < K && K > 1; i++) {
    const ri = pdel + i * K, di = dd[i]!;
    let w = mem[ri + i]!;
    for (let j = 0; j < K; j++) if (j !== i) w *= mem[ri + j]! / ((di - dd[j]!) * (di + dd[j]!));
    zh[i] = (zz[i]! >= 0 ? 1 : -1) * Math.sqrt(Math.max(0, -w));
  }
  // V̂[j, i] = ẑⱼ/(ddⱼ² − σᵢ²); Û[0, i] = −1, Û[j, i] = ddⱼẑⱼ/(ddⱼ² − σᵢ²); columns normalised.
  const nu = scratch(Slot.BNu, K).fill(0, 0, K), nv = scratch(Slot.BNv, K).fill(0, 0, K);
  for (let j = 0; j < K; j++) {
    const rj = pdel + j * K, zj = zh[j]!, dj = dd[j]!;
    for (let i = 0; i < K; i++) {
      const del = mem[rj + i]!;
      const v = del === 0 ? 1 : zj / del, u = j === 0 ? (del === 0 ? Math.sign(zj) || 1 : -1) : dj * v;
      mem[pvh + j * K + i] = v;
      mem[puh + j * K + i] = u;
      nv[i]! += v * v;
      nu[i]! += u * u;
    }
  }
  for (let i = 0; i < K; i++) {
    nu[i] = 1 / Math.sqrt(nu[i]!);
    nv[i] = 1 / Math.sqrt(nv[i]!);
  }
  for (let j = 0; j < K; j++) {
    for (let i = 0; i < K; i++) {
      mem[puh + j * K + i]! *= nu[i]!;
      mem[pvh + j * K + i]! *= nv[i]!;
    }
  }
  mem.fill(0, pcu, pcu + N * K);
  mem.fill(0, pcv, pcv + M * K);
  for (let i = 0; i < K; i++) mem[pcu + nl * K + i] = mem[puh + i]!; // the corner: e_nl in U
  const product = (base: number, tags: Float64Array, bit: number, r0: number, rows: number, ph: number, pc: number): void => {
    const cols: number[] = [];
    for (let k = 0; k < K; k++) if (tags[nd[k]!]! & bit && !(base === ub && k === 0)) cols.push(k);
    const kk = cols.length;
    if (kk === 0 || rows === 0) return;
    for (let r = 0; r < rows; r++) for (let t = 0; t < kk; t++) mem[pg + r * kk + t] = mem[base + (r0 + r) * n + nd[cols[t]!]!]!;
    for (let t = 0; t < kk; t++) mem.copyWithin(pgu + t * K, ph + cols[t]! * K, ph + cols[t]! * K + K);
    ar.gemm(false, rows, K, kk, pg, kk, pgu, K, pc + r0 * K, K);
  };
  product(ub, utag, 1, 0, nl, puh, pcu);
  product(ub, utag, 2, nl + 1, N - nl - 1, puh, pcu);
  product(vb, vtag, 1, 0, nl + 1, pvh, pcv);
  product(vb, vtag, 2, nl + 1, M - nl - 1, pvh, pcv);
  // All N triplets, ascending; rows rewritten one at a time (the null column of V, if any, stays where it is).
  const vals: number[] = [], from: number[] = [];
  for (const c of df) {
    vals.push(s[c]!);
    from.push(c);
  }
  for (let i = 0; i < K; i++) {
    vals.push(Math.sqrt(lam[i]!));
    from.push(-1 - i);
  }
  const order = Array.from({ length: N }, (_, i) => i).sort((a, b) => vals[a]! - vals[b]!);
  const src = scratch(Slot.BSrc, N);
  for (let c = 0; c < N; c++) {
    d[lo + c] = vals[order[c]!]!;
    src[c] = from[order[c]!]!;
  }
  const row = scratch(Slot.BRow, N);
  for (const [base, rows, pc] of [[ub, N, pcu], [vb, M, pcv]] as const) {
    for (let r = 0; r < rows; r++) {
      const br = base + r * n, cr = pc + r * K - 1;
      for (let c = 0; c < N; c++) {
        const f = src[c]!;
        row[c] = f >= 0 ? mem[br + f]! : mem[cr - f]!;
      }
      for (let c = 0; c < N; c++) mem[br + c] = row[c]!;
    }
  }
  ar.release(mark);
}
