/**
 * Piecewise functions split into cases: |A| is A where A ≥ 0 and −A where A < 0; max(a, b) is a where a ≥ b and
 * b where a < b; min alike; sign(A) is 1, 0 or −1. Each case is an equation without that function, and its
 * solutions count only where the case's condition holds at them.
 */
import { type Expr, type Sym, ZERO, ONE, neg, rel, int } from '../ast/expr.js';
import { nodes, substitute } from '../ast/walk.js';
import { has, type Cond } from './context.js';

export interface Case {
  readonly e: Expr;
  /** A relation in x that the solutions of this case must satisfy. */
  readonly when: Cond;
}

/** The cases of the first piecewise function of x in e, or undefined when there is none. */
export function cases(e: Expr, x: Sym): Case[] | undefined {
  for (const n of nodes(e)) {
    if (n.kind !== 'call' || !has(n, x)) continue;
    const [a, b] = n.args;
    const replace = (by: Expr): Expr => substitute(e, new Map([[n as Expr, by]]));
    if (n.fn === 'abs' && n.args.length === 1) {
      return [{ e: replace(a!), when: rel('>=', a!, ZERO) }, { e: replace(neg(a!)), when: rel('<', a!, ZERO) }];
    }
    if ((n.fn === 'max' || n.fn === 'min') && n.args.length === 2) {
      const first = n.fn === 'max' ? '>=' : '<=';
      const second = n.fn === 'max' ? '<' : '>';
      return [{ e: replace(a!), when: rel(first, a!, b!) }, { e: replace(b!), when: rel(second, a!, b!) }];
    }
    if (n.fn === 'sign' && n.args.length === 1) {
      return [
        { e: replace(ONE), when: rel('>', a!, ZERO) },
        { e: replace(ZERO), when: rel('=', a!, ZERO) },
        { e: replace(int(-1)), when: rel('<', a!, ZERO) },
      ];
    }
  }
  return undefined;
}
