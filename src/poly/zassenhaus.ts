/**
 * Factorisation of a primitive square-free polynomial in ℤ[x] into irreducibles — H. Zassenhaus
 * (1969), "On Hensel factorization I": factor modulo a small prime (Cantor–Zassenhaus), Hensel-lift
 * the modular factors to p^k beyond twice a Mignotte bound (M. Mignotte (1974), "An inequality about
 * factors of polynomials", Math. Comp. 28), then recombine subsets of lifted factors in increasing
 * size, discarding candidates by the constant-coefficient test before exact trial division
 * (von zur Gathen & Gerhard, "Modern Computer Algebra", Algorithm 15.19).
 */
import { babs } from '../ast/rational.js';
import { PolyError } from './poly.js';
import { factorModP } from './cantor-zassenhaus.js';
import { henselLift } from './hensel.js';
import { type PPoly, pderiv, pfromZ, pgcd, pmonic, pdeg } from './modp.js';
import { type ZPoly, zdivExact, zlc, zl2NormCeil, zprimitive } from './zpoly.js';

const PRIMES = smallOddPrimes(20000);

/** Number of good primes tried; the one giving the fewest modular factors is kept. */
const PRIME_TRIALS = 5;

/**
 * Subsets of modular factors examined before recombination gives up. Recombination is exponential
 * in the worst case (e.g. Swinnerton-Dyer polynomials of degree 64 split into 32 quadratics mod
 * every prime); past this limit Lousa says so instead of running for hours.
 */
export const MAX_SUBSETS = 1_000_000;

export class FactorLimitError extends PolyError {
  override name = 'FactorLimitError';
}

/** Irreducible factors (primitive, positive leading coefficient) of a primitive square-free f, deg f ≥ 1. */
export function factorSquareFree(f: ZPoly): ZPoly[] {
  f = zprimitive(f);
  const n = f.length - 1;
  if (n <= 1) return [f];
  if (f[0] === 0n) return [[0n, 1n], ...factorSquareFree(f.slice(1))];
  const chosen = choosePrime(f);
  if (chosen.factors.length === 1) return [f];
  const { p, factors } = chosen;
  const lc = babs(zlc(f));
  const bound = lc * (1n << BigInt(n)) * zl2NormCeil(f);
  let M = BigInt(p);
  while (M <= 2n * bound) M *= BigInt(p);
  const lifted = henselLift(f, factors, p, M);
  return recombine(f, lifted, M);
}

function choosePrime(f: ZPoly): { p: number; factors: PPoly[] } {
  let best: { p: number; factors: PPoly[] } | undefined;
  let good = 0;
  const n = f.length - 1;
  for (const p of PRIMES) {
    const fp = pfromZ(f, p);
    if (pdeg(fp) !== n) continue;
    if (pdeg(pgcd(fp, pderiv(fp, p), p)) !== 0) continue;
    const factors = factorModP(pmonic(fp, p), p, p);
    if (!best || factors.length < best.factors.length) best = { p, factors };
    if (best.factors.length === 1 || ++good >= PRIME_TRIALS) break;
  }
  if (!best) throw new Error('internal: no prime keeps the polynomial square-free');
  return best;
}

/** Symmetric residue in (−M/2, M/2]. */
function symmetric(a: ZPoly, M: bigint): ZPoly {
  const half = M / 2n;
  return a.map((c) => {
    const r = ((c % M) + M) % M;
    return r > half ? r - M : r;
  });
}

function mulMod(a: ZPoly, b: ZPoly, M: bigint): ZPoly {
  const r = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) r[i + j] += a[i]! * b[j]!;
  return r.map((c) => ((c % M) + M) % M);
}

function recombine(f: ZPoly, lifted: ZPoly[], M: bigint): ZPoly[] {
  const found: ZPoly[] = [];
  let rest = f;
  let pool = lifted;
  const budget = { left: MAX_SUBSETS };
  for (let s = 1; 2 * s <= pool.length; ) {
    const hit = searchSubsets(rest, pool, s, M, budget);
    if (!hit) {
      s++;
      continue;
    }
    found.push(hit.factor);
    rest = hit.cofactor;
    pool = pool.filter((_, i) => !hit.used.includes(i));
  }
  found.push(zprimitive(rest));
  return found;
}

/** First subset of `size` lifted factors whose product (times lc) gives a true factor of f. */
function searchSubsets(
  f: ZPoly,
  pool: ZPoly[],
  size: number,
  M: bigint,
  budget: { left: number },
): { factor: ZPoly; cofactor: ZPoly; used: number[] } | undefined {
  const lc = zlc(f);
  const target = lc * f[0]!;
  const lcf = f.map((c) => c * lc);
  const idx = Array.from({ length: size }, (_, i) => i);
  for (;;) {
    if (--budget.left < 0) {
      throw new FactorLimitError(
        `factorisation of a degree-${f.length - 1} polynomial stopped: ${pool.length} modular factors need more than ${MAX_SUBSETS} recombination trials`,
      );
    }
    // Constant-coefficient test: lc·∏u_i(0) must divide lc·f(0).
    let c0 = lc;
    for (const i of idx) c0 = (c0 * pool[i]![0]!) % M;
    const half = M / 2n;
    c0 = ((c0 % M) + M) % M;
    if (c0 > half) c0 -= M;
    if (c0 !== 0n && target % c0 === 0n) {
      let g: ZPoly = [lc];
      for (const i of idx) g = mulMod(g, pool[i]!, M);
      g = symmetric(g, M);
      if (zdivExact(lcf, g)) {
        const factor = zprimitive(g);
        const cofactor = zdivExact(f, factor);
        if (cofactor) return { factor, cofactor, used: idx.slice() };
      }
    }
    // Next combination in lexicographic order.
    let k = size - 1;
    while (k >= 0 && idx[k] === pool.length - size + k) k--;
    if (k < 0) return undefined;
    idx[k]!++;
    for (let j = k + 1; j < size; j++) idx[j] = idx[j - 1]! + 1;
  }
}

function smallOddPrimes(limit: number): number[] {
  const sieve = new Uint8Array(limit + 1);
  const out: number[] = [];
  for (let i = 2; i <= limit; i++) {
    if (sieve[i]) continue;
    if (i > 2) out.push(i);
    for (let j = i * i; j <= limit; j += i) sieve[j] = 1;
  }
  return out;
}
