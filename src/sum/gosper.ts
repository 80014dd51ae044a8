/**
 * Gosper's algorithm (as in Petkovšek, Wilf and Zeilberger, "A = B", ch. 5) for hypergeometric terms t(k) whose
 * ratio t(k+1)/t(k) is a rational function of k with rational coefficients: write the ratio as
 * a(k)/b(k)·c(k+1)/c(k) with gcd(a(k), b(k+h)) = 1 for h ≥ 0, solve a(k)x(k+1) − b(k−1)x(k) = c(k) for a polynomial
 * x, and then z(k) = b(k−1)x(k)/c(k)·t(k) satisfies z(k+1) − z(k) = t(k): Σ_{k=a}^{b} t(k) = z(b+1) − z(a).
 */
import { type Expr, type Sym, add, mul, pow, int, numOf, sub, isNum } from '../ast/expr.js';
import { type Rational, rat, rdiv, rmul, rsub, ZERO as RZERO, ONE as RONE } from '../ast/rational.js';
import { substitute } from '../ast/walk.js';
import { evaluate } from '../eval/evaluate.js';
import { simplify } from '../simplify/index.js';
import { dependsOn } from '../simplify/vars.js';
import { linearIn, polyCoeffs } from './terms.js';
import { type QPoly, trim, deg, lc, mulP, subP, divmodP, gcdP, shiftP, linP, constP, ONE_P } from './qpoly.js';
import { SumError } from './errors.js';

const asRational = (e: Expr): Rational | undefined => (isNum(e) ? e.value : undefined);

function qpolyOf(e: Expr, k: Sym): QPoly | undefined {
  const cs = polyCoeffs(e, k);
  if (cs === undefined) return undefined;
  const out: Rational[] = [];
  for (const c of cs) {
    const r = asRational(simplify(c));
    if (r === undefined) return undefined;
    out.push(r);
  }
  return trim(out);
}

const powP = (p: QPoly, n: number): QPoly => {
  let out = ONE_P;
  for (let i = 0; i < n; i++) out = mulP(out, p);
  return out;
};

/** t(k+1)/t(k) as [numerator, denominator], or undefined when t is not of the supported hypergeometric shape. */
export function hypergeometricRatio(t: Expr, k: Sym): [QPoly, QPoly] | undefined {
  let num: QPoly = ONE_P;
  let den: QPoly = ONE_P;
  const times = (p: QPoly, e: number): void => {
    if (e > 0) num = mulP(num, powP(p, e));
    else den = mulP(den, powP(p, -e));
  };
  for (const g0 of t.kind === 'mul' ? t.args : [t]) {
    if (!dependsOn(g0, k)) continue;
    let g = g0;
    let e = 1;
    if (g.kind === 'pow' && isNum(g.exp) && g.exp.value[1] === 1n && dependsOn(g.base, k)) {
      e = Number(g.exp.value[0]);
      g = g.base;
    }
    if (g.kind === 'pow' && !dependsOn(g.base, k)) {
      const lin = linearIn(g.exp, k);
      const r = lin === undefined ? undefined : asRational(simplify(pow(g.base, lin[0])));
      if (r === undefined || r[0] === 0n) return undefined;
      times(constP(r), e);
      continue;
    }
    if (g.kind === 'call' && (g.fn === 'factorial' || g.fn === 'gamma')) {
      const lin = linearIn(g.args[0]!, k);
      const al = lin === undefined ? undefined : asRational(simplify(lin[0]));
      const be = lin === undefined ? undefined : asRational(simplify(lin[1]));
      if (al === undefined || be === undefined || al[1] !== 1n || al[0] === 0n) return undefined;
      const s = g.fn === 'factorial' ? be : rsub(be, RONE); // gamma(u) = (u − 1)!
      const A = Number(al[0]);
      // (A k + s)!: ratio Π_{j=1}^{A} (A k + s + j) for A > 0; 1/Π_{j=0}^{|A|−1} (A k + s − j) for A < 0.
      let p: QPoly = ONE_P;
      if (A > 0) for (let j = 1; j <= A; j++) p = mulP(p, linP(rat(s[0] + BigInt(j) * s[1], s[1]), rat(BigInt(A))));
      else for (let j = 0; j < -A; j++) p = mulP(p, linP(rat(s[0] - BigInt(j) * s[1], s[1]), rat(BigInt(A))));
      times(p, A > 0 ? e : -e);
      continue;
    }
    const p = qpolyOf(g, k);
    if (p === undefined || p.length === 0) return undefined;
    times(shiftP(p, RONE), e);
    times(p, -e);
  }
  const g = gcdP(num, den);
  if (deg(g) > 0) {
    num = divmodP(num, g)[0];
    den = divmodP(den, g)[0];
  }
  return [num, den];
}

/** Solve M·x = rhs over the rationals (M given by columns); undefined when inconsistent. */
function solve(cols: QPoly[], rhs: QPoly): Rational[] | undefined {
  const rows = Math.max(rhs.length, ...cols.map((c) => c.length));
  const n = cols.length;
  const m: Rational[][] = Array.from({ length: rows }, (_, i) => [...cols.map((c) => c[i] ?? RZERO), rhs[i] ?? RZERO]);
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < rows; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const inv = rdiv(RONE, m[r]![c]!);
    m[r] = m[r]!.map((v) => rmul(v, inv));
    for (let i = 0; i < rows; i++) {
      if (i !== r && m[i]![c]![0] !== 0n) {
        const f = m[i]![c]!;
        m[i] = m[i]!.map((v, j) => rsub(v, rmul(f, m[r]![j]!)));
      }
    }
    pivots.push(c);
    r++;
  }
  for (let i = r; i < rows; i++) if (m[i]![n]![0] !== 0n) return undefined;
  const x: Rational[] = new Array<Rational>(n).fill(RZERO);
  pivots.forEach((c, i) => { x[c] = m[i]![n]!; });
  return x;
}

const exprOf = (p: QPoly, k: Expr): Expr => add(...p.map((c, i) => mul(numOf(c), pow(k, int(i)))));

/** An antidifference z with z(k+1) − z(k) = t(k), or undefined when t has no hypergeometric one. */
export function gosper(t: Expr, k: Sym): Expr | undefined {
  const ratio = hypergeometricRatio(t, k);
  if (ratio === undefined) return undefined;
  let [a, b] = ratio;
  let c: QPoly = ONE_P;
  for (let h = 0; h <= 60; h++) {
    const g = gcdP(a, shiftP(b, rat(BigInt(h))));
    if (deg(g) <= 0) continue;
    a = divmodP(a, g)[0];
    b = divmodP(b, shiftP(g, rat(BigInt(-h))))[0];
    for (let j = 1; j <= h; j++) c = mulP(c, shiftP(g, rat(BigInt(-j))));
  }
  const b1 = shiftP(b, rat(-1n));
  // degree bound for x
  const candidates: number[] = [];
  if (deg(a) !== deg(b1) || rsub(lc(a), lc(b1))[0] !== 0n) candidates.push(deg(c) - Math.max(deg(a), deg(b1)));
  else {
    const d0 = deg(a);
    candidates.push(deg(c) - d0 + 1);
    const alpha = a[d0 - 1] ?? RZERO;
    const beta = b1[d0 - 1] ?? RZERO;
    const q = rdiv(rsub(beta, alpha), lc(a));
    if (q[1] === 1n) candidates.push(Number(q[0]));
  }
  const d = Math.max(...candidates);
  if (d < 0 || d > 40) return undefined;
  const cols: QPoly[] = [];
  for (let j = 0; j <= d; j++) {
    const mono: QPoly = [...new Array<Rational>(j).fill(RZERO), RONE];
    cols.push(subP(mulP(a, shiftP(mono, RONE)), mulP(b1, mono)));
  }
  const x = solve(cols, c);
  if (x === undefined || trim(x).length === 0) return undefined;
  const z = mul(exprOf(b1, k), exprOf(trim(x), k), pow(exprOf(c, k), int(-1)), t);
  // The identity z(k+1) − z(k) = t(k) holds by construction; check it at two whole numbers all the same.
  for (const j of [3, 6]) {
    try {
      const lhs = evaluate(sub(substitute(z, new Map([[k, int(j + 1)]])), substitute(z, new Map([[k, int(j)]]))));
      const rhs = evaluate(substitute(t, new Map([[k, int(j)]])));
      if (!(Math.abs(lhs - rhs) <= 1e-9 * Math.max(1, Math.abs(rhs)))) throw new SumError('Gosper certificate failed its check');
    } catch (err) {
      if (err instanceof SumError) throw err;
    }
  }
  return z;
}

