/** Commands of the language for algebra: simplify, expand, factor, rational functions, polynomial division. */
import type { Expr } from '../../ast/expr.js';
import { defineCommand } from '../registry.js';
import type { Session } from '../session.js';
import {
  simplify, expand, factor, cancel, together, apart, collect, degree, coeffs, quo, rem, polyGcd, polyLcm, Assumptions,
} from '../../simplify/index.js';

/** Assumptions made with `assume(…)` in a session. */
const sessionAssumptions = new WeakMap<Session, Expr[]>();

export const assumptionsOf = (s: Session): Expr[] => sessionAssumptions.get(s) ?? [];
/** The assumptions made with `assume(…)` in a session, for commands that read them. */
export { assumptionsOf as assumptionsIn };

/** The session's assumptions, for commands that reason with them (integrate, definite integrals). */
export const sessionAssumptionsOf = (s: Session): Assumptions => Assumptions.from({ assumptions: assumptionsOf(s) });

defineCommand({
  name: 'simplify', usage: 'simplify(expr, assumptions…)', arity: [1, Infinity],
  doc: 'the simplest equivalent form found (like terms, cancelling, factoring, exp/log and trig identities); '
    + 'assumptions such as x > 0 allow identities like sqrt(x^2) = x',
  run: ([e, ...as], session) => simplify(e!, { assumptions: [...assumptionsOf(session), ...as] }),
});

defineCommand({
  name: 'assume', usage: 'assume(x > 0, …)', arity: [1, Infinity],
  doc: 'record assumptions about symbols for later simplify and integrate calls in this session: a bound '
    + '(a > 0, alpha > 1, y <= 3), an excluded value (p != -1), an order (b > a), integer(n), or an open interval '
    + 'interval(p, 0, 1) (0 < p < 1); write several at once as assume(p > 0, p < 1)',
  run: (as, session) => {
    Assumptions.from({ assumptions: as }); // checks them now, so a bad one is reported here
    sessionAssumptions.set(session, [...assumptionsOf(session), ...as]);
    return { kind: 'text', text: `assuming ${as.length === 1 ? 'this' : 'these'} from now on` };
  },
});

defineCommand({
  name: 'forget', usage: 'forget()', arity: [0, 0],
  doc: 'drop the assumptions made with assume',
  run: (_args, session) => {
    sessionAssumptions.delete(session);
    return { kind: 'text', text: 'no assumptions' };
  },
});

defineCommand({
  name: 'expand', usage: 'expand(expr)', arity: [1, 1],
  doc: 'multiply out products and powers of sums, also inside function arguments',
  run: ([e]) => expand(e!),
});

defineCommand({
  name: 'factor', usage: 'factor(expr)', arity: [1, 1],
  doc: 'factor over the rationals: completely in one variable, by contents and repeated factors in several',
  run: ([e]) => factor(e!),
});

defineCommand({
  name: 'cancel', usage: 'cancel(expr)', arity: [1, 1],
  doc: 'a rational function in lowest terms, numerator and denominator expanded',
  run: ([e]) => cancel(e!),
});

defineCommand({
  name: 'together', usage: 'together(expr)', arity: [1, 1],
  doc: 'one fraction over a common (factored) denominator',
  run: ([e]) => together(e!),
});

defineCommand({
  name: 'apart', usage: 'apart(expr, x?)', arity: [1, 2],
  doc: 'partial fractions in x over the rationals (linear and irreducible quadratic or higher factors)',
  run: ([e, x]) => apart(e!, x),
});

defineCommand({
  name: 'collect', usage: 'collect(expr, x)', arity: [2, 2],
  doc: 'gather the coefficient of each power of x (x may be a list [x, y] to collect recursively)',
  run: ([e, x]) => collect(e!, x!),
});

defineCommand({
  name: 'degree', usage: 'degree(p, x?)', arity: [1, 2],
  doc: 'degree of a polynomial in x',
  run: ([p, x]) => degree(p!, x),
});

defineCommand({
  name: 'coeffs', usage: 'coeffs(p, x?)', arity: [1, 2],
  doc: 'coefficients of a polynomial in x, from the constant term up',
  run: ([p, x]) => coeffs(p!, x),
});

defineCommand({
  name: 'quo', usage: 'quo(a, b, x?)', arity: [2, 3],
  doc: 'quotient of polynomial division in x: a = quo·b + rem with deg rem < deg b',
  run: ([a, b, x]) => quo(a!, b!, x),
});

defineCommand({
  name: 'rem', usage: 'rem(a, b, x?)', arity: [2, 3],
  doc: 'remainder of polynomial division in x',
  run: ([a, b, x]) => rem(a!, b!, x),
});

defineCommand({
  name: 'gcd', usage: 'gcd(a, b, …)', arity: [1, Infinity],
  doc: 'greatest common divisor of numbers or polynomials',
  run: (args) => polyGcd(...args),
});

defineCommand({
  name: 'lcm', usage: 'lcm(a, b, …)', arity: [1, Infinity],
  doc: 'least common multiple of numbers or polynomials',
  run: (args) => polyLcm(...args),
});
