/**
 * Multivariate factorisation over ℚ of a square-free integer polynomial that is primitive in every
 * variable, by evaluation and Hensel lifting (Wang 1978; see also Geddes, Czapor & Labahn (1992),
 * "Algorithms for Computer Algebra", ch. 6): pick a main variable x, make the polynomial monic in x
 * (divide by an integer leading coefficient, or substitute x ↦ x/L and clear denominators when
 * L = lc_x is a polynomial), factor the univariate image at a point y = a where it stays square-free,
 * lift the factors (`mhensel.ts`) and recombine subsets by exact trial division.
 */
import { Poly } from './poly.js';
import { rinv } from './ratutil.js';
import { primitivePart, monic } from './content.js';
import { contentInZ, gcd } from './gcd.js';
import { tryDivide, divideExact } from './division.js';
import { coefficientsIn, compose, derivative, fromCoefficientsIn, leadingCoefficientIn, substitute } from './structure.js';
import { factorSquareFree } from './zassenhaus.js';
import { liftFactors, yDegree } from './mhensel.js';
import { xorshift } from './cantor-zassenhaus.js';

const POINT_TRIALS = 24;
const GOOD_POINTS = 3;
/** Trial divisions allowed in recombination before the piece is returned unsplit (complete = false). */
const MAX_TRIALS = 20_000;

/**
 * Irreducible factors (primitive over ℤ) of f, or undefined if no usable evaluation point was found
 * or recombination needed more than MAX_TRIALS trial divisions.
 */
export function factorMultivariate(f: Poly): Poly[] | undefined {
  const vars = f.variables();
  const x = chooseMain(f, vars);
  const n = f.degree(x);
  const L = leadingCoefficientIn(f, x);
  const cs = coefficientsIn(f, x);
  const F = L.isConstant() ? f.scale(rinv(L.constantValue())) : fromCoefficientsIn(f.nvars, x, cs.map((c, j) => (j === n ? Poly.one(f.nvars) : c.mul(L.pow(n - 1 - j)))));
  const ys = vars.filter((v) => v !== x);
  const point = choosePoint(F, x, ys);
  if (!point) return undefined;
  if (point.factors.length === 1) return [f];
  const offset = (i: number): number => (ys.includes(i) ? point.a[ys.indexOf(i)]! : 0);
  const xs = Array.from({ length: f.nvars }, (_, i) => Poly.variable(f.nvars, i));
  const shift = xs.map((p, i) => p.add(Poly.constant(f.nvars, offset(i))));
  const unshift = xs.map((p, i) => p.sub(Poly.constant(f.nvars, offset(i))));
  const Fs = compose(F, shift);
  const D = Fs.terms.reduce((m, t) => Math.max(m, yDegree(t.exp, x)), 0);
  const lifted = liftFactors(Fs, point.factors, x, D);
  const pieces = recombine(Fs, lifted, x, D);
  if (!pieces) return undefined;
  const found = pieces.map((g) => {
    let h = compose(g, unshift);
    if (!L.isConstant()) h = substitute(h, x, L.mul(Poly.variable(f.nvars, x)));
    const p = primitivePart(h);
    return primitivePart(divideExact(p, contentInZ(p, x)));
  });
  const product = found.reduce((acc, g) => acc.mul(g), Poly.one(f.nvars));
  const ratio = tryDivide(f, product);
  if (!ratio || !ratio.isConstant()) throw new Error('internal: multivariate factors do not multiply back');
  return found;
}

/**
 * Main variable whose monic transform has the least total degree in the other variables (the
 * number of lifting steps), ties broken by the smaller degree in the variable itself.
 */
function chooseMain(f: Poly, vars: number[]): number {
  const score = (v: number): number => {
    const cs = coefficientsIn(f, v);
    const n = cs.length - 1;
    const yd = (p: Poly): number => p.terms.reduce((m, t) => Math.max(m, yDegree(t.exp, v)), 0);
    const dl = yd(cs[n]!);
    const D = cs.reduce((m, c, j) => (c.isZero() ? m : Math.max(m, yd(c) + (n - 1 - j) * dl)), 0);
    return D * 1000 + n;
  };
  return vars.reduce((best, v) => (score(v) < score(best) ? v : best), vars[0]!);
}

/** Evaluation point keeping F(x, a) square-free, with the fewest univariate factors among a few tries. */
function choosePoint(F: Poly, x: number, ys: number[]): { a: number[]; factors: Poly[] } | undefined {
  const rng = xorshift(7);
  let best: { a: number[]; factors: Poly[] } | undefined;
  let good = 0;
  for (let trial = 0; trial < POINT_TRIALS && good < GOOD_POINTS; trial++) {
    const radius = 1 + Math.floor(trial / 4) * 2;
    const a = ys.map(() => (trial === 0 ? 0 : Math.floor(rng() * (2 * radius + 1)) - radius));
    let img = F;
    ys.forEach((v, i) => { img = substitute(img, v, Poly.constant(F.nvars, a[i]!)); });
    if (!gcd(img, derivative(img, x)).isConstant()) continue;
    good++;
    const dense = new Array<bigint>(img.degree(x) + 1).fill(0n);
    const P = primitivePart(img);
    for (const t of P.terms) dense[t.exp[x]!] = t.coef[0];
    const factors = factorSquareFree(dense).map((c) => monic(Poly.fromCoeffs(F.nvars, x, c)));
    if (!best || factors.length < best.factors.length) best = { a, factors };
    if (factors.length === 1) break;
  }
  return best;
}

/** Subsets of lifted factors, smallest first, whose truncated product divides F exactly. */
function recombine(F: Poly, lifted: Poly[], x: number, D: number): Poly[] | undefined {
  const found: Poly[] = [];
  let trials = 0;
  let rest = F;
  let pool = lifted;
  for (let s = 1; 2 * s <= pool.length; ) {
    let hit: { g: Poly; q: Poly; idx: number[] } | undefined;
    for (const idx of combinations(pool.length, s)) {
      if (++trials > MAX_TRIALS) return undefined;
      let g = Poly.one(F.nvars);
      for (const i of idx) g = truncate(g.mul(pool[i]!), x, D);
      const q = tryDivide(rest, g);
      if (q) {
        hit = { g, q, idx };
        break;
      }
    }
    if (!hit) {
      s++;
      continue;
    }
    found.push(hit.g);
    rest = hit.q;
    const used = hit.idx;
    pool = pool.filter((_, i) => !used.includes(i));
  }
  found.push(rest);
  return found;
}

function truncate(p: Poly, x: number, D: number): Poly {
  return Poly.fromTerms(p.nvars, p.terms.filter((t) => yDegree(t.exp, x) <= D));
}

function* combinations(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield idx.slice();
    let j = k - 1;
    while (j >= 0 && idx[j] === n - k + j) j--;
    if (j < 0) return;
    idx[j]!++;
    for (let m = j + 1; m < k; m++) idx[m] = idx[m - 1]! + 1;
  }
}
