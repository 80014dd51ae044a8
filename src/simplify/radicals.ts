/**
 * Exact arithmetic on radical constants: numbers built from rationals, `i`, sums, products, integer powers and
 * rational powers of rationals (√2, 3^(2/3), (−5)^(1/2)), and square roots that denest (√(3 + 2√2) = 1 + √2).
 *
 * Such a number is written as a sum of monomials c·∏ aⱼ^eⱼ with Gaussian-rational coefficients c, where the
 * atoms aⱼ > 1 are pairwise coprime integers that are not perfect powers and every exponent lies in (0, 1).
 * Radicals in that form are linearly independent over ℚ(i) (Besicovitch; Mordell for general exponents), so
 * the form is canonical: two such numbers are equal exactly when their forms are, and a number is zero exactly
 * when its form has no term. `√2·√3` and `√6`, `√8` and `2√2`, `(997³)^(1/6)` and `√997` share one form.
 */
import { type Expr, I, ONE, ZERO, add, children, mul, numOf, pow, withChildren } from '../ast/expr.js';
import { type Rational, ZERO as RZERO, ONE as RONE, bgcd, iroot, radd, rat, rmul, rneg, rsub, bitLength } from '../ast/rational.js';

/** A Gaussian rational re + im·i. */
type Gauss = readonly [re: Rational, im: Rational];
/** Atom → exponent in (0, 1). */
type Mono = ReadonlyMap<bigint, Rational>;
interface Term { readonly mono: Mono; readonly c: Gauss }
/** A radical constant: monomial key → term. */
type Rad = ReadonlyMap<string, Term>;

const MAX_TERMS = 256;
const MAX_ATOM_BITS = 4096;
const TRIAL_PRIMES_UP_TO = 1 << 15;

const gIsZero = (a: Gauss): boolean => a[0][0] === 0n && a[1][0] === 0n;
const gAdd = (a: Gauss, b: Gauss): Gauss => [radd(a[0], b[0]), radd(a[1], b[1])];
const gMul = (a: Gauss, b: Gauss): Gauss => [rsub(rmul(a[0], b[0]), rmul(a[1], b[1])), radd(rmul(a[0], b[1]), rmul(a[1], b[0]))];
const gReal = (r: Rational): Gauss => [r, RZERO];
const gConj = (a: Gauss): Gauss => [a[0], rneg(a[1])];
function gInv(a: Gauss): Gauss {
  const n = radd(rmul(a[0], a[0]), rmul(a[1], a[1]));
  const inv = rat(n[1], n[0]);
  return [rmul(a[0], inv), rneg(rmul(a[1], inv))];
}

/** Gives up on this number (too large, or outside the radical constants). */
class Outside extends Error {}

const keyOf = (m: Mono): string => [...m].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([a, e]) => `${a}^${e[0]}/${e[1]}`).join('*');

function single(mono: Mono, c: Gauss): Rad {
  return gIsZero(c) ? new Map() : new Map([[keyOf(mono), { mono, c }]]);
}

function addRad(a: Rad, b: Rad): Rad {
  const out = new Map(a);
  for (const [k, t] of b) {
    const prev = out.get(k);
    const c = prev === undefined ? t.c : gAdd(prev.c, t.c);
    if (gIsZero(c)) out.delete(k);
    else out.set(k, { mono: t.mono, c });
  }
  if (out.size > MAX_TERMS) throw new Outside();
  return out;
}

/** a^k for an integer atom and integer k, as a rational (bounded in size). */
function atomPower(a: bigint, k: bigint): Rational {
  if (k === 0n) return RONE;
  const m = k < 0n ? -k : k;
  if (BigInt(bitLength(a)) * m > BigInt(MAX_ATOM_BITS)) throw new Outside();
  const p = a ** m;
  return k < 0n ? rat(1n, p) : rat(p);
}

const floorDiv = (p: bigint, q: bigint): bigint => (p >= 0n ? p / q : -((-p + q - 1n) / q));

/** The product of two monomials, reduced: exponents in (0, 1), whole parts moved into the coefficient. */
function mulMono(a: Mono, b: Mono): [Mono, Rational] {
  const out = new Map(a);
  let coef: Rational = RONE;
  for (const [atom, e] of b) {
    const s = radd(out.get(atom) ?? RZERO, e);
    const whole = floorDiv(s[0], s[1]);
    const frac = rsub(s, rat(whole));
    coef = rmul(coef, atomPower(atom, whole));
    if (frac[0] === 0n) out.delete(atom);
    else out.set(atom, frac);
  }
  return [out, coef];
}

function mulRad(a: Rad, b: Rad): Rad {
  let out: Rad = new Map();
  if (a.size * b.size > MAX_TERMS * 4) throw new Outside();
  for (const s of a.values()) {
    for (const t of b.values()) {
      const [m, k] = mulMono(s.mono, t.mono);
      out = addRad(out, single(m, gMul(gMul(s.c, t.c), gReal(k))));
    }
  }
  return out;
}

const constant = (c: Gauss): Rad => single(new Map(), c);

let primes: number[] | undefined;
function smallPrimes(): number[] {
  if (primes) return primes;
  const sieve = new Uint8Array(TRIAL_PRIMES_UP_TO + 1);
  primes = [];
  for (let p = 2; p <= TRIAL_PRIMES_UP_TO; p++) {
    if (sieve[p]) continue;
    primes.push(p);
    for (let q = p * p; q <= TRIAL_PRIMES_UP_TO; q += p) sieve[q] = 1;
  }
  return primes;
}

/** n = ∏ base^power with small primes found by trial division; a large cofactor is split into a perfect power. */
function factorInteger(n: bigint): [bigint, bigint][] {
  if (bitLength(n) > MAX_ATOM_BITS) throw new Outside();
  const out: [bigint, bigint][] = [];
  let m = n;
  for (const p of smallPrimes()) {
    const P = BigInt(p);
    if (P * P > m) break;
    let k = 0n;
    while (m % P === 0n) {
      m /= P;
      k++;
    }
    if (k > 0n) out.push([P, k]);
  }
  if (m > 1n) out.push(perfectPower(m));
  return out;
}

/** m = b^k with k as large as possible. */
function perfectPower(m: bigint): [bigint, bigint] {
  const bits = bitLength(m);
  for (let k = bits; k >= 2; k--) {
    const r = iroot(m, BigInt(k));
    if (r !== undefined && r > 1n) {
      const [b, j] = perfectPower(r);
      return [b, j * BigInt(k)];
    }
  }
  return [m, 1n];
}

/** r^e for a rational r and a rational exponent e, as a radical constant (principal branch). */
function rationalPower(r: Rational, e: Rational): Rad {
  if (r[0] === 0n) {
    if (e[0] <= 0n) throw new Outside();
    return new Map();
  }
  let c: Gauss = gReal(RONE);
  if (r[0] < 0n) {
    // (−r)^(p/2) = r^(p/2)·i^p on the principal branch; other denominators leave ℚ(i).
    if (e[1] === 1n) c = gReal(e[0] % 2n === 0n ? RONE : rat(-1n));
    else if (e[1] === 2n) c = iPower(e[0]);
    else throw new Outside();
  }
  let mono = new Map<bigint, Rational>();
  const absNum = r[0] < 0n ? -r[0] : r[0];
  const pieces: [bigint, Rational][] = [
    ...factorInteger(absNum).map(([b, k]): [bigint, Rational] => [b, rmul(e, rat(k))]),
    ...factorInteger(r[1]).map(([b, k]): [bigint, Rational] => [b, rneg(rmul(e, rat(k)))]),
  ];
  let coef: Rational = RONE;
  for (const [b, x] of pieces) {
    const [m, k] = mulMono(mono, new Map([[b, x]]));
    mono = new Map(m);
    coef = rmul(coef, k);
  }
  return single(mono, gMul(c, gReal(coef)));
}

function iPower(k: bigint): Gauss {
  const m = ((k % 4n) + 4n) % 4n;
  return m === 0n ? gReal(RONE) : m === 1n ? [RZERO, RONE] : m === 2n ? gReal(rat(-1n)) : [RZERO, rat(-1n)];
}

function powRad(a: Rad, k: bigint): Rad {
  if (k < 0n) return powRad(invRad(a), -k);
  let out = constant(gReal(RONE));
  let sq = a;
  for (let m = k; m > 0n; m >>= 1n) {
    if (m & 1n) out = mulRad(out, sq);
    if (m > 1n) sq = mulRad(sq, sq);
  }
  return out;
}

/**
 * 1/a. A monomial inverts directly; a sum whose radicals are all square roots is multiplied by its conjugates
 * (√p ↦ −√p for each atom p, and i ↦ −i) until the denominator is rational.
 */
function invRad(a: Rad): Rad {
  if (a.size === 0) throw new Outside();
  if (a.size === 1) {
    const t = [...a.values()][0]!;
    let mono = new Map<bigint, Rational>();
    let coef: Rational = RONE;
    for (const [atom, e] of t.mono) {
      const [m, k] = mulMono(mono, new Map([[atom, rneg(e)]]));
      mono = new Map(m);
      coef = rmul(coef, k);
    }
    return single(mono, gMul(gInv(t.c), gReal(coef)));
  }
  let num: Rad = constant(gReal(RONE));
  let den = a;
  for (let guard = 0; guard < 16; guard++) {
    const atoms = new Set<bigint>();
    for (const t of den.values()) for (const [atom, e] of t.mono) {
      if (e[1] !== 2n) throw new Outside();
      atoms.add(atom);
    }
    const hasImaginary = [...den.values()].some((t) => t.c[1][0] !== 0n);
    if (atoms.size === 0 && !hasImaginary) break;
    const conj = atoms.size > 0 ? flipAtom(den, [...atoms][0]!) : conjugate(den);
    num = mulRad(num, conj);
    den = mulRad(den, conj);
    if (den.size === 1 && [...den.values()][0]!.mono.size === 0) break;
  }
  return mulRad(num, invRad(den.size === 1 ? den : (() => { throw new Outside(); })()));
}

function flipAtom(a: Rad, atom: bigint): Rad {
  const out = new Map<string, Term>();
  for (const [k, t] of a) out.set(k, t.mono.has(atom) ? { mono: t.mono, c: gMul(t.c, gReal(rat(-1n))) } : t);
  return out;
}
function conjugate(a: Rad): Rad {
  const out = new Map<string, Term>();
  for (const [k, t] of a) out.set(k, { mono: t.mono, c: gConj(t.c) });
  return out;
}

/** The radical constant e as a sum of canonical monomials, or undefined when e is not one. */
function toRad(e: Expr, memo: Map<Expr, Rad>): Rad {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  let r: Rad;
  switch (e.kind) {
    case 'num': r = constant(gReal(e.value)); break;
    case 'sym':
      if (e !== I) throw new Outside();
      r = constant([RZERO, RONE]);
      break;
    case 'add': r = e.args.reduce<Rad>((s, x) => addRad(s, toRad(x, memo)), new Map()); break;
    case 'mul': r = e.args.reduce<Rad>((s, x) => mulRad(s, toRad(x, memo)), constant(gReal(RONE))); break;
    case 'pow': {
      if (e.exp.kind !== 'num') throw new Outside();
      const x = e.exp.value;
      if (e.base.kind === 'num') r = rationalPower(e.base.value, x);
      else if (x[1] === 1n) {
        if (x[0] > 64n || x[0] < -64n) throw new Outside();
        r = powRad(toRad(e.base, memo), x[0]);
      } else if (x[1] === 2n) {
        const root = denestSqrt(toRad(e.base, memo));
        if (root === undefined) throw new Outside();
        r = powRad(root, x[0]);
      } else throw new Outside();
      break;
    }
    default: throw new Outside();
  }
  memo.set(e, r);
  return r;
}

/** Splits atoms that share a factor into a coprime base, so the form is canonical across a whole number. */
function coprimeBase(a: Rad): Rad {
  const atoms = new Set<bigint>();
  for (const t of a.values()) for (const atom of t.mono.keys()) atoms.add(atom);
  const list = [...atoms];
  let shared = false;
  for (let i = 0; i < list.length && !shared; i++) {
    for (let j = i + 1; j < list.length; j++) if (bgcd(list[i]!, list[j]!) !== 1n) { shared = true; break; }
  }
  if (!shared) return a;
  // Rebuild every monomial from its integer atoms: refine pairs by their gcd until coprime.
  let base = list;
  for (let changed = true; changed;) {
    changed = false;
    outer: for (let i = 0; i < base.length; i++) {
      for (let j = i + 1; j < base.length; j++) {
        const g = bgcd(base[i]!, base[j]!);
        if (g === 1n) continue;
        const rest = base.filter((_, k) => k !== i && k !== j);
        base = [...rest, g, base[i]! / g, base[j]! / g].filter((b) => b > 1n);
        base = [...new Set(base.map((b) => perfectPower(b)[0]))];
        changed = true;
        break outer;
      }
    }
  }
  let out: Rad = new Map();
  for (const t of a.values()) {
    let term = constant(t.c);
    for (const [atom, e] of t.mono) {
      let m = atom;
      const pieces = new Map<bigint, Rational>();
      for (const b of base) {
        let k = 0n;
        while (m % b === 0n) { m /= b; k++; }
        if (k > 0n) pieces.set(b, rmul(e, rat(k)));
      }
      let mono = new Map<bigint, Rational>();
      let coef: Rational = RONE;
      for (const [b, x] of pieces) {
        const [mm, k] = mulMono(mono, new Map([[b, x]]));
        mono = new Map(mm);
        coef = rmul(coef, k);
      }
      term = mulRad(term, single(mono, gReal(coef)));
    }
    out = addRad(out, term);
  }
  return out;
}

/** √(a + b√c) = √d + √f when a² − b²c is a rational square (real, positive radicand). */
function denestSqrt(x: Rad): Rad | undefined {
  const terms = [...x.values()];
  if (terms.some((t) => t.c[1][0] !== 0n)) return undefined;
  if (terms.length === 1 && terms[0]!.mono.size === 0) {
    const r = terms[0]!.c[0];
    return r[0] < 0n ? undefined : rationalPower(r, rat(1n, 2n));
  }
  if (terms.length === 1) {
    // √(c·∏aⱼ^eⱼ) = √c·∏aⱼ^(eⱼ/2) for a positive coefficient.
    const t = terms[0]!;
    if (t.c[0][0] < 0n) return undefined;
    let out = rationalPower(t.c[0], rat(1n, 2n));
    for (const [atom, e] of t.mono) out = mulRad(out, rationalPower(rat(atom), rmul(e, rat(1n, 2n))));
    return out;
  }
  if (terms.length !== 2) return undefined;
  const ratTerm = terms.find((t) => t.mono.size === 0);
  const radTerm = terms.find((t) => t.mono.size > 0);
  if (!ratTerm || !radTerm || [...radTerm.mono.values()].some((e) => e[1] !== 2n)) return undefined;
  const a = ratTerm.c[0];
  const b = radTerm.c[0];
  const c = [...radTerm.mono.keys()].reduce((p, q) => p * q, 1n);
  const disc = rsub(rmul(a, a), rmul(rmul(b, b), rat(c)));
  if (disc[0] < 0n || a[0] <= 0n) return undefined;
  const dn = iroot(disc[0], 2n);
  const dd = iroot(disc[1], 2n);
  if (dn === undefined || dd === undefined) return undefined;
  const d = rat(dn, dd);
  const half = rat(1n, 2n);
  const p = rmul(radd(a, d), half);
  const q = rmul(rsub(a, d), half);
  if (p[0] < 0n || q[0] < 0n) return undefined;
  const sp = rationalPower(p, half);
  const sq = rationalPower(q, half);
  // a > 0 and √(a² − b²c) < a, so the sign of the second root is the sign of b.
  return addRad(sp, b[0] < 0n ? mulRad(constant(gReal(rat(-1n))), sq) : sq);
}

function fromRad(a: Rad): Expr {
  const terms: Expr[] = [];
  for (const t of a.values()) {
    const byExp = new Map<string, [Rational, bigint]>();
    for (const [atom, e] of t.mono) {
      const k = `${e[0]}/${e[1]}`;
      const prev = byExp.get(k);
      byExp.set(k, [e, (prev?.[1] ?? 1n) * atom]);
    }
    const radical = mul(...[...byExp.values()].map(([e, b]) => pow(numOf(rat(b)), numOf(e))));
    const c = add(numOf(t.c[0]), mul(numOf(t.c[1]), I));
    terms.push(mul(c, radical));
  }
  return terms.length === 0 ? ZERO : add(...terms);
}

/** The canonical form of a radical constant, or undefined when e is not one (or is too large to handle). */
export function canonicalRadical(e: Expr): Expr | undefined {
  const r = radicalForm(e);
  return r === undefined ? undefined : fromRad(r);
}

/** true / false when e is a radical constant that is / is not zero; undefined when e is not one. */
export function radicalIsZero(e: Expr): boolean | undefined {
  const r = radicalForm(e);
  return r === undefined ? undefined : r.size === 0;
}

function radicalForm(e: Expr): Rad | undefined {
  if (e === ZERO || e === ONE) return e === ZERO ? new Map() : constant(gReal(RONE));
  try {
    return coprimeBase(toRad(e, new Map()));
  } catch (err) {
    if (err instanceof Outside || err instanceof RangeError) return undefined;
    throw err;
  }
}

/** e with every radical constant inside it in canonical form (√8 x + √2 x → 3√2 x after collection). */
export function canonicalRadicalsIn(e: Expr): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out = x;
    if (x.kind === 'pow' || x.kind === 'add' || x.kind === 'mul') {
      const c = hasRoot(x) ? canonicalRadical(x) : undefined;
      out = c ?? withChildren(x, children(x).map(go));
    } else if (x.kind === 'call') out = withChildren(x, x.args.map(go));
    memo.set(x, out);
    return out;
  };
  return go(e);
}

/** Does e hold a fractional power of a number (the only thing canonical forms change)? */
function hasRoot(e: Expr): boolean {
  if (e.kind === 'pow') return (e.base.kind === 'num' && e.exp.kind === 'num' && e.exp.value[1] !== 1n) || hasRoot(e.base);
  if (e.kind === 'add' || e.kind === 'mul') return e.args.some(hasRoot);
  return false;
}
