/**
 * Differentiation as rewrite rules on the unevaluated derivative `D(f, x)`. The rules are tried in this
 * order; the engine rewrites innermost first, so `D(D(f, x), x)` differentiates the inner derivative first.
 * Each rule id is the key of its label in src/render/labels.ts.
 */
import { type Expr, MINUS_ONE, ZERO, add, call, list, mul, pow, sym } from '../ast/expr.js';
import { rule, type Rule } from '../rewrite/rule.js';
import { isFreeOf } from '../rewrite/free.js';
import type { Bindings, Step } from '../rewrite/types.js';
import { DERIVATIVES, isAbstractFunction, partialList, partials } from './table.js';
import { evaluate } from '../eval/evaluate.js';
import { freeSymbols } from '../eval/n.js';

/** The unevaluated derivative of `f` with respect to `x`. */
export const D = (f: Expr, x: Expr): Expr => call('D', [f, x]);

/** A closed expression whose value is 0 (`0`, `0.0`, `floor(1/2)`): then `0^u` is 0 wherever it is differentiable. */
export function isZeroConstant(a: Expr): boolean {
  if (a === ZERO) return true;
  if (a.kind === 'sym' || freeSymbols(a).length > 0) return false;
  try {
    return evaluate(a) === 0;
  } catch {
    return false;
  }
}

const arg = (b: Bindings, name: string): Expr => b.get(name)!;

/** A symbol standing for the inner function in a chain-rule substep, distinct from the variable. */
const innerName = (x: Expr): Expr => sym(x.kind === 'sym' && x.name === 'u' ? 'v' : 'u');

/** `D(f(u), x) = f'(u) D(u, x)` for a call or a power whose outer derivative is known; the table entry is a substep. */
function chain(b: Bindings, ctx: { substep(s: Step): void }): Expr | undefined {
  const f = arg(b, 'f');
  const x = arg(b, 'x');
  const u = innerName(x);
  const sub = (rule: string, outer: Expr, inner: Expr, outerDerivative: (v: Expr) => Expr): Expr => {
    ctx.substep({
      rule, at: [], before: D(outer, u), after: outerDerivative(u), bindings: new Map([['u', inner]]), substeps: [],
    });
    return mul(outerDerivative(inner), D(inner, x));
  };
  if (f.kind === 'pow') {
    const { base, exp } = f;
    if (isFreeOf(exp, x)) return sub('d/power', pow(u, exp), base, (v) => mul(exp, pow(v, add(exp, MINUS_ONE))));
    if (isFreeOf(base, x) && !isZeroConstant(base)) return sub('d/exponential', pow(base, u), exp, (v) => mul(pow(base, v), call('log', [base])));
    return undefined;
  }
  if (f.kind !== 'call') return undefined;
  if (isAbstractFunction(f.fn) && f.args.length === 1) {
    // An unknown function of one argument (f, g, or f' itself): D(f(u), x) = f'(u) D(u, x), in Lagrange's notation.
    return sub('d/abstract', call(f.fn, [u]), f.args[0]!, (v) => call(`${f.fn}'`, [v]));
  }
  const ps = partialList(f.fn, f.args);
  if (ps === undefined) return undefined;
  // A partial the table leaves open, taken in an argument that depends on x: the derivative stays D(f, x).
  if (f.args.some((a, k) => ps[k] === undefined && !isFreeOf(a, x))) return undefined;
  if (f.args.length === 1) {
    return sub(`d/${f.fn}`, call(f.fn, [u]), f.args[0]!, (v) => partials(f.fn, [v])![0]!);
  }
  // Several arguments: the multivariable chain rule, sum over the arguments that depend on x.
  const terms: Expr[] = [];
  f.args.forEach((a, k) => {
    if (!isFreeOf(a, x)) terms.push(mul(ps[k]!, D(a, x)));
  });
  return add(...terms);
}

function tableRules(): Rule[] {
  const out: Rule[] = [];
  for (const [name, row] of Object.entries(DERIVATIVES)) {
    if (row === null || typeof row === 'function') continue;
    const one = Array.isArray(row) ? row : (row as Record<number, readonly string[]>)[1];
    if (one === undefined || one.length !== 1) continue;
    out.push(rule(`d/${name}`, `D(${name}(x), x)`, (b) => partials(name, [arg(b, 'x')])?.[0]));
  }
  return out;
}

export const DIFF_RULES: readonly Rule[] = [
  rule('d/const', 'D(c, x)', '0', { when: 'isConstant(c, x)' }),
  rule('d/var', 'D(x, x)', '1'),
  rule('d/list', 'D(a, x)', (b) => {
    const a = arg(b, 'a');
    return a.kind === 'list' ? list(a.items.map((t) => D(t, arg(b, 'x')))) : undefined;
  }),
  rule('d/sum', 'D(a + b, x)', (b, ctx) => {
    const s = (ctx.subject as { args: readonly Expr[] }).args[0] as { args: readonly Expr[] };
    return add(...s.args.map((t) => D(t, arg(b, 'x'))));
  }),
  rule('d/const-multiple', 'D(c*u, x)', 'c*D(u, x)', { when: 'isConstant(c, x)' }),
  rule('d/quotient', 'D(u*v^n, x)', '(v^(-n)*D(u, x) - u*D(v^(-n), x)) * v^(2*n)', {
    when: ['isNegative(n)', 'dependsOn(v, x)', 'dependsOn(u, x)'],
  }),
  rule('d/product', 'D(a*b, x)', (b, ctx) => {
    // Leibniz's rule for n factors: the sum over i of (the other factors) times D(factor i).
    const fs = ((ctx.subject as { args: readonly Expr[] }).args[0] as { args: readonly Expr[] }).args;
    const x = arg(b, 'x');
    return add(...fs.map((fi, i) => mul(...fs.filter((_, j) => j !== i), D(fi, x))));
  }),
  // 0^u is 0 wherever it is differentiable (u > 0); a^u log(a) would read log(0).
  rule('d/zero-power', 'D(a^u, x)', '0', { when: (b) => isZeroConstant(b.get('a')!) }),
  rule('d/power', 'D(x^n, x)', 'n*x^(n - 1)', { when: 'isConstant(n, x)' }),
  rule('d/exponential', 'D(a^x, x)', 'a^x*log(a)', { when: 'isConstant(a, x)' }),
  rule('d/general-power', 'D(u^v, x)', 'u^v*(D(v, x)*log(u) + v*D(u, x)/u)', { when: ['dependsOn(u, x)', 'dependsOn(v, x)'] }),
  ...tableRules(),
  rule('d/chain', 'D(f, x)', chain),
];
