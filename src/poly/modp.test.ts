import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type PPoly, pmul, pmonic, pgcd, pderiv, ppowmod, psub, pdeg, pfromZ, pxgcd, padd, pmod } from './modp.js';
import { factorModP } from './cantor-zassenhaus.js';
import { henselLift } from './hensel.js';
import { zmul } from './zpoly.js';

const PRIMES = [3, 5, 7, 11, 13, 101, 65521];

/** Rabin (1980) irreducibility test: x^{p^d} ≡ x mod g and gcd(x^{p^{d/q}} − x, g) = 1 for primes q | d. */
function rabinIrreducible(g: PPoly, p: number): boolean {
  const d = pdeg(g);
  const x = pmod([0, 1], g, p);
  const xpow = (k: number): PPoly => ppowmod([0, 1], BigInt(p) ** BigInt(k), g, p);
  if (psub(xpow(d), x, p).length !== 0) return false;
  const isPrime = (q: number): boolean => q > 1 && [...Array(q).keys()].slice(2).every((i) => q % i !== 0);
  for (let q = 2; q <= d; q++) {
    if (d % q === 0 && isPrime(q) && pdeg(pgcd(psub(xpow(d / q), x, p), g, p)) !== 0) return false;
  }
  return true;
}

const arbModP = fc.constantFrom(...PRIMES).chain((p) =>
  fc
    .array(fc.integer({ min: 0, max: p - 1 }), { minLength: 2, maxLength: 13 })
    .map((cs) => ({ p, f: pmonic([...cs.slice(0, -1), 1], p) })),
);

describe('arithmetic and factorisation over F_p', () => {
  it('extended Euclid gives s·a + t·b = gcd', () => {
    fc.assert(
      fc.property(arbModP, arbModP, ({ p, f }, { f: g0 }) => {
        const g = g0.map((c) => c % p);
        const { g: d, s, t } = pxgcd(f, g, p);
        expect(padd(pmul(s, f, p), pmul(t, g, p), p)).toEqual(d);
      }),
    );
  });
  it('Cantor–Zassenhaus factors of a square-free polynomial are irreducible (Rabin) and multiply back', () => {
    fc.assert(
      fc.property(arbModP, ({ p, f }) => {
        fc.pre(pdeg(pgcd(f, pderiv(f, p), p)) === 0);
        const fs = factorModP(f, p);
        expect(fs.reduce((a, b) => pmul(a, b, p), [1])).toEqual(f);
        for (const g of fs) expect(rabinIrreducible(g, p)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Hensel lifting', () => {
  it('lifted factors reduce to the modular ones and multiply to f modulo p^k', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -1000n, max: 1000n }), { minLength: 3, maxLength: 10 }),
        fc.bigInt({ min: 1n, max: 50n }),
        fc.integer({ min: 1, max: 12 }),
        (cs, lc, k) => {
          const f = [...cs, lc];
          const p = 101;
          const fp = pfromZ(f, p);
          fc.pre(pdeg(fp) === f.length - 1 && pdeg(pgcd(fp, pderiv(fp, p), p)) === 0);
          const us = factorModP(pmonic(fp, p), p);
          const M = BigInt(p) ** BigInt(k);
          const lifted = henselLift(f, us, p, M);
          lifted.forEach((u, i) => expect(pfromZ(u, p)).toEqual(us[i]));
          const prod = lifted.reduce((a, b) => zmul(a, b), [lc]);
          prod.forEach((c, i) => expect((((c - f[i]!) % M) + M) % M).toBe(0n));
        },
      ),
      { numRuns: 200 },
    );
  });
});
