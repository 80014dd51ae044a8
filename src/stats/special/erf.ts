/**
 * Error function family: erf, erfc and the scaled complement erfcx(x) = exp(x^2) erfc(x).
 *
 * Algorithm: W. J. Cody (1969), "Rational Chebyshev approximations for the error function",
 * Mathematics of Computation 23(107), 631-637, in the double-precision form of his CALERF
 * routine (1990). Three rational approximations cover |x| <= 0.46875, 0.46875 < |x| <= 4 and
 * |x| > 4. The factor exp(-x^2) is evaluated as exp(-h^2) exp(-(x-h)(x+h)) with h = x truncated
 * to 4 fractional bits, so that h^2 is exact and the far tail keeps full relative precision.
 */

const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131,
  881.95222124176909, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
];
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019,
  3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4, 0.0163153871373020978,
];
const Q = [2.56852019228982242, 1.87295284992346725, 0.527905102951428412, 0.0605183413124413191, 2.33520497626869185e-3];

const INV_SQRT_PI = 0.56418958354775628695;
const THRESH = 0.46875;

/** exp(-x*x) with full relative precision for large |x| (split x = h + l, h having 4 fractional bits). */
export function expNegSquare(x: number): number {
  const h = Math.trunc(x * 16) / 16;
  const del = (x - h) * (x + h);
  return Math.exp(-h * h) * Math.exp(-del);
}

/** exp(+x*x) with the same splitting as expNegSquare. */
export function expSquare(x: number): number {
  const h = Math.trunc(x * 16) / 16;
  const del = (x - h) * (x + h);
  return Math.exp(h * h) * Math.exp(del);
}

/** erf(x) / x rational for |x| <= 0.46875. */
function erfSmall(x: number): number {
  const ysq = x * x;
  let num = A[4] * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * ysq;
    den = (den + B[i]) * ysq;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** erfcx(y) for y > 0.46875 (Cody's second and third approximations, without the exp factor). */
function erfcxPositive(y: number): number {
  if (y <= 4) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    return (num + C[7]) / (den + D[7]);
  }
  const ysq = 1 / (y * y);
  let num = P[5] * ysq;
  let den = ysq;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * ysq;
    den = (den + Q[i]) * ysq;
  }
  const r = (ysq * (num + P[4])) / (den + Q[4]);
  return (INV_SQRT_PI - r) / y;
}

/** The error function erf(x) = 2/sqrt(pi) * integral_0^x exp(-t^2) dt. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= THRESH) return erfSmall(x);
  if (y >= 6) return x > 0 ? 1 : -1;
  const r = 0.5 - expNegSquare(y) * erfcxPositive(y) + 0.5;
  return x > 0 ? r : -r;
}

/** The complementary error function erfc(x) = 1 - erf(x), accurate in the far right tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= THRESH) return 1 - erfSmall(x);
  if (x > 0) {
    if (y >= 27.3) return 0; // below the smallest subnormal
    return expNegSquare(y) * erfcxPositive(y);
  }
  if (y >= 6) return 2;
  return 2 - expNegSquare(y) * erfcxPositive(y);
}

/** The scaled complementary error function erfcx(x) = exp(x^2) erfc(x). */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= THRESH) return expSquare(x) * (1 - erfSmall(x));
  if (x > 0) {
    if (y > 1e8) return INV_SQRT_PI / y; // asymptotic 1/(y sqrt(pi)), corrections below 1e-16
    return erfcxPositive(y);
  }
  if (y > 26.7) return Infinity;
  return 2 * expSquare(y) - erfcxPositive(y);
}
