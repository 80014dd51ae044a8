/**
 * Exact null distribution of the one-sample Kolmogorov–Smirnov statistics for a continuous law.
 *  - P(D_n < d): the matrix method of G. Marsaglia, W. W. Tsang & J. Wang (2003), "Evaluating
 *    Kolmogorov's distribution", J. Stat. Softw. 8(18): n!/n^n times the central entry of H^n.
 *  - P(D⁺_n ≥ d): Z. W. Birnbaum & F. H. Tingey (1951), "One-sided confidence contours for probability
 *    distribution functions", Ann. Math. Stat. 22: d Σ_j C(n, j) (1 − d − j/n)^(n−j) (d + j/n)^(j−1),
 *    a sum of positive terms.
 *  - P(D_n ≥ d), the upper tail itself rather than 1 − cdf (which keeps no digits once it is small):
 *    {D⁺ ≥ d} and {D⁻ ≥ d} give P(D ≥ d) = 2 P(D⁺ ≥ d) − P(D⁺ ≥ d, D⁻ ≥ d). The joint term is 0 for
 *    d ≥ 1/2 (the two excursions cannot both happen), and in general 0 ≤ joint ≤ P(D⁺ ≥ d)², because D⁺
 *    is a decreasing and D⁻ an increasing function of each of the independent uniforms, so the two events
 *    are negatively correlated (T. E. Harris (1960), "A lower bound for the critical probability in a
 *    certain percolation process", Proc. Cambridge Philos. Soc. 56 — the Harris/FKG inequality).
 *    Hence 2 P(D⁺ ≥ d) has relative error at most P(D⁺ ≥ d)/2: it is used when that is below 1e-15/2.
 *    Otherwise the matrix method runs in double-double arithmetic (about 32 digits), so that 1 − cdf
 *    keeps full double precision down to that switch point.
 */
import { lgamma } from '../special/gamma.js';
import { twoProd, twoSum } from '../describe/dd.js';

/** P(D⁺_n ≥ d), exact (Birnbaum–Tingey). */
export function smirnovOneSidedSf(n: number, d: number): number {
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  let s = 0;
  // 1 − d − j/n = ((n − j) − n d)/n and d + j/n = (n d + j)/n with n d held exactly as a double-double,
  // so that the last term (where n d is nearly an integer) neither vanishes spuriously nor turns negative.
  const [nd, ndLo] = twoProd(n, d);
  const jMax = Math.floor(n - nd - ndLo);
  for (let j = 0; j <= jMax; j++) {
    const a = (n - j - nd - ndLo) / n, b = (nd + j + ndLo) / n;
    if (!(a > 0)) continue; // a = 0 exactly: the term a^(n−j) vanishes (n − j = n d > 0)
    const logC = lgamma(n + 1) - lgamma(j + 1) - lgamma(n - j + 1);
    s += Math.exp(logC + (n - j) * Math.log(a) + (j - 1) * Math.log(b));
  }
  return Math.min(1, Math.max(0, d * s));
}

/** A square matrix of double-double entries (hi and lo parts). */
interface DDMatrix {
  hi: Float64Array;
  lo: Float64Array;
}

const SCALE_EXP = 464; // rescale by 2^-464 (about 1e-140): exact in binary, unlike a power of ten
const SCALE = Math.pow(2, -SCALE_EXP);

function ddMatMul(A: DDMatrix, B: DDMatrix, m: number): DDMatrix {
  const hi = new Float64Array(m * m), lo = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let sh = 0, sl = 0;
      for (let l = 0; l < m; l++) {
        const ah = A.hi[i * m + l]!;
        if (ah === 0) continue;
        const bh = B.hi[l * m + j]!;
        if (bh === 0) continue;
        const [p, e] = twoProd(ah, bh);
        const [s, f] = twoSum(sh, p);
        sl += f + e + ah * B.lo[l * m + j]! + A.lo[i * m + l]! * bh;
        sh = s;
      }
      const t = sh + sl;
      hi[i * m + j] = t;
      lo[i * m + j] = sl - (t - sh);
    }
  }
  return { hi, lo };
}

function scaleMatrix(M: DDMatrix, f: number): void {
  for (let i = 0; i < M.hi.length; i++) {
    M.hi[i]! *= f;
    M.lo[i]! *= f;
  }
}

/** dd product [ah, al] * [bh, bl] as a pair. */
function mul2(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [p, e] = twoProd(ah, bh);
  const lo = e + ah * bl + al * bh;
  const s = p + lo;
  return [s, lo - (s - p)];
}

/** The Marsaglia–Tsang–Wang matrix H (size 2k − 1) in double-double, h = k − n d exactly. */
function buildH(n: number, d: number, k: number, m: number): DDMatrix {
  const [nd, ndLo] = twoProd(n, d);
  const [h0, h1] = twoSum(k, -nd);
  const hH = h0 + (h1 - ndLo), hL = h1 - ndLo - (hH - h0);
  const hi = new Float64Array(m * m), lo = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) hi[i * m + j] = i - j + 1 < 0 ? 0 : 1;
  // powers h^1 .. h^m
  const ph: [number, number][] = [[1, 0]];
  for (let i = 1; i <= m; i++) ph.push(mul2(ph[i - 1]![0], ph[i - 1]![1], hH, hL));
  const sub = (idx: number, v: [number, number]): void => {
    const [s, e] = twoSum(hi[idx]!, -v[0]);
    const l = lo[idx]! + e - v[1];
    hi[idx] = s + l;
    lo[idx] = l - (hi[idx]! - s);
  };
  for (let i = 0; i < m; i++) {
    sub(i * m, ph[i + 1]!);
    sub((m - 1) * m + i, ph[m - i]!);
  }
  // (2h − 1)^m added to the corner when 2h > 1
  const [t0, t1] = twoSum(2 * hH, -1);
  const gH = t0 + (t1 + 2 * hL), gL = t1 + 2 * hL - (gH - t0);
  if (gH > 0) {
    let p: [number, number] = [1, 0];
    for (let i = 0; i < m; i++) p = mul2(p[0], p[1], gH, gL);
    sub((m - 1) * m, [-p[0], -p[1]]);
  }
  // divide entry (i, j) by (i − j + 1)!
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= Math.min(i + 1, m - 1); j++) {
      let vh = hi[i * m + j]!, vl = lo[i * m + j]!;
      for (let g = 2; g <= i - j + 1; g++) {
        const q = vh / g;
        const [p, e] = twoProd(q, g);
        const r = (vh - p - e + vl) / g;
        vh = q + r;
        vl = r - (vh - q);
      }
      hi[i * m + j] = vh;
      lo[i * m + j] = vl;
    }
  }
  return { hi, lo };
}

/** P(D_n < d) as a double-double [hi, lo] (Marsaglia–Tsang–Wang). */
function kolmogorovCdfDD(n: number, d: number): [number, number] {
  const k = Math.floor(n * d) + 1, m = 2 * k - 1;
  const H = buildH(n, d, k, m);
  const c = (k - 1) * m + k - 1;
  let result: DDMatrix | null = null, resExp = 0;
  let base = H, baseExp = 0, e = n;
  while (e > 0) {
    if (e & 1) {
      if (result === null) {
        result = { hi: base.hi.slice(), lo: base.lo.slice() };
        resExp = baseExp;
      } else {
        result = ddMatMul(result, base, m);
        resExp += baseExp;
      }
      if (result.hi[c]! > 1e140) {
        scaleMatrix(result, SCALE);
        resExp += SCALE_EXP;
      }
    }
    e >>= 1;
    if (e > 0) {
      base = ddMatMul(base, base, m);
      baseExp *= 2;
      if (base.hi[c]! > 1e140) {
        scaleMatrix(base, SCALE);
        baseExp += SCALE_EXP;
      }
    }
  }
  let s: [number, number] = [result!.hi[c]!, result!.lo[c]!];
  for (let i = 1; i <= n; i++) {
    // s *= i / n in double-double
    const [p, pe] = twoProd(s[0], i);
    const ph = p, pl = pe + s[1] * i;
    const q = ph / n;
    const [r, re] = twoProd(q, n);
    const ql = (ph - r - re + pl) / n;
    s = [q + ql, ql - (q + ql - q)];
    if (s[0] < 1e-140) {
      s = [s[0] / SCALE, s[1] / SCALE];
      resExp -= SCALE_EXP;
    }
  }
  const f = Math.pow(2, resExp);
  return [s[0] * f, s[1] * f];
}

/** P(D_n < d), two-sided, exact (Marsaglia–Tsang–Wang, in double-double). */
export function kolmogorovCdfExact(n: number, d: number): number {
  if (d <= 0) return 0;
  if (d >= 1) return 1;
  const [h, l] = kolmogorovCdfDD(n, d);
  return Math.min(1, Math.max(0, h + l));
}

/** P(D_n ≥ d), two-sided, exact, to full relative precision also far in the tail. */
export function kolmogorovSfExact(n: number, d: number): number {
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  const p1 = smirnovOneSidedSf(n, d);
  if (d >= 0.5 || p1 <= 1e-15) return Math.min(1, 2 * p1);
  const [h, l] = kolmogorovCdfDD(n, d);
  const [s, e] = twoSum(1, -h);
  return Math.min(1, Math.max(0, s + (e - l)));
}
