/**
 * Zero recognition: the one function the CAS asks "is this expression zero?" (rank, det, elimination,
 * simplify, verification). It never answers "zero" from a comparison that scale can fool.
 *
 * 1. Exact where it can be: the literal 0; radical constants through their canonical form (radicals.ts), so
 *    48√2√3 − 48√6 and √997 − (997³)^(1/6) are zero and √2 + √3 − √10 is not; rational functions of the symbols
 *    through `cancel`.
 * 2. Otherwise numeric, in arbitrary precision. A value that is really zero is computed as rounding noise that
 *    shrinks as the working precision grows; a value that is not zero keeps its leading digits. Each point is
 *    evaluated at p, 2p and (when it shrinks) 4p bits, with p large enough for every rational in the expression
 *    (so 1 + 10^-300 − 1 is seen). An expression with free symbols is evaluated at several points of different
 *    scales drawn from the assumptions (x > 0 draws positive values): one clearly nonzero value proves "not
 *    identically zero"; zero at every point is "zero" by the identity test, reported as numeric.
 */
import { type Expr, ZERO, isNum, numOf, sym } from '../ast/expr.js';
import { bitLength, rat } from '../ast/rational.js';
import { nodes, substitute } from '../ast/walk.js';
import { lookupFunction, CONSTANTS } from '../ast/ops.js';
import { bigValue } from '../eval/n-big.js';
import { freeSymbols } from '../eval/n.js';
import { type BigFloat } from '../numeric/bigfloat/index.js';
import { Assumptions } from './assume.js';
import { cancel } from './rational.js';
import { radicalIsZero } from './radicals.js';

export type ZeroVerdict = 'zero' | 'nonzero' | 'unknown';

export interface ZeroTest {
  readonly verdict: ZeroVerdict;
  /** How the verdict was reached: exactly, or by high-precision evaluation (at `points` points). */
  readonly how: 'exact' | 'numeric';
  readonly points?: number;
}

export interface ZeroOptions {
  readonly assumptions?: Assumptions;
  /** Number of sample points for expressions with free symbols (default 6). */
  readonly points?: number;
}

const MAX_BITS = 40_000;

/** Is e zero? Exact where it can be, high-precision numeric otherwise; "unknown" rather than a guess. */
export function zeroTest(e: Expr, opts: ZeroOptions = {}): ZeroTest {
  if (e === ZERO) return { verdict: 'zero', how: 'exact' };
  if (isNum(e)) return { verdict: 'nonzero', how: 'exact' };
  if (e.kind === 'float') return { verdict: e.value === 0 ? 'zero' : 'nonzero', how: 'exact' };
  if (e.kind === 'list' || e.kind === 'rel' || e.kind === 'define') return { verdict: 'unknown', how: 'exact' };
  const radical = radicalIsZero(e);
  if (radical !== undefined) return { verdict: radical ? 'zero' : 'nonzero', how: 'exact' };
  const vars = freeSymbols(e);
  if (vars.length > 0) {
    const c = tryCancel(e);
    if (c === ZERO) return { verdict: 'zero', how: 'exact' };
    if (c !== undefined && isNum(c)) return { verdict: 'nonzero', how: 'exact' };
  }
  if (vars.length === 0) {
    const v = constantVerdict(e);
    return { verdict: v ?? 'unknown', how: 'numeric', points: 1 };
  }
  return identityTest(e, vars, opts);
}

/** True only when e is shown to be zero (exactly, or numerically as above). */
export const isZero = (e: Expr, opts?: ZeroOptions): boolean => zeroTest(e, opts).verdict === 'zero';

/** True only when e is shown not to be (identically) zero. */
export const isNonZero = (e: Expr, opts?: ZeroOptions): boolean => zeroTest(e, opts).verdict === 'nonzero';

function tryCancel(e: Expr): Expr | undefined {
  try {
    return cancel(e);
  } catch {
    return undefined;
  }
}

/** Working precision: room for every rational in e, beyond double-precision habits. */
function startBits(e: Expr): number {
  let most = 0;
  for (const x of nodes(e)) {
    if (x.kind === 'num') most = Math.max(most, bitLength(x.value[0]), bitLength(x.value[1]));
    if (x.kind === 'float') most = Math.max(most, 64 + 4 * (x.decimal?.length ?? 17));
  }
  return Math.min(MAX_BITS, 160 + 2 * most);
}

function big(e: Expr, bits: number): BigFloat | undefined {
  try {
    return bigValue(e, bits, new Map());
  } catch {
    return undefined; // outside the domain, a pole, or beyond what the evaluator knows
  }
}

/** How many leading bits a and b share (large when they agree). */
function agreement(a: BigFloat, b: BigFloat): number {
  const d = a.sub(b);
  if (d.isZero()) return Infinity;
  return Math.max(a.expo(), b.expo()) - d.expo();
}

/**
 * The verdict for a closed expression. A first evaluation gives the scale S of its largest intermediate value
 * and the dynamic range D between its largest and smallest ones; rounding noise at p bits is then below
 * S·2^(48−p). The expression is evaluated at p ≥ p₀ + D + 64 bits and at 2p (4p, …): a value within the noise at
 * two successive levels is zero; a value above the noise that two levels agree on is not. A nonzero value that
 * the terms hide at low precision (exp(400) + 2 exp(200) + 1 − exp(400) − 2 exp(200) = 1) is far above the noise
 * at p₀ + D + 64 bits.
 */
function constantVerdict(e: Expr): ZeroVerdict | undefined {
  const p0 = startBits(e);
  const memo = new Map<Expr, BigFloat>();
  try {
    bigValue(e, p0, memo);
  } catch {
    return undefined;
  }
  let S = -Infinity;
  let m = Infinity;
  for (const v of memo.values()) {
    if (v.isZero()) continue;
    S = Math.max(S, v.expo());
    m = Math.min(m, v.expo());
  }
  if (S === -Infinity) return 'zero'; // every value in it is exactly 0
  const quiet = (v: BigFloat, bits: number): boolean => v.isZero() || v.expo() <= S - bits + 48;
  let p = Math.min(MAX_BITS, p0 + Math.min(S - m, MAX_BITS) + 64);
  let prev = big(e, p);
  for (let level = 0; level < 3 && prev !== undefined; level++) {
    const q = Math.min(MAX_BITS, 2 * p);
    if (q === p) break;
    const v = big(e, q);
    if (v === undefined) return undefined;
    const prevQuiet = quiet(prev, p);
    const vQuiet = quiet(v, q);
    if (prevQuiet && vQuiet) return 'zero';
    if (!prevQuiet && !vQuiet && agreement(prev, v) >= 16) return 'nonzero';
    prev = v;
    p = q;
  }
  return undefined;
}

/** Sample values for one symbol, over several scales, honouring sign assumptions. */
function samplesFor(name: string, A: Assumptions | undefined, count: number): Expr[] {
  const base: [bigint, bigint][] = [[37n, 59n], [113n, 71n], [-61n, 97n], [229n, 83n], [-307n, 101n], [7n, 173n], [1009n, 127n], [-2003n, 331n], [19n, 7n], [-5n, 11n]];
  const s = sym(name);
  const pos = A?.isPositive(s) || A?.isNonNegative(s);
  const neg = A?.isNegative(s);
  const out: Expr[] = [];
  const salt = [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 7, 0);
  for (let k = 0; k < count; k++) {
    const [n, d] = base[(k + salt) % base.length]!;
    const mag = n < 0n ? -n : n;
    out.push(numOf(rat(pos ? mag : neg ? -mag : n, d)));
  }
  return out;
}

/**
 * Zero at every admissible sample point (identically zero), or nonzero at one of them. Every point must be
 * in the real domain of e: an expression undefined at some of them (log(x²) − 2 log(x) at x < 0, where the
 * principal branch gives −2πi) is "unknown" unless assumptions keep the points inside its domain.
 */
function identityTest(e: Expr, vars: readonly string[], opts: ZeroOptions): ZeroTest {
  const want = opts.points ?? 6;
  const columns = vars.map((v) => samplesFor(v, opts.assumptions, want + 3 * vars.length));
  let zeros = 0;
  let undefinedSomewhere = false;
  for (let k = 0; k < want; k++) {
    // Different symbols take values from different positions, so x = y is never sampled on the diagonal only.
    const map = new Map<Expr, Expr>(vars.map((v, j) => [sym(v), columns[j]![k + 3 * j]!]));
    if (!doubleDefined(e, map)) {
      undefinedSomewhere = true;
      continue;
    }
    const v = constantVerdict(substitute(e, map));
    if (v === 'nonzero') return { verdict: 'nonzero', how: 'numeric', points: k + 1 };
    if (v === 'zero') zeros++;
  }
  return zeros === want && !undefinedSomewhere ? { verdict: 'zero', how: 'numeric', points: zeros } : { verdict: 'unknown', how: 'numeric' };
}

/** A cheap look in double precision: is e defined (real, finite) at this point? Skips poles and domain gaps. */
function doubleDefined(e: Expr, map: ReadonlyMap<Expr, Expr>): boolean {
  const memo = new Map<Expr, number>();
  const go = (x: Expr): number => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let v: number;
    switch (x.kind) {
      case 'num': v = Number(x.value[0]) / Number(x.value[1]); break;
      case 'float': v = x.value; break;
      case 'sym': {
        const s = map.get(x);
        v = s !== undefined && isNum(s) ? Number(s.value[0]) / Number(s.value[1]) : CONSTANTS.get(x.name)?.value ?? NaN;
        if (x.name === 'i') v = NaN;
        break;
      }
      case 'add': v = x.args.reduce((s, a) => s + go(a), 0); break;
      case 'mul': v = x.args.reduce((s, a) => s * go(a), 1); break;
      case 'pow': v = Math.pow(go(x.base), go(x.exp)); break;
      case 'call': {
        const row = lookupFunction(x.fn);
        const args = x.args.map(go);
        v = row === undefined || row.domain?.(...args) !== undefined ? NaN : row.eval(...args);
        break;
      }
      default: v = NaN;
    }
    memo.set(x, v);
    return v;
  };
  // Infinite in double is fine for the arbitrary-precision pass (exp(1000)); NaN is not a point to use.
  return !Number.isNaN(go(e));
}
