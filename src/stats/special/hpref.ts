/**
 * A small arbitrary-precision binary floating-point type over BigInt, used by Lousa's tests
 * as an independent high-precision reference for the double-precision special functions.
 * Values are m * 2^e with |m| kept to PREC bits (about 77 decimal digits).
 * It is deliberately simple: correctness over speed, no special values (no NaN, no Infinity).
 */

export const PREC = 256;

function bitLen(m: bigint): number {
  if (m < 0n) m = -m;
  if (m === 0n) return 0;
  const hex = m.toString(16);
  return (hex.length - 1) * 4 + Math.floor(Math.log2(parseInt(hex[0], 16))) + 1;
}

export class HP {
  readonly m: bigint;
  readonly e: number;
  constructor(m: bigint, e: number) {
    const bl = bitLen(m);
    if (bl > PREC) {
      const s = bl - PREC;
      const half = 1n << BigInt(s - 1);
      const neg = m < 0n;
      const a = neg ? -m : m;
      let q = (a + half) >> BigInt(s);
      q = neg ? -q : q;
      this.m = q;
      this.e = e + s;
    } else {
      this.m = m;
      this.e = m === 0n ? 0 : e;
    }
  }

  static from(x: number | bigint): HP {
    if (typeof x === 'bigint') return new HP(x, 0);
    if (!Number.isFinite(x)) throw new RangeError('HP cannot hold ' + x);
    if (x === 0) return new HP(0n, 0);
    let e = 0;
    while (!Number.isInteger(x)) {
      x *= 2;
      e--;
    }
    return new HP(BigInt(x), e);
  }

  /** Exact rational p/q rounded to PREC bits. */
  static ratio(p: bigint, q: bigint): HP {
    return HP.from(p).div(HP.from(q));
  }

  isZero(): boolean {
    return this.m === 0n;
  }
  sign(): number {
    return this.m > 0n ? 1 : this.m < 0n ? -1 : 0;
  }
  neg(): HP {
    return new HP(-this.m, this.e);
  }
  abs(): HP {
    return this.m < 0n ? this.neg() : this;
  }

  add(o: HP | number): HP {
    const b = typeof o === 'number' ? HP.from(o) : o;
    if (b.m === 0n) return this;
    if (this.m === 0n) return b;
    // Drop a far smaller operand entirely (it cannot affect PREC bits); keeps shifts bounded.
    const hiA = this.e + bitLen(this.m);
    const hiB = b.e + bitLen(b.m);
    if (hiA - hiB > PREC + 4) return this;
    if (hiB - hiA > PREC + 4) return b;
    if (this.e <= b.e) return new HP(this.m + (b.m << BigInt(b.e - this.e)), this.e);
    return new HP((this.m << BigInt(this.e - b.e)) + b.m, b.e);
  }
  sub(o: HP | number): HP {
    const b = typeof o === 'number' ? HP.from(o) : o;
    return this.add(b.neg());
  }
  mul(o: HP | number): HP {
    const b = typeof o === 'number' ? HP.from(o) : o;
    return new HP(this.m * b.m, this.e + b.e);
  }
  div(o: HP | number): HP {
    const b = typeof o === 'number' ? HP.from(o) : o;
    if (b.m === 0n) throw new RangeError('HP division by zero');
    const shift = PREC + 8 + bitLen(b.m) - bitLen(this.m);
    const s = Math.max(shift, 0);
    return new HP((this.m << BigInt(s)) / b.m, this.e - s - b.e);
  }
  /** Multiply by 2^k exactly. */
  ldexp(k: number): HP {
    return new HP(this.m, this.e + k);
  }
  cmp(o: HP | number): number {
    return this.sub(o).sign();
  }

  /** Correctly rounded (up to a sticky-bit subtlety in the subnormal range) conversion to double. */
  toNumber(): number {
    if (this.m === 0n) return 0;
    const neg = this.m < 0n;
    let a = neg ? -this.m : this.m;
    let e = this.e;
    const bl = bitLen(a);
    if (bl > 62) {
      const s = bl - 62;
      const rest = a & ((1n << BigInt(s)) - 1n);
      a = (a >> BigInt(s)) | (rest !== 0n ? 1n : 0n);
      e += s;
    }
    let v = Number(a);
    while (e > 0) {
      const k = Math.min(e, 1000);
      v *= 2 ** k;
      e -= k;
    }
    while (e < 0) {
      const k = Math.max(e, -1000);
      // keep the value normal as long as possible to avoid double rounding
      v *= 2 ** k;
      e -= k;
    }
    return neg ? -v : v;
  }

  toString(): string {
    return this.toNumber().toString();
  }
}

// ---- constants -------------------------------------------------------------------------

function atanhInv(n: number): HP {
  // atanh(1/n) = sum 1/((2k+1) n^(2k+1))
  let term = HP.ratio(1n, BigInt(n));
  const n2 = HP.from(n * n);
  let sum = term;
  for (let k = 1; ; k++) {
    term = term.div(n2);
    const t = term.div(2 * k + 1);
    if (t.isZero() || t.e + bitLen(t.m) < sum.e + bitLen(sum.m) - PREC - 4) break;
    sum = sum.add(t);
  }
  return sum;
}

function atanInv(n: number): HP {
  let term = HP.ratio(1n, BigInt(n));
  const n2 = HP.from(n * n);
  let sum = term;
  for (let k = 1; ; k++) {
    term = term.div(n2);
    const t = term.div(2 * k + 1);
    if (t.isZero() || t.e + bitLen(t.m) < sum.e + bitLen(sum.m) - PREC - 4) break;
    sum = k % 2 === 1 ? sum.sub(t) : sum.add(t);
  }
  return sum;
}

export const LN2 = atanhInv(3).ldexp(1);
/** Machin's formula pi = 16 atan(1/5) - 4 atan(1/239). */
export const PI = atanInv(5).mul(16).sub(atanInv(239).mul(4));

// ---- elementary functions ------------------------------------------------------------

export function exp(x: HP): HP {
  if (x.isZero()) return HP.from(1);
  const k = Math.round(x.div(LN2).toNumber());
  const r = x.sub(LN2.mul(k)).ldexp(-20);
  let term = HP.from(1);
  let sum = HP.from(1);
  for (let n = 1; n < 200; n++) {
    term = term.mul(r).div(n);
    if (term.isZero() || term.e + bitLen(term.m) < -PREC - 8) break;
    sum = sum.add(term);
  }
  for (let i = 0; i < 20; i++) sum = sum.mul(sum);
  return sum.ldexp(k);
}

export function log(x: HP): HP {
  if (x.sign() <= 0) throw new RangeError('HP log of non-positive value');
  const k = bitLen(x.m) + x.e - 1; // x = y 2^k, y in [1, 2)
  const y = x.ldexp(-k);
  const z = y.sub(1).div(y.add(1));
  const z2 = z.mul(z);
  let term = z;
  let sum = z;
  for (let n = 1; n < 2000; n++) {
    term = term.mul(z2);
    const t = term.div(2 * n + 1);
    if (t.isZero() || t.e + bitLen(t.m) < -PREC - 8) break;
    sum = sum.add(t);
  }
  return sum.ldexp(1).add(LN2.mul(k));
}

export function sqrt(x: HP): HP {
  if (x.sign() < 0) throw new RangeError('HP sqrt of negative value');
  if (x.isZero()) return x;
  let m = x.m;
  let e = x.e;
  const want = 2 * PREC + 4;
  const sh = want - bitLen(m);
  m <<= BigInt(sh);
  e -= sh;
  if (e % 2 !== 0) {
    m <<= 1n;
    e -= 1;
  }
  // integer Newton iteration for floor(sqrt(m))
  let r = 1n << BigInt(Math.ceil(bitLen(m) / 2));
  for (;;) {
    const nr = (r + m / r) >> 1n;
    if (nr >= r) break;
    r = nr;
  }
  return new HP(r, e / 2);
}

export function pow(x: HP, y: HP): HP {
  return exp(log(x).mul(y));
}

// ---- Bernoulli numbers and log-gamma -------------------------------------------------

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** B_0..B_n as exact rationals [num, den], by the Akiyama-Tanigawa algorithm. */
function bernoulli(n: number): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  const a: [bigint, bigint][] = [];
  for (let m = 0; m <= n; m++) {
    a[m] = [1n, BigInt(m + 1)];
    for (let j = m; j >= 1; j--) {
      const [p1, q1] = a[j - 1];
      const [p2, q2] = a[j];
      let num = BigInt(j) * (p1 * q2 - p2 * q1);
      let den = q1 * q2;
      const g = gcd(num, den);
      num /= g;
      den /= g;
      a[j - 1] = [num, den];
    }
    out.push(a[0]);
  }
  // Akiyama-Tanigawa gives B_1 = +1/2; only even indices are used here.
  return out;
}

const STIRLING_TERMS = 30;
const BERN = bernoulli(2 * STIRLING_TERMS);
const HALF_LOG_2PI = log(PI.ldexp(1)).ldexp(-1);

/** log Gamma(z) for real z > 0 to about 60 digits (Stirling series after shifting z >= 60). */
export function lgamma(z: HP): HP {
  if (z.sign() <= 0) throw new RangeError('HP lgamma needs z > 0');
  let prod = HP.from(1);
  let w = z;
  while (w.cmp(60) < 0) {
    prod = prod.mul(w);
    w = w.add(1);
  }
  let s = w.sub(0.5).mul(log(w)).sub(w).add(HALF_LOG_2PI);
  const w2 = w.mul(w);
  let wp = w;
  for (let k = 1; k <= STIRLING_TERMS; k++) {
    const [p, q] = BERN[2 * k];
    s = s.add(HP.ratio(p, q * BigInt(2 * k * (2 * k - 1))).div(wp));
    wp = wp.mul(w2);
  }
  return s.sub(log(prod));
}
