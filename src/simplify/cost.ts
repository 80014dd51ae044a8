/**
 * The cost `simplify` minimises: first the size of the expression tree (leaves 1, a fraction 2, every
 * operator node 1), then readability — fewer symbol occurrences, fewer symbolic exponents, fewer negative
 * exponents (denominators), then shorter text.
 */
import { type Expr, children } from '../ast/expr.js';
import { nodes } from '../ast/walk.js';
import { text } from '../render/text.js';

export type Cost = readonly [size: number, occurrences: number, symbolicPowers: number, denominators: number, length: number];

export function size(e: Expr): number {
  const memo = new Map<Expr, number>();
  const go = (x: Expr): number => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let s: number;
    if (x.kind === 'num') s = x.value[1] === 1n ? 1 : 2;
    else s = 1 + children(x).reduce((acc, k) => acc + go(k), 0);
    memo.set(x, s);
    return s;
  };
  return go(e);
}

/** Symbol occurrences in the tree (x x^n has three, x^(n + 1) two), and powers with non-numeric exponents. */
function counts(e: Expr): [number, number] {
  const memo = new Map<Expr, [number, number]>();
  const go = (x: Expr): [number, number] => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let occ = x.kind === 'sym' ? 1 : 0;
    let sp = x.kind === 'pow' && x.exp.kind !== 'num' && x.exp.kind !== 'float' ? 1 : 0;
    for (const k of children(x)) {
      const [o, s] = go(k);
      occ += o;
      sp += s;
    }
    const out: [number, number] = [occ, sp];
    memo.set(x, out);
    return out;
  };
  return go(e);
}

function denominators(e: Expr): number {
  let n = 0;
  for (const x of nodes(e)) if (x.kind === 'pow' && x.exp.kind === 'num' && x.exp.value[0] < 0n) n++;
  return n;
}

export function cost(e: Expr): Cost {
  return [size(e), ...counts(e), denominators(e), text(e).length];
}

/** Is a strictly cheaper than b? */
export function cheaper(a: Cost, b: Cost): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
