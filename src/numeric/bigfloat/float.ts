/**
 * BigFloat: an immutable arbitrary-precision binary floating-point number m · 2^e with a BigInt
 * mantissa m (kept odd, or 0) and a safe-integer exponent e. Values are exact; an operation rounds
 * only when it is given a precision (bits, or a `{ prec }` context), always to nearest with ties
 * to even. add/sub/mul without a precision are exact; div and sqrt are correctly rounded.
 */
import { bitLength, isqrt, shiftRoundEven, trailingZeros } from './bits.js';
import { formatDecimal, formatFixed, parseDecimal, toDecimalDigits } from './decimal.js';
import { BigFloatDomainError, BigFloatRangeError } from './errors.js';
import { precOf, type Precision } from './precision.js';

const LOG10_2 = Math.log10(2);
const F64 = new DataView(new ArrayBuffer(8));

function checkExp(e: number): number {
  if (!Number.isSafeInteger(e)) throw new BigFloatRangeError('binary exponent overflow: result too large or too small');
  return e;
}

export class BigFloat {
  /** Mantissa: odd, or 0 for the number zero. */
  readonly man: bigint;
  /** Binary exponent: the value is man · 2^exp (exp = 0 for zero). */
  readonly exp: number;

  private constructor(man: bigint, exp: number) {
    this.man = man;
    this.exp = exp;
  }

  static readonly ZERO = new BigFloat(0n, 0);
  static readonly ONE = new BigFloat(1n, 0);

  /** The exact value man · 2^exp. */
  static of(man: bigint, exp = 0): BigFloat {
    if (man === 0n) return BigFloat.ZERO;
    const tz = trailingZeros(man);
    return new BigFloat(tz > 0 ? man >> BigInt(tz) : man, checkExp(exp + tz));
  }

  /** The exact value 2^k. */
  static pow2(k: number): BigFloat {
    return new BigFloat(1n, checkExp(k));
  }

  static fromBigInt(n: bigint): BigFloat {
    return BigFloat.of(n, 0);
  }

  /** The exact value of a finite double. */
  static fromNumber(x: number): BigFloat {
    if (!Number.isFinite(x)) throw new BigFloatDomainError(`cannot make a BigFloat from ${x}`);
    if (x === 0) return BigFloat.ZERO;
    F64.setFloat64(0, x);
    const hi = F64.getUint32(0);
    const lo = F64.getUint32(4);
    const e = (hi >>> 20) & 0x7ff;
    let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let exp = -1074;
    if (e !== 0) {
      m |= 1n << 52n;
      exp = e - 1075;
    }
    return BigFloat.of(hi >>> 31 ? -m : m, exp);
  }

  /** num/den correctly rounded to `p` bits. */
  static fromRational(num: bigint, den: bigint, p: Precision): BigFloat {
    const prec = precOf(p);
    if (den === 0n) throw new BigFloatDomainError('fromRational: denominator is zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    if (num === 0n) return BigFloat.ZERO;
    return divRaw(num, 0, den, 0, prec);
  }

  /** Decimal text ("1.2345e-30", "-17", ".5") correctly rounded to `p` bits. */
  static fromString(text: string, p: Precision): BigFloat {
    const { num, den } = parseDecimal(text);
    return BigFloat.fromRational(num, den, p);
  }

  isZero(): boolean {
    return this.man === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.man > 0n ? 1 : this.man < 0n ? -1 : 0;
  }

  isInteger(): boolean {
    return this.exp >= 0;
  }

  /** The magnitude exponent E with 2^(E-1) ≤ |x| < 2^E (−Infinity for zero). */
  expo(): number {
    return this.man === 0n ? -Infinity : bitLength(this.man) + this.exp;
  }

  /** Number of significant bits of the mantissa. */
  precision(): number {
    return bitLength(this.man);
  }

  neg(): BigFloat {
    return this.man === 0n ? this : new BigFloat(-this.man, this.exp);
  }

  abs(): BigFloat {
    return this.man < 0n ? new BigFloat(-this.man, this.exp) : this;
  }

  /** x · 2^k, exact. */
  mulPow2(k: number): BigFloat {
    return this.man === 0n ? this : new BigFloat(this.man, checkExp(this.exp + k));
  }

  /** −1, 0 or 1 as this is less than, equal to or greater than b. */
  cmp(b: BigFloat): -1 | 0 | 1 {
    const sa = this.sign();
    const sb = b.sign();
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (sa === 0) return 0;
    const ea = this.expo();
    const eb = b.expo();
    if (ea !== eb) return (ea < eb) === sa > 0 ? -1 : 1;
    const e = Math.min(this.exp, b.exp);
    const ma = this.man << BigInt(this.exp - e);
    const mb = b.man << BigInt(b.exp - e);
    return ma < mb ? -1 : ma > mb ? 1 : 0;
  }

  eq(b: BigFloat): boolean {
    return this.man === b.man && this.exp === b.exp;
  }

  /** Round to `p` significant bits (nearest, ties to even). */
  round(p: Precision): BigFloat {
    return roundRaw(this.man, this.exp, precOf(p));
  }

  add(b: BigFloat, p?: Precision): BigFloat {
    if (b.man === 0n) return p === undefined ? this : this.round(p);
    if (this.man === 0n) return p === undefined ? b : b.round(p);
    if (p !== undefined) {
      // Far-apart operands: the small one acts only as a sticky bit (see addTiny).
      const prec = precOf(p);
      const ea = this.expo();
      const eb = b.expo();
      const r =
        ea - eb > prec + 3
          ? addTiny(this, b.sign(), eb, prec)
          : eb - ea > prec + 3
            ? addTiny(b, this.sign(), ea, prec)
            : null;
      if (r !== null) return r;
    }
    const e = Math.min(this.exp, b.exp);
    const m = (this.man << BigInt(this.exp - e)) + (b.man << BigInt(b.exp - e));
    return p === undefined ? BigFloat.of(m, e) : roundRaw(m, e, precOf(p));
  }

  sub(b: BigFloat, p?: Precision): BigFloat {
    return this.add(b.neg(), p);
  }

  mul(b: BigFloat, p?: Precision): BigFloat {
    const m = this.man * b.man;
    const e = checkExp(this.exp + b.exp);
    return p === undefined ? BigFloat.of(m, e) : roundRaw(m, e, precOf(p));
  }

  /** this / b correctly rounded to `p` bits. */
  div(b: BigFloat, p: Precision): BigFloat {
    const prec = precOf(p);
    if (b.man === 0n) throw new BigFloatDomainError('division by zero');
    if (this.man === 0n) return BigFloat.ZERO;
    return divRaw(this.man, this.exp, b.man, b.exp, prec);
  }

  /** Square root correctly rounded to `p` bits; throws for negative numbers. */
  sqrt(p: Precision): BigFloat {
    const prec = precOf(p);
    if (this.man < 0n) throw new BigFloatDomainError(`sqrt of a negative number (${this.toString(20)})`);
    if (this.man === 0n) return BigFloat.ZERO;
    let m = this.man;
    let e = this.exp;
    let t = Math.max(0, 2 * prec + 4 - bitLength(m));
    if ((e - t) % 2 !== 0) t++;
    m <<= BigInt(t);
    e -= t;
    const r = isqrt(m);
    return roundRaw(r, e / 2, prec, r * r !== m);
  }

  /** The nearest double (ties to even), ±Infinity on overflow, subnormals handled. */
  toNumber(): number {
    if (this.man === 0n) return 0;
    const E = this.expo();
    if (E > 1025) return this.man > 0n ? Infinity : -Infinity;
    if (E < -1080) return this.man > 0n ? 0 : -0;
    const ulpExp = Math.max(E - 53, -1074);
    const q = shiftRoundEven(this.man, ulpExp - this.exp);
    const r = Number(q) * 2 ** ulpExp;
    return r === 0 && this.man < 0n ? -0 : r;
  }

  /**
   * Decimal text. With `digits`, exactly that many significant digits, correctly rounded, in the
   * style of Number.prototype.toPrecision (exponential form for very large or small values).
   * Without, enough digits to identify this value at its own precision, trailing zeros removed.
   */
  toString(digits?: number): string {
    if (digits !== undefined && (!Number.isInteger(digits) || digits < 1 || digits > 10_000_000)) {
      throw new BigFloatRangeError(`toString needs a positive integer number of digits, got ${digits}`);
    }
    if (this.man === 0n) {
      return digits === undefined || digits === 1 ? '0' : '0.' + '0'.repeat(digits - 1);
    }
    const d = digits ?? Math.ceil(bitLength(this.man) * LOG10_2) + 1;
    return formatDecimal(toDecimalDigits(this.man, this.exp, d), digits === undefined);
  }

  /** Text with `places` digits after the decimal point, correctly rounded (ties to even). */
  toFixed(places: number): string {
    return formatFixed(this.man, this.exp, places);
  }

  /** Exponential-form text d.ddd…e±X with `digits` significant digits. */
  toExponential(digits: number): string {
    if (this.man === 0n) return this.toString(digits) + 'e+0';
    const d = toDecimalDigits(this.man, this.exp, digits);
    const frac = d.digits.slice(1);
    return `${d.neg ? '-' : ''}${d.digits[0]}${frac ? '.' + frac : ''}e${d.exp10 >= 0 ? '+' : '-'}${Math.abs(d.exp10)}`;
  }
}

/** Round m · 2^e to prec bits (nearest even); `sticky` marks discarded nonzero bits below m. */
function roundRaw(m: bigint, e: number, prec: number, sticky = false): BigFloat {
  if (m === 0n) return BigFloat.ZERO;
  const bl = bitLength(m);
  if (bl <= prec) return BigFloat.of(m, e);
  const s = bl - prec;
  return BigFloat.of(shiftRoundEven(m, s, sticky), e + s);
}

/**
 * big + t rounded to prec bits, where t ≠ 0 has sign `sgn` and |t| < 2^tExpo. Every rounding
 * boundary near big and big itself are multiples of 2^u, u = min(big.exp, expo(big) − prec − 2);
 * when |t| < 2^u the sum rounds exactly as big ± 2^(u−1) does. Returns null when that fails.
 */
function addTiny(big: BigFloat, sgn: number, tExpo: number, prec: number): BigFloat | null {
  const u = Math.min(big.exp, big.expo() - prec - 2);
  if (tExpo > u) return null;
  const sh = big.exp - u + 1;
  return roundRaw((big.man << BigInt(sh)) + BigInt(sgn), u - 1, prec);
}

/** (ma·2^ea) / (mb·2^eb) correctly rounded to prec bits, via an integer quotient with a sticky bit. */
function divRaw(ma: bigint, ea: number, mb: bigint, eb: number, prec: number): BigFloat {
  const neg = ma < 0n !== mb < 0n;
  const a = ma < 0n ? -ma : ma;
  const b = mb < 0n ? -mb : mb;
  const s = Math.max(0, prec + 3 + bitLength(b) - bitLength(a));
  const n = a << BigInt(s);
  const q = n / b;
  const sticky = q * b !== n;
  const r = roundRaw(q, ea - eb - s, prec, sticky);
  return neg ? r.neg() : r;
}
