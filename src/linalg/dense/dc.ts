/**
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by divide and conquer
 * (J. J. M. Cuppen, 1981, "A divide and conquer method for the symmetric tridiagonal eigenproblem", Numer. Math.
 * 36; with the deflation and the Löwner-formula recomputation of z of M. Gu & S. C. Eisenstat, 1995, "A
 * divide-and-conquer algorithm for the symmetric tridiagonal eigenproblem", SIAM J. Matrix Anal. Appl. 16(1),
 * which keep the eigenvectors orthogonal; organised as in LAPACK's dstedc/dlaed0–dlaed3).
 * T = diag(T₁, T₂) + ρuuᵀ is split at the middle, both halves are solved recursively, and the eigenvectors of the
 * rank-one update D + ρzzᵀ (z from the boundary rows of the halves' eigenvectors) are multiplied into
 * diag(Q₁, Q₂) by two matrix products (one per half, over the columns each half touches).
 */
import type { Arena } from './arena.js';
import { tridiagonalQL } from './ql.js';
import { secularRoots } from './secular.js';
import { iscratch, ISlot, scratch, Slot } from './scratch.js';

const EPS = Number.EPSILON;
/** Blocks of at most this order are solved by QL. */
const LEAF = 12;

/**
 * On return d holds the eigenvalues ascending and the n×n matrix at pq (row stride n) the eigenvectors as columns.
 * e (length ≥ n−1) is overwritten.
 */
export function tridiagonalEigenDC(ar: Arena, d: Float64Array, e: Float64Array, pq: number, n: number, leaf = LEAF): void {
  ar.f64().fill(0, pq, pq + n * n);
  if (n > 0) solve(ar, d, e, pq, n, 0, n, Math.max(leaf, 1));
}

function solve(ar: Arena, d: Float64Array, e: Float64Array, pq: number, n: number, lo: number, m: number, leaf: number): void {
  if (m <= leaf) {
    solveLeaf(ar, d, e, pq, n, lo, m);
    return;
  }
  const m1 = m >> 1, s = lo + m1 - 1;
  const beta = e[s]!;
  d[s]! -= Math.abs(beta);
  d[s + 1]! -= Math.abs(beta);
  solve(ar, d, e, pq, n, lo, m1, leaf);
  solve(ar, d, e, pq, n, lo + m1, m - m1, leaf);
  merge(ar, d, pq, n, lo, m, m1, beta, m === n);
}

function solveLeaf(ar: Arena, d: Float64Array, e: Float64Array, pq: number, n: number, lo: number, m: number): void {
  const dd = d.slice(lo, lo + m), ee = new Float64Array(m);
  for (let i = 0; i + 1 < m; i++) ee[i] = e[lo + i]!;
  const z = new Float64Array(m * m);
  for (let i = 0; i < m; i++) z[i * m + i] = 1;
  tridiagonalQL(dd, ee, z);
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => dd[i]! - dd[j]!);
  const Q = ar.f64();
  for (let c = 0; c < m; c++) {
    d[lo + c] = dd[order[c]!]!;
    const src = order[c]!;
    for (let r = 0; r < m; r++) Q[pq + (lo + r) * n + lo + c] = z[r * m + src]!;
  }
}

/**
 * Merges the two solved halves of the block at lo (order m, split after m1). Only the outermost merge (`sorted`)
 * orders the eigenpairs by value; inner merges leave the deflated pairs first and the secular roots after them
 * (each merge sorts its poles itself), which saves a permuting pass over every block.
 */
function merge(ar: Arena, d: Float64Array, pq: number, n: number, lo: number, m: number, m1: number, beta: number, sorted: boolean): void {
  const qb = pq + lo * n + lo; // block origin; entry (r, c) at qb + r·n + c
  let Q = ar.f64();
  const sgn = beta >= 0 ? 1 : -1;
  const rho = 2 * Math.abs(beta);
  const z = scratch(Slot.MZ, m), D = scratch(Slot.MD, m), tag = scratch(Slot.MTag, m);
  for (let c = 0; c < m; c++) D[c] = d[lo + c]!;
  for (let c = 0; c < m; c++) {
    z[c] = (c < m1 ? Q[qb + (m1 - 1) * n + c]! : sgn * Q[qb + m1 * n + c]!) * Math.SQRT1_2;
    tag[c] = c < m1 ? 1 : 2;
  }
  const idx = Array.from({ length: m }, (_, i) => i).sort((i, j) => D[i]! - D[j]!);
  let dmax = 0, zmax = 0;
  for (let c = 0; c < m; c++) {
    dmax = Math.max(dmax, Math.abs(D[c]!));
    zmax = Math.max(zmax, Math.abs(z[c]!));
  }
  const tol = 8 * EPS * Math.max(dmax, zmax);
  // Deflation: negligible zⱼ, and pairs of close dⱼ merged by a rotation that zeroes one of their z's.
  const nd: number[] = [], df: number[] = [];
  let pj = -1;
  for (const j of idx) {
    if (rho * Math.abs(z[j]!) <= tol) {
      df.push(j);
      continue;
    }
    if (pj < 0) {
      pj = j;
      continue;
    }
    let s = z[pj]!, c = z[j]!;
    const t = Math.hypot(c, s), gap = D[j]! - D[pj]!;
    c /= t;
    s = -s / t;
    if (Math.abs(gap * c * s) <= tol) {
      z[j] = t;
      z[pj] = 0;
      for (let r = 0; r < m; r++) {
        const x = Q[qb + r * n + pj]!, y = Q[qb + r * n + j]!;
        Q[qb + r * n + pj] = c * x + s * y;
        Q[qb + r * n + j] = c * y - s * x;
      }
      tag[j]! |= tag[pj]!;
      tag[pj] = tag[j]!;
      const dp = D[pj]! * c * c + D[j]! * s * s;
      D[j] = D[pj]! * s * s + D[j]! * c * c;
      D[pj] = dp;
      df.push(pj);
    } else nd.push(pj);
    pj = j;
  }
  if (pj >= 0) nd.push(pj);
  const K = nd.length;
  const mark = ar.mark();
  let lam: Float64Array = new Float64Array(0);
  let pc = 0;
  if (K > 0) {
    const dd = scratch(Slot.MDd, K), zz = scratch(Slot.MZz, K);
    for (let k = 0; k < K; k++) {
      dd[k] = D[nd[k]!]!;
      zz[k] = z[nd[k]!]!;
    }
    lam = scratch(Slot.MLam, K);
    const pdel = ar.alloc(K * K);
    secularRoots(ar, dd, zz, rho, K, lam, pdel); // Q[pdel + j·K + i] = dⱼ − λᵢ
    Q = ar.f64();
    // Löwner: the ẑ for which the computed λ are exact eigenvalues of D + ẑẑᵀ (Gu & Eisenstat).
    const zh = scratch(Slot.MZh, K);
    for (let i = 0; i < K; i++) {
      const ri = pdel + i * K, di = dd[i]!;
      let w = Q[ri + i]!;
      for (let j = 0; j < K; j++) if (j !== i) w *= Q[ri + j]! / (di - dd[j]!);
      zh[i] = (zz[i]! >= 0 ? 1 : -1) * Math.sqrt(Math.max(0, -w));
    }
    const top: number[] = [], bot: number[] = [];
    for (let k = 0; k < K; k++) {
      if (tag[nd[k]!]! & 1) top.push(k);
      if (tag[nd[k]!]! & 2) bot.push(k);
    }
    const pu = ar.alloc(K * K), pqt = ar.alloc(m * Math.max(top.length, bot.length));
    const pcAll = ar.alloc(m * K);
    const pub = ar.alloc(K * Math.max(top.length, bot.length));
    pc = pcAll;
    Q = ar.f64();
    // U[j, i] = ẑⱼ/(dⱼ − λᵢ), columns normalised.
    const ss = scratch(Slot.MSs, K).fill(0, 0, K);
    for (let j = 0; j < K; j++) {
      const rj = pdel + j * K, uj = pu + j * K, zj = zh[j]!;
      for (let i = 0; i < K; i++) {
        const u = zj / Q[rj + i]!;
        Q[uj + i] = u;
        ss[i]! += u * u;
      }
    }
    // The columns of U are normalised later, by scaling the columns of C = Q·U as they are written back.
    for (let i = 0; i < K; i++) ss[i] = 1 / Math.sqrt(ss[i]!);
    Q.fill(0, pc, pc + m * K);
    for (const [rows, r0, list] of [[m1, 0, top], [m - m1, m1, bot]] as const) {
      const kk = list.length;
      if (kk === 0) continue;
      for (let r = 0; r < rows; r++) {
        for (let t = 0; t < kk; t++) Q[pqt + r * kk + t] = Q[qb + (r0 + r) * n + nd[list[t]!]!]!;
      }
      for (let t = 0; t < kk; t++) Q.copyWithin(pub + t * K, pu + list[t]! * K, pu + list[t]! * K + K);
      ar.gemm(false, rows, K, kk, pqt, kk, pub, K, pc + r0 * K, K);
    }
  }
  if (!sorted) {
    writeBackUnsorted(Q, d, qb, n, lo, m, df, lam, K, pc);
    ar.release(mark);
    return;
  }
  // Gather every eigenpair, sort by value, write back into the block.
  const vals: number[] = [], from: number[] = []; // from ≥ 0: deflated column of Q; < 0: column −1−i of C
  for (const j of df) {
    vals.push(D[j]!);
    from.push(j);
  }
  for (let i = 0; i < K; i++) {
    vals.push(lam[i]!);
    from.push(-1 - i);
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => vals[a]! - vals[b]!);
  // Column c of the result is column colQ of the block (deflated) or column colC of C, scaled by ss[colC].
  const dstQ = iscratch(ISlot.MColQ, m), srcQ = iscratch(ISlot.MSrcQ, m);
  const dstC = iscratch(ISlot.MColC, m), srcC = iscratch(ISlot.MSrcC, m);
  const ss = scratch(Slot.MSs, K);
  let nq = 0, nc = 0;
  for (let c = 0; c < m; c++) {
    d[lo + c] = vals[order[c]!]!;
    const f = from[order[c]!]!;
    if (f >= 0) {
      dstQ[nq] = c;
      srcQ[nq++] = f;
    } else {
      dstC[nc] = c;
      srcC[nc++] = -1 - f;
    }
  }
  // Row by row: each output row mixes entries of the same row of the block and of C.
  const row = scratch(Slot.MRow, m);
  for (let r = 0; r < m; r++) {
    const qr = qb + r * n, cr = pc + r * K;
    for (let t = 0; t < nq; t++) row[dstQ[t]!] = Q[qr + srcQ[t]!]!;
    for (let t = 0; t < nc; t++) {
      const i = srcC[t]!;
      row[dstC[t]!] = Q[cr + i]! * ss[i]!;
    }
    Q.set(row.subarray(0, m), qr);
  }
  ar.release(mark);
}

/** Block ← [deflated columns (in df order) | C·diag(ss)], with d to match (inner merges). */
function writeBackUnsorted(
  Q: Float64Array, d: Float64Array, qb: number, n: number, lo: number, m: number, df: readonly number[], lam: Float64Array, K: number, pc: number,
): void {
  const nq = df.length;
  const srcQ = iscratch(ISlot.MSrcQ, nq), D = scratch(Slot.MD, m), ss = scratch(Slot.MSs, K);
  for (let t = 0; t < nq; t++) {
    srcQ[t] = df[t]!;
    d[lo + t] = D[df[t]!]!;
  }
  for (let i = 0; i < K; i++) d[lo + nq + i] = lam[i]!;
  const row = scratch(Slot.MRow, m);
  for (let r = 0; r < m; r++) {
    const qr = qb + r * n, qk = qr + nq, cr = pc + r * K;
    if (nq > 0) {
      for (let t = 0; t < nq; t++) row[t] = Q[qr + srcQ[t]!]!;
      Q.set(row.subarray(0, nq), qr);
    }
    for (let i = 0; i < K; i++) Q[qk + i] = Q[cr + i]! * ss[i]!;
  }
}
