/** Commands of the language for limits and series: limit(f, x, a) and series(f, x, a, n). */
import { type Expr, isInteger, sym } from '../../ast/expr.js';
import { EvalError } from '../../eval/errors.js';
import { freeSymbols } from '../../eval/n.js';
import { text } from '../../render/text.js';
import { limit, NoLimitError, type Direction } from '../../limit/limit.js';
import { seriesTerms, seriesDisplay } from '../../limit/taylor.js';
import { defineCommand } from '../registry.js';
import { assumptionsOf } from './algebra.js';
import { Assumptions } from '../../simplify/assume.js';

function variableOf(f: Expr, x: Expr | undefined, what: string): Expr {
  if (x !== undefined) return x;
  const free = freeSymbols(f);
  if (free.length === 1) return sym(free[0]!);
  throw new EvalError(`${what}: say which variable (f has ${free.length === 0 ? 'none' : free.sort().join(', ')})`);
}

function direction(d: Expr | undefined): Direction {
  if (d === undefined) return 'both';
  if (isInteger(d) && d.value[0] === 1n) return 'right';
  if (isInteger(d) && d.value[0] === -1n) return 'left';
  if (d.kind === 'sym' && (d.name === 'right' || d.name === 'left')) return d.name;
  throw new EvalError(`the side of a one-sided limit is 1 or right (from above), -1 or left (from below); got ${text(d)}`);
}

const wrap = <T>(f: () => T): T => {
  try {
    return f();
  } catch (err) {
    if (err instanceof NoLimitError) throw new EvalError(err.message);
    throw err;
  }
};

defineCommand({
  name: 'limit', usage: 'limit(f, x, a, side?)', arity: [3, 4],
  doc: 'limit of f as x → a (a may be inf or -inf); side 1/right or -1/left for a one-sided limit',
  run: ([f, x, a, side], session) => wrap(() => limit(f!, variableOf(f!, x, 'limit(f, x, a)'), a!, direction(side), {
    assumptions: Assumptions.from({ assumptions: assumptionsOf(session) }),
  })),
});

defineCommand({
  name: 'series', usage: 'series(f, x, a?, n?)', arity: [1, 4],
  doc: 'Taylor (Laurent, Puiseux) series of f at x = a (default 0) with the terms of order below n (default 6), expanded on the side x > a (as SymPy does); at a = inf in powers of 1/x',
  run: ([f, x, a, n]) => {
    if (n !== undefined && !isInteger(n)) throw new EvalError(`series(f, x, a, n): n must be a whole number, got ${text(n)}`);
    const r = wrap(() => seriesTerms(f!, variableOf(f!, x, 'series(f, x)'), a, n === undefined ? 6 : Number(n.value[0])));
    return { kind: 'expr', expr: r.expr, ...seriesDisplay(r) };
  },
});
