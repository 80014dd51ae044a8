/**
 * Small elementary helpers used throughout Lousa's special functions: sin(pi x) with exact
 * argument reduction, log(1+t) - t, and Loader's deviance term bd0.
 */

/** sin(pi x), exact at integers and accurate for large |x| (reduction mod 2 is exact). */
export function sinpi(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  let r = x % 2; // exact
  if (r <= -1) r += 2;
  else if (r > 1) r -= 2;
  // r in (-1, 1]
  if (r === 0 || r === 1) return 0 * Math.sign(x);
  if (r > 0.5) r = 1 - r;
  else if (r < -0.5) r = -1 - r;
  return Math.sin(Math.PI * r);
}

/** cos(pi x) with the same exact reduction. */
export function cospi(x: number): number {
  return sinpi(Math.abs(x) + 0.5);
}

/** log(1 + t) - t, accurate also for small |t| (power series for |t| < 0.25). */
export function log1pmx(t: number): number {
  if (Math.abs(t) >= 0.25) return Math.log1p(t) - t;
  // sum_{k>=2} (-1)^(k+1) t^k / k
  let term = t * t;
  let sum = -0.5 * term;
  for (let k = 3; k < 60; k++) {
    term *= -t;
    const add = -term / k;
    const next = sum + add;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}

/**
 * Deviance term bd0(x, m) = x log(x / m) + m - x >= 0, computed without cancellation when
 * x is near m. C. Loader (2000), "Fast and accurate computation of binomial probabilities".
 */
export function bd0(x: number, m: number): number {
  if (x === 0) return m;
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  // For m > x/2: x log(x/m) + m - x = -x log1pmx(u) with u = (m - x) / x, free of the
  // cancellation of two large terms; for m < x/2 the direct form has none to speak of.
  if (2 * m > x) return -x * log1pmx((m - x) / x);
  return x * Math.log(x / m) + m - x;
}
