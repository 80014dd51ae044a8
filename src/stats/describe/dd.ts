/**
 * Double-double arithmetic: a value is the unevaluated sum hi + lo of two doubles with |lo| <= ulp(hi)/2, about
 * 106 bits. Error-free transformations TwoSum (D. E. Knuth, 1969, TAOCP vol. 2) and TwoProduct by Veltkamp /
 * Dekker splitting (T. J. Dekker, 1971, "A floating-point technique for extending the available precision",
 * Numer. Math. 18); the operations follow Y. Hida, X. S. Li & D. H. Bailey (2001), "Algorithms for quad-double
 * precision floating point arithmetic" (the double-double subset). Used where sums of products cancel: central
 * moments, correlations and least squares.
 */

export type DD = [number, number];

const SPLIT = 134217729; // 2^27 + 1

/** Exact a * b = p + e. */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}

/** Exact a + b = s + e. */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}

function renorm(hi: number, lo: number): DD {
  const s = hi + lo;
  return [s, lo - (s - hi)];
}

export function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  let [hi, lo] = renorm(s, e + t);
  [hi, lo] = renorm(hi, lo + f);
  return [hi, lo];
}

export function ddNeg(a: DD): DD {
  return [-a[0], -a[1]];
}

export function ddSub(a: DD, b: DD): DD {
  return ddAdd(a, ddNeg(b));
}

export function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return renorm(p, e + (a[0] * b[1] + a[1] * b[0]));
}

export function ddMulD(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return renorm(p, e + a[1] * b);
}

export function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddSub(a, ddMulD(b, q1));
  const q2 = r[0] / b[0];
  r = ddSub(r, ddMulD(b, q2));
  const q3 = r[0] / b[0];
  return ddAdd(renorm(q1, q2), [q3, 0]);
}

export function ddSqrt(a: DD): DD {
  if (a[0] <= 0) return [0, 0];
  const x = Math.sqrt(a[0]);
  // one Newton step in double-double: x + (a - x^2) / (2x)
  const r = ddSub(a, twoProd(x, x));
  return renorm(x, r[0] / (2 * x));
}

/** A running double-double sum. */
export class DDAccumulator {
  hi = 0;
  lo = 0;
  add(v: number): void {
    const [s, e] = twoSum(this.hi, v);
    this.hi = s;
    this.lo += e;
  }
  addDD(v: DD): void {
    const [s, e] = twoSum(this.hi, v[0]);
    this.hi = s;
    this.lo += e + v[1];
  }
  /** Adds a * b exactly rounded into the accumulator. */
  addProd(a: number, b: number): void {
    this.addDD(twoProd(a, b));
  }
  value(): number {
    return this.hi + this.lo;
  }
  dd(): DD {
    return renorm(this.hi, this.lo);
  }
}
