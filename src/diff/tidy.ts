/**
 * A small local tidy-up for derivatives until the simplifier takes over (swap `tidy` for `simplify` here and
 * nothing else changes): in products, powers of the same base are merged (`x x^-1 = 1`, `x^a x^b = x^(a + b)`),
 * and a sum over a power of one of its common factors gives that factor up (`(2x (x + 1) - x^2)/x^4` becomes
 * `(2(x + 1) - x)/x^3`, the cancellation the quotient rule calls for); in sums, like terms are collected
 * (`2 x y + x y = 3 x y`) and factors common to every term are pulled out
 * (`x^x log(x) + x^x = x^x (log(x) + 1)`). Only identical factors are pulled out of a sum on its own, so
 * `x^2 cos(x) + 2 x sin(x)` stays as it is. Nothing is expanded. Each node is looked at once (a memoised
 * bottom-up pass) and returned as it is when nothing applies, so tidying a tidy expression builds nothing.
 */
import { type Expr, ONE, ZERO, add, isNumber, mul, numOf, pow } from '../ast/expr.js';
import { rcmp, rsub } from '../ast/rational.js';
import { bottomUp } from '../rewrite/walk.js';

export function tidy(e: Expr, memo?: Map<Expr, Expr>): Expr {
  return bottomUp(e, tidyNode, memo);
}

function tidyNode(e: Expr): Expr {
  if (e.kind === 'mul') return tidyProduct(e);
  if (e.kind === 'add') return pullContent(pullCommon(collectTerms(e)));
  if (e.kind === 'call' && e.args.length === 1) {
    const a = e.args[0]!;
    if (a === ZERO) return AT_ZERO.get(e.fn) ?? e;
    if (a === ONE && e.fn === 'log') return ZERO;
  }
  return e;
}

/** Exact values at 0 (and log(1) = 0), such as inputs like log(x/x) leave behind. */
const AT_ZERO = new Map<string, Expr>([
  ['exp', ONE], ['sin', ZERO], ['cos', ONE], ['tan', ZERO], ['sinh', ZERO], ['cosh', ONE], ['tanh', ZERO],
  ['atan', ZERO], ['asin', ZERO], ['asinh', ZERO], ['atanh', ZERO], ['erf', ZERO],
]);

const baseOf = (a: Expr): Expr => (a.kind === 'pow' ? a.base : a);
const expOf = (a: Expr): Expr => (a.kind === 'pow' ? a.exp : ONE);

/**
 * Base and exponent for merging: a root of a root, (u^(p/2q))^b with an even root inside, is u^(p b/2q)
 * (u ≥ 0 wherever it is defined), so `sqrt(sqrt(u))/sqrt(u)` merges to u^(-1/4).
 */
function rootBase(a: Expr): Expr {
  return a.kind === 'pow' && isEvenRoot(a.base) && a.exp.kind === 'num' ? (a.base as Expr & { kind: 'pow' }).base : baseOf(a);
}
function rootExp(a: Expr): Expr {
  return a.kind === 'pow' && isEvenRoot(a.base) && a.exp.kind === 'num' ? mul((a.base as Expr & { kind: 'pow' }).exp, a.exp) : expOf(a);
}
const isEvenRoot = (b: Expr): boolean => b.kind === 'pow' && b.exp.kind === 'num' && b.exp.value[1] % 2n === 0n;

function tidyProduct(e: Expr): Expr {
  let cur = e;
  // Merging can spread a power of a product over its factors, and each cancellation lowers a positive
  // exponent inside a sum: repeat to a fixpoint (the bound is a safeguard).
  for (let round = 0; round < 16; round++) {
    const merged = mergePowers(cur);
    if (merged.kind !== 'mul') return merged;
    const next = cancelIntoSum(merged.args);
    if (next === undefined && merged === cur) return merged;
    cur = next === undefined ? merged : mul(...next);
  }
  return cur;
}

/** Merge factors with equal bases; the product itself when no two bases are equal. */
function mergePowers(e: Expr): Expr {
  if (e.kind !== 'mul') return e;
  const args = e.args;
  let repeated = false;
  for (let i = 1; i < args.length && !repeated; i++) {
    const b = rootBase(args[i]!);
    if (isNumber(args[i]!)) continue;
    for (let j = 0; j < i; j++) {
      if (!isNumber(args[j]!) && rootBase(args[j]!) === b) {
        repeated = true;
        break;
      }
    }
  }
  if (!repeated) return e;
  const numbers: Expr[] = [];
  const exps = new Map<Expr, Expr[]>();
  const firsts = new Map<Expr, Expr>();
  for (const a of args) {
    if (isNumber(a)) {
      numbers.push(a);
      continue;
    }
    const base = rootBase(a);
    const list = exps.get(base);
    if (list === undefined) {
      exps.set(base, [rootExp(a)]);
      firsts.set(base, a);
    } else list.push(rootExp(a));
  }
  const factors = [...exps].map(([base, es]) => (es.length === 1 ? firsts.get(base)! : pow(base, tidyNode(add(...es)))));
  return mul(...numbers, ...factors);
}

/** The exact exponent of `base` in a term (0 when absent), or undefined when it is not a rational number. */
function exponentIn(term: Expr, base: Expr): [bigint, bigint] | undefined {
  const fs = term.kind === 'mul' ? term.args : [term];
  let found: [bigint, bigint] | undefined;
  for (const f of fs) {
    if (baseOf(f) !== base) continue;
    const k = expOf(f);
    if (found !== undefined || k.kind !== 'num') return undefined;
    found = [k.value[0], k.value[1]];
  }
  return found ?? [0n, 1n];
}

/**
 * In a product with a factor b^(-k) (k > 0 rational) and a sum whose every term holds b^(m_i) with m_i > 0,
 * move b^min(k, m_i) out of the sum into the denominator. Undefined when nothing cancels.
 */
function cancelIntoSum(args: readonly Expr[]): Expr[] | undefined {
  for (let s = 0; s < args.length; s++) {
    const sum = args[s]!;
    if (sum.kind !== 'add') continue;
    for (let d = 0; d < args.length; d++) {
      const den = args[d]!;
      if (den.kind !== 'pow' || den.exp.kind !== 'num' || den.exp.value[0] >= 0n) continue;
      const base = den.base;
      let t: [bigint, bigint] = [-den.exp.value[0], den.exp.value[1]];
      for (const term of sum.args) {
        const m = exponentIn(term, base);
        if (m === undefined || m[0] <= 0n) {
          t = [0n, 1n];
          break;
        }
        if (rcmp(m, t) < 0) t = m;
      }
      if (t[0] === 0n) continue;
      const lowered = sum.args.map((term) => {
        const fs = term.kind === 'mul' ? term.args : [term];
        // A lowered power of a product spreads over its factors (pow's canonical form): merge again.
        return tidyNode(mul(...fs.map((f) => (baseOf(f) === base ? pow(base, numOf(rsub(exponentIn(f, base)!, t))) : f))));
      });
      const out = [...args];
      out[s] = tidyNode(add(...lowered));
      out[d] = pow(base, numOf(rsub(den.exp.value, [-t[0], t[1]])));
      return out;
    }
  }
  return undefined;
}

/** A term as coefficient times the factors of the rest: `3 x y` is `3` and `[x, y]`. */
function restOf(t: Expr): readonly Expr[] {
  if (t.kind === 'mul') return isNumber(t.args[0]!) ? t.args.slice(1) : t.args;
  return isNumber(t) ? [] : [t];
}

const sameList = (a: readonly Expr[], b: readonly Expr[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function collectTerms(e: Expr & { kind: 'add' }): Expr {
  const rests = e.args.map(restOf);
  let like = false;
  for (let i = 1; i < rests.length && !like; i++) {
    for (let j = 0; j < i; j++) {
      if (sameList(rests[i]!, rests[j]!)) {
        like = true;
        break;
      }
    }
  }
  if (!like) return e;
  const coefs = new Map<Expr, Expr[]>();
  for (const t of e.args) {
    const c = isNumber(t) ? t : t.kind === 'mul' && isNumber(t.args[0]!) ? t.args[0]! : ONE;
    const rest = isNumber(t) ? ONE : t.kind === 'mul' && isNumber(t.args[0]!) ? mul(...t.args.slice(1)) : t;
    const list = coefs.get(rest);
    if (list === undefined) coefs.set(rest, [c]);
    else list.push(c);
  }
  return add(...[...coefs].map(([rest, cs]) => mul(add(...cs), rest)));
}

const factorsOf = (t: Expr): readonly Expr[] =>
  isNumber(t) ? [] : t.kind === 'mul' ? t.args.filter((a) => !isNumber(a)) : [t];

function pullCommon(e: Expr): Expr {
  if (e.kind !== 'add') return e;
  let common = [...factorsOf(e.args[0]!)];
  for (const t of e.args.slice(1)) {
    if (common.length === 0) break;
    const fs = [...factorsOf(t)];
    common = common.filter((c) => {
      const k = fs.indexOf(c);
      if (k < 0) return false;
      fs.splice(k, 1);
      return true;
    });
  }
  if (common.length === 0) return e;
  const inner = e.args.map((t) => {
    const fs = t.kind === 'mul' ? [...t.args] : [t];
    for (const c of common) fs.splice(fs.indexOf(c), 1);
    return mul(...fs);
  });
  return tidyNode(mul(...common, tidyNode(add(...inner))));
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * The integer content of a sum, when pulling it out makes the tree smaller: `2x + 2 cos(2x) + 2` is
 * `2(x + cos(2x) + 1)`. A term loses its coefficient node (and its product node) where the coefficient is the
 * content itself; the product with the content costs two nodes.
 */
function pullContent(e: Expr): Expr {
  if (e.kind !== 'add') return e;
  const coefs: bigint[] = [];
  for (const t of e.args) {
    const c = t.kind === 'num' ? t : t.kind === 'mul' && t.args[0]!.kind === 'num' ? t.args[0] : ONE;
    if (c.kind !== 'num' || c.value[1] !== 1n) return e;
    coefs.push(c.value[0]);
  }
  let g = 0n;
  for (const c of coefs) g = gcd(g, c < 0n ? -c : c);
  if (g <= 1n) return e;
  let saved = 0;
  e.args.forEach((t, i) => {
    if (t.kind === 'mul' && (coefs[i] === g || coefs[i] === -g)) saved += coefs[i] === g ? (t.args.length === 2 ? 2 : 1) : 0;
  });
  if (saved <= 2) return e;
  const inner = e.args.map((t, i) => (t.kind === 'num' ? numOf([coefs[i]! / g, 1n]) : mul(numOf([coefs[i]! / g, 1n]), ...(t as Expr & { kind: 'mul' }).args.slice(1))));
  return mul(numOf([g, 1n]), add(...inner));
}
