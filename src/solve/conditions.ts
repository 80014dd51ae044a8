/**
 * Conditions on parameters, decided or stated plainly. A condition without parameters is decided at once (true:
 * dropped; false: the branch has no real solution, by the range of the function inverted). A condition in one
 * parameter p that is rational in p is described by the intervals where it holds (1/p − 1 > 0 is 0 < p < 1),
 * found from the real zeros of its numerator and denominator and a test value in each interval.
 */
import { type Expr, type Sym, ZERO, add, neg, sym, rel } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { freeSymbols } from '../eval/n.js';
import { substitute } from '../ast/walk.js';
import { text } from '../render/text.js';
import { together } from '../simplify/index.js';
import { asPolynomial } from '../integrate/ratexpr.js';
import { rationalPolynomialRoots } from './polynomial.js';
import { splitFraction } from './radical.js';
import { holdsAt } from './check.js';
import { tidy } from './context.js';

export type Decided = { readonly kind: 'true' } | { readonly kind: 'false' } | { readonly kind: 'text'; readonly text: string; readonly conds: readonly Expr[] };

const numeric = (e: Expr): number => { try { return evaluate(e); } catch { return NaN; } };

/** Real zeros of a rational function of p, sorted; undefined when they cannot be found exactly. */
function criticalPoints(d: Expr, p: Sym): Expr[] | undefined {
  const [num, den] = splitFraction(together(d));
  const out: Expr[] = [];
  for (const part of [num, den]) {
    if (!freeSymbols(part).includes(p.name)) continue;
    const poly = asPolynomial(part, p);
    if (poly === undefined) return undefined;
    const roots = rationalPolynomialRoots(poly);
    if (roots === undefined) return undefined;
    for (const r of roots) if (Number.isFinite(numeric(r)) && !freeSymbols(r).length) out.push(r);
  }
  const seen = new Set<number>();
  return out.filter((r) => { const v = numeric(r); if (seen.has(v)) return false; seen.add(v); return true; })
    .sort((a, b) => numeric(a) - numeric(b));
}

/** "0 < p < 1", "p >= 2", "p < -1 or p > 1" from the intervals where the condition holds. */
function describe(cond: Expr, p: Sym, pts: Expr[]): Decided {
  return describeAll([cond], p, pts);
}

function describeAll(conds: readonly Expr[], p: Sym, pts: Expr[]): Decided {
  const at = (v: number): boolean => conds.every((c) => holdsAt(c, new Map([[p.name, v]])) === true);
  const atExact = (e: Expr): boolean => conds.every((c0) => {
    try {
      const c = substitute(c0, new Map([[p as Expr, e]]));
      return c.kind === 'rel' && holdsAt(c, new Map()) === true;
    } catch { return false; }
  });
  const vals = pts.map(numeric);
  const inside = (i: number): boolean => {
    // the open interval between pts[i-1] and pts[i] (i = 0: below all; i = n: above all)
    const lo = i === 0 ? vals[0]! - 1 - Math.abs(vals[0]!) : vals[i - 1]!;
    const hi = i === vals.length ? vals[vals.length - 1]! + 1 + Math.abs(vals[vals.length - 1]!) : vals[i]!;
    return at(i === 0 ? hi - 1 - Math.abs(hi) * 0.5 : i === vals.length ? lo + 1 + Math.abs(lo) * 0.5 : (lo + hi) / 2);
  };
  if (pts.length === 0) return inside(0) ? { kind: 'true' } : { kind: 'false' };
  const open = pts.map((_, i) => inside(i)).concat([inside(pts.length)]);
  const ends = pts.map(atExact);
  // segments in order along the line: open interval 0, point 0, open interval 1, …, open interval n
  const segs: { open: boolean; i: number; holds: boolean }[] = [];
  pts.forEach((_, i) => segs.push({ open: true, i, holds: open[i]! }, { open: false, i, holds: ends[i]! }));
  segs.push({ open: true, i: pts.length, holds: open[pts.length]! });
  if (segs.every((g) => g.holds)) return { kind: 'true' };
  if (!segs.some((g) => g.holds)) return { kind: 'false' };
  const name = p.name;
  const pieces: string[] = [];
  for (let s0 = 0; s0 < segs.length; s0++) {
    if (!segs[s0]!.holds) continue;
    let s1 = s0;
    while (s1 + 1 < segs.length && segs[s1 + 1]!.holds) s1++;
    const a = segs[s0]!;
    const b = segs[s1]!;
    if (!a.open && s0 === s1) pieces.push(`${name} = ${text(pts[a.i]!)}`);
    else {
      const lower = a.open ? (a.i === 0 ? undefined : [text(pts[a.i - 1]!), '<']) : [text(pts[a.i]!), '<='];
      const upper = b.open ? (b.i === pts.length ? undefined : ['<', text(pts[b.i]!)]) : ['<=', text(pts[b.i]!)];
      if (lower === undefined && upper !== undefined) pieces.push(`${name} ${upper[0]} ${upper[1]}`);
      else if (upper === undefined && lower !== undefined) pieces.push(`${name} ${lower[1] === '<' ? '>' : '>='} ${lower[0]}`);
      else if (lower !== undefined && upper !== undefined) pieces.push(`${lower[0]} ${lower[1]} ${name} ${upper[0]} ${upper[1]}`);
    }
    s0 = s1;
  }
  // p < c or p > c is p != c
  const m = pieces.length === 2 ? /^(\S+) < (.+)$/.exec(pieces[0]!) : null;
  if (m !== null && pieces[1] === `${m[1]} > ${m[2]}`) return { kind: 'text', text: `${m[1]} != ${m[2]}`, conds };
  return { kind: 'text', text: pieces.length > 1 ? `(${pieces.join(' or ')})` : pieces[0]!, conds };
}

/** Decide several conditions at once: those in one and the same parameter are described together
 *  (p != 0 and 1/p - 1 > 0 read 0 < p < 1). */
export function decideAll(conds: readonly Expr[]): Decided[] {
  const single = conds.map((c) => freeSymbols(c));
  const p = single.length > 1 && single.every((f) => f.length === 1 && f[0] === single[0]![0]) ? single[0]![0]! : undefined;
  if (p === undefined) return conds.map(decide);
  const s = sym(p);
  const pts: Expr[] = [];
  for (const c of conds) {
    if (c.kind !== 'rel') return conds.map(decide);
    const cp = criticalPoints(add(c.lhs, neg(c.rhs)), s);
    if (cp === undefined) return conds.map(decide);
    for (const q of cp) if (!pts.some((t) => numeric(t) === numeric(q))) pts.push(q);
  }
  pts.sort((a, b) => numeric(a) - numeric(b));
  return [describeAll(conds, s, pts)];
}

/** Decide a condition without parameters, or describe it in the parameters. */
export function decide(cond: Expr): Decided {
  if (cond.kind !== 'rel') return { kind: 'text', text: text(cond), conds: [cond] };
  const free = freeSymbols(cond);
  if (free.length === 0) {
    const h = holdsAt(cond, new Map());
    return h === true ? { kind: 'true' } : h === false ? { kind: 'false' } : { kind: 'text', text: text(cond), conds: [cond] };
  }
  const tidied = rel(cond.op, tidy(cond.lhs), tidy(cond.rhs));
  if (free.length === 1) {
    const p = sym(free[0]!);
    const pts = criticalPoints(add(cond.lhs, neg(cond.rhs)), p);
    if (pts !== undefined) return describe(tidied, p, pts);
  }
  return { kind: 'text', text: text(tidied), conds: [tidied] };
}

export const zeroRel = (e: Expr): Expr => rel('=', e, ZERO);
