/**
 * Pattern matching with backtracking, written in continuation style: `match(p, s, b, k)` extends the bindings
 * `b` so that `p` matches `s` and calls `k()`; if `k` rejects, it tries the next way to match, undoing its own
 * bindings. Sums and products match modulo associativity and commutativity (AC matching as in
 * Baader and Nipkow, 1998, "Term Rewriting and All That", ch. 10, restricted to linear splits of one n-ary node):
 * non-variable pattern arguments are matched against distinct subject arguments first, then the remaining
 * subject arguments are distributed over the pattern's variables in non-empty groups.
 */
import { type Expr, ONE, ZERO, add, children, mul } from '../ast/expr.js';
import { isPatternVar } from './rule.js';

export type Cont = () => boolean;

/** Largest number of leftover arguments whose splits are enumerated in full (2^n of them). */
const MAX_SPLIT = 12;

export function match(p: Expr, s: Expr, b: Map<string, Expr>, k: Cont): boolean {
  if (p.kind === 'sym') {
    if (!isPatternVar(p)) return p === s && k();
    const bound = b.get(p.name);
    if (bound !== undefined) return bound === s && k();
    b.set(p.name, s);
    if (k()) return true;
    b.delete(p.name);
    return false;
  }
  if (p === s && p.height === 1) return k();
  if (p.kind !== s.kind) return false;
  switch (p.kind) {
    case 'num': case 'float': return false; // equal literals were caught above
    case 'call':
      if (p.fn !== (s as typeof p).fn || p.args.length !== (s as typeof p).args.length) return false;
      return matchSeq(p.args, (s as typeof p).args, 0, b, k);
    case 'add': case 'mul': return matchAC(p.kind, p.args, (s as typeof p).args, b, k);
    case 'rel':
      if (p.op !== (s as typeof p).op) return false;
      return matchSeq(children(p), children(s), 0, b, k);
    default: {
      const ps = children(p);
      const ss = children(s);
      return ps.length === ss.length && matchSeq(ps, ss, 0, b, k);
    }
  }
}

function matchSeq(ps: readonly Expr[], ss: readonly Expr[], i: number, b: Map<string, Expr>, k: Cont): boolean {
  if (i === ps.length) return k();
  return match(ps[i]!, ss[i]!, b, () => matchSeq(ps, ss, i + 1, b, k));
}

const combine = (kind: 'add' | 'mul', xs: readonly Expr[]): Expr => (xs.length === 1 ? xs[0]! : kind === 'add' ? add(...xs) : mul(...xs));

function matchAC(kind: 'add' | 'mul', ps: readonly Expr[], ss: readonly Expr[], b: Map<string, Expr>, k: Cont): boolean {
  const fixed = ps.filter((p) => !isPatternVar(p));
  // Optional variables (`rest…`) go last: they may take the leftover arguments or nothing at all.
  const vars = (ps.filter(isPatternVar) as { name: string }[])
    .sort((a, b) => Number(isOptional(a.name)) - Number(isOptional(b.name)));
  const required = ps.length - vars.filter((v) => isOptional(v.name)).length;
  if (ss.length < required) return false;
  const used = new Array<boolean>(ss.length).fill(false);
  const matchFixed = (i: number): boolean => {
    if (i === fixed.length) return distribute(0);
    for (let j = 0; j < ss.length; j++) {
      if (used[j]) continue;
      if (j > 0 && ss[j] === ss[j - 1] && !used[j - 1]) continue; // equal siblings: try the first only
      used[j] = true;
      if (match(fixed[i]!, ss[j]!, b, () => matchFixed(i + 1))) return true;
      used[j] = false;
    }
    return false;
  };
  const distribute = (v: number): boolean => {
    const rest: number[] = [];
    for (let j = 0; j < ss.length; j++) if (!used[j]) rest.push(j);
    if (v === vars.length) return rest.length === 0 && k();
    const name = vars[v]!.name;
    if (rest.length === 0 && isOptional(name)) {
      const identity = kind === 'add' ? ZERO : ONE;
      const bound = b.get(name);
      if (bound !== undefined) return bound === identity && distribute(v + 1);
      b.set(name, identity);
      if (distribute(v + 1)) return true;
      b.delete(name);
      return false;
    }
    if (rest.length < requiredFrom(v)) return false;
    const take = (mask: number): boolean => {
      const picked: Expr[] = [];
      for (let t = 0; t < rest.length; t++) if (mask & (1 << t)) picked.push(ss[rest[t]!]!);
      const value = combine(kind, picked);
      const bound = b.get(name);
      if (bound !== undefined && bound !== value) return false;
      for (let t = 0; t < rest.length; t++) if (mask & (1 << t)) used[rest[t]!] = true;
      if (bound === undefined) b.set(name, value);
      const ok = distribute(v + 1);
      if (!ok) {
        if (bound === undefined) b.delete(name);
        for (let t = 0; t < rest.length; t++) if (mask & (1 << t)) used[rest[t]!] = false;
      }
      return ok;
    };
    const all = rest.length >= 31 ? -1 : (1 << rest.length) - 1;
    if (v === vars.length - 1) return take(all);
    if (rest.length > MAX_SPLIT) {
      // Too many splits to try them all: offer each single argument, and everything but one.
      for (let t = 0; t < rest.length; t++) if (take(1 << t)) return true;
      return false;
    }
    // Larger groups first, so a guarded variable (`c` in `c*u` with isConstant(c, x)) gets as much as it can.
    for (const m of splitMasks(rest.length)) if (take(m)) return true;
    return false;
  };
  const requiredFrom = (v: number): number => {
    let n = 0;
    for (let t = v; t < vars.length; t++) if (!isOptional(vars[t]!.name)) n++;
    return Math.max(n, 1);
  };
  return matchFixed(0);
}

/** A variable named `rest`, `rest1`, … may match no arguments at all (then it is 0 in a sum, 1 in a product). */
export const isOptional = (name: string): boolean => name.startsWith('rest');

const MASKS: number[][] = [];

/** Proper non-empty subsets of n things as bit masks, larger subsets first. */
function splitMasks(n: number): readonly number[] {
  let ms = MASKS[n];
  if (ms === undefined) {
    ms = [];
    for (let m = (1 << n) - 2; m >= 1; m--) ms.push(m);
    ms.sort((x, y) => popcount(y) - popcount(x) || x - y);
    MASKS[n] = ms;
  }
  return ms;
}

function popcount(m: number): number {
  let c = 0;
  while (m !== 0) {
    m &= m - 1;
    c++;
  }
  return c;
}
