/**
 * The canonical order of commutative arguments. It is structural (never creation order), so the same
 * expression prints the same way in every session. Numbers come first, then a power sorts with its base
 * (`x`, `x^2`, `y`), then calls, sums and the rest; within a class, by name and then children.
 */
import type { Expr } from './expr.js';
import { rcmp, rtoNumber } from './rational.js';

const KIND_RANK: Record<Expr['kind'], number> = {
  num: 0, float: 0, sym: 1, pow: 1, mul: 2, call: 3, add: 4, list: 5, rel: 6, define: 7,
};

/** Which group a factor sorts in: a power sorts with its base. */
function group(e: Expr): number {
  if (e.kind !== 'pow') return KIND_RANK[e.kind];
  return e.base.kind === 'num' || e.base.kind === 'float' ? KIND_RANK.pow : group(e.base);
}

const ONE_EXP = { kind: 'num', value: [1n, 1n] } as unknown as Expr; // stands for the exponent of a non-power

function baseOf(e: Expr): Expr {
  return e.kind === 'pow' ? e.base : e;
}
function expOf(e: Expr): Expr {
  return e.kind === 'pow' ? e.exp : ONE_EXP;
}

export function compare(a: Expr, b: Expr): number {
  if (a === b) return 0;
  const ga = group(a);
  const gb = group(b);
  if (ga !== gb) return ga - gb;
  if (ga === 0) return compareNumbers(a, b);
  const c = compareNode(baseOf(a), baseOf(b));
  if (c !== 0) return c;
  return compare(expOf(a), expOf(b));
}

function compareNumbers(a: Expr, b: Expr): number {
  if (a.kind === 'num' && b.kind === 'num') return rcmp(a.value, b.value);
  const va = a.kind === 'num' ? rtoNumber(a.value) : a.kind === 'float' ? a.value : 0;
  const vb = b.kind === 'num' ? rtoNumber(b.value) : b.kind === 'float' ? b.value : 0;
  if (va !== vb) return va < vb ? -1 : 1;
  return a.kind === b.kind ? 0 : a.kind === 'num' ? -1 : 1;
}

const NODE_RANK: Record<Expr['kind'], number> = {
  num: 0, float: 1, sym: 2, pow: 3, mul: 4, call: 5, add: 6, list: 7, rel: 8, define: 9,
};

function compareList(xs: readonly Expr[], ys: readonly Expr[]): number {
  const n = Math.min(xs.length, ys.length);
  for (let k = 0; k < n; k++) {
    const c = compare(xs[k]!, ys[k]!);
    if (c !== 0) return c;
  }
  return xs.length - ys.length;
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A total order on nodes by kind, then content. */
function compareNode(a: Expr, b: Expr): number {
  if (a === b) return 0;
  if (a.kind !== b.kind) return NODE_RANK[a.kind] - NODE_RANK[b.kind];
  switch (a.kind) {
    case 'num': case 'float': return compareNumbers(a, b);
    case 'sym': return cmpStr(a.name, (b as typeof a).name);
    case 'pow': {
      const o = b as typeof a;
      return compare(a.base, o.base) || compare(a.exp, o.exp);
    }
    case 'call': {
      const o = b as typeof a;
      return cmpStr(a.fn, o.fn) || compareList(a.args, o.args);
    }
    case 'add': case 'mul': return compareList(a.args, (b as typeof a).args);
    case 'list': return compareList(a.items, (b as typeof a).items);
    case 'rel': {
      const o = b as typeof a;
      return cmpStr(a.op, o.op) || compare(a.lhs, o.lhs) || compare(a.rhs, o.rhs);
    }
    case 'define': {
      const o = b as typeof a;
      return compare(a.target, o.target) || compare(a.value, o.value);
    }
  }
}
