/**
 * Factorisation of square-free monic polynomials over F_p (p odd): distinct-degree factorisation
 * followed by the equal-degree splitting of D. G. Cantor & H. Zassenhaus (1981), "A new algorithm
 * for factoring polynomials over finite fields", Math. Comp. 36. Randomness comes from a seeded
 * generator so results are reproducible.
 */
import { type PPoly, pdeg, pdivmod, pgcd, pmonic, ppowmod, psub, pmod } from './modp.js';

/** Pairs [g, d]: g is the product of all monic irreducible factors of f of degree d. */
export function distinctDegree(f: PPoly, p: number): [PPoly, number][] {
  const out: [PPoly, number][] = [];
  const x: PPoly = [0, 1];
  let rest = pmonic(f, p);
  let h: PPoly = pmod(x, rest, p);
  for (let d = 1; 2 * d <= pdeg(rest); d++) {
    h = ppowmod(h, BigInt(p), rest, p);
    const g = pgcd(psub(h, x, p), rest, p);
    if (pdeg(g) > 0) {
      out.push([g, d]);
      rest = pdivmod(rest, g, p).q;
      h = pmod(h, rest, p);
    }
  }
  if (pdeg(rest) > 0) out.push([rest, pdeg(rest)]);
  return out;
}

/** Split g (monic, a product of distinct irreducibles all of degree d) into its irreducible factors. */
export function equalDegree(g: PPoly, d: number, p: number, rng: () => number): PPoly[] {
  const n = pdeg(g);
  if (n === d) return [g];
  const e = (BigInt(p) ** BigInt(d) - 1n) / 2n;
  for (;;) {
    const a: PPoly = [];
    for (let i = 0; i < n; i++) a.push(Math.floor(rng() * p));
    while (a.length > 0 && a[a.length - 1] === 0) a.pop();
    if (pdeg(a) < 1) continue;
    let b = pgcd(a, g, p);
    if (pdeg(b) === 0) b = pgcd(psub(ppowmod(a, e, g, p), [1], p), g, p);
    if (pdeg(b) > 0 && pdeg(b) < n) {
      return [...equalDegree(b, d, p, rng), ...equalDegree(pdivmod(g, b, p).q, d, p, rng)];
    }
  }
}

/** All monic irreducible factors of a square-free polynomial f over F_p (p odd). */
export function factorModP(f: PPoly, p: number, seed = 1): PPoly[] {
  const rng = xorshift(seed);
  return distinctDegree(f, p).flatMap(([g, d]) => equalDegree(g, d, p, rng));
}

/** Marsaglia (2003), "Xorshift RNGs", J. Stat. Software 8: 32-bit xorshift, values in [0, 1). */
export function xorshift(seed: number): () => number {
  let s = (seed | 0) || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
