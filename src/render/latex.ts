/**
 * LaTeX for KaTeX. Fractions as `\frac`, powers with braces, `\sqrt`, function names as operators,
 * Greek letters and subscripts, matrices as `bmatrix`, and parentheses only where the grouping needs them.
 */
import { type Expr, HALF, isNegativeNumber } from '../ast/expr.js';
import { CONSTANTS, FUNCTIONS, GREEK, PREC } from '../ast/ops.js';
import { isDenominatorPower, isNegativeTerm, precOf, productParts, sumOrder } from './layout.js';

export function latex(e: Expr): string {
  return print(e, PREC.define);
}

const paren = (s: string): string => `\\left(${s}\\right)`;

function print(e: Expr, ctx: number): string {
  const s = bare(e);
  return texPrec(e) < ctx ? paren(s) : s;
}

/** LaTeX binds a few things tighter than text does: `\frac` and `\sqrt[n]` are atoms. */
function texPrec(e: Expr): number {
  if (e.kind === 'float' && /e/i.test(e.decimal ?? String(e.value))) return PREC.mul; // 1.5 \times 10^{-7}
  if (e.kind === 'num' && e.value[1] !== 1n) return e.value[0] < 0n ? PREC.neg : PREC.atom;
  if (e.kind === 'call' && e.fn === 'exp') return PREC.pow;
  if (e.kind === 'pow' && isRootExp(e.exp)) return PREC.atom;
  if (e.kind === 'mul' || isDenominatorPower(e)) {
    const p = productParts(e);
    if (p.den.length > 0) return p.negative ? PREC.neg : PREC.atom;
  }
  return precOf(e);
}

const isRootExp = (x: Expr): boolean => x.kind === 'num' && x.value[0] === 1n && x.value[1] > 1n && x.value[1] < 100n;

export function symbolTex(name: string): string {
  const c = CONSTANTS.get(name);
  if (c !== undefined) return c.tex;
  const us = name.indexOf('_');
  if (us > 0 && us < name.length - 1) return `${symbolTex(name.slice(0, us))}_{${symbolTex(name.slice(us + 1))}}`;
  if (GREEK.has(name)) return `\\${name}`;
  if (name.length === 1 || /^[0-9]+$/.test(name)) return name;
  return `\\mathrm{${name.replace(/_/g, '\\_')}}`;
}

function floatTex(s: string): string {
  const m = /^(-?[0-9.]+)e([+-]?)([0-9]+)$/.exec(s);
  if (m === null) return s;
  return `${m[1]} \\times 10^{${m[2] === '-' ? '-' : ''}${m[3]}}`;
}

function bare(e: Expr): string {
  switch (e.kind) {
    case 'num': {
      const [p, q] = e.value;
      if (q === 1n) return p.toString();
      return p < 0n ? `-\\frac{${-p}}{${q}}` : `\\frac{${p}}{${q}}`;
    }
    case 'float': return e.decimal !== undefined ? floatTex(e.decimal) : floatTex(String(e.value));
    case 'sym': return symbolTex(e.name);
    case 'add': {
      const terms = sumOrder(e.args);
      let out = print(terms[0]!, PREC.add);
      for (const t of terms.slice(1)) {
        out += isNegativeTerm(t) ? ` - ${body(t, PREC.add + 1)}` : ` + ${print(t, PREC.add + 1)}`;
      }
      return out;
    }
    case 'mul': return product(e);
    case 'pow': {
      if (isDenominatorPower(e)) return product(e);
      if (e.exp === HALF) return `\\sqrt{${print(e.base, PREC.define)}}`;
      if (isRootExp(e.exp) && e.exp.kind === 'num') return `\\sqrt[${e.exp.value[1]}]{${print(e.base, PREC.define)}}`;
      // sin(x)^2 is written \sin^{2}\left(x\right), as in every textbook.
      const b = e.base;
      if (b.kind === 'call' && FUNCTIONS.has(b.fn) && b.args.length === 1 && typeof FUNCTIONS.get(b.fn)!.tex === 'string'
        && b.fn !== 'gamma' && e.exp.kind === 'num' && e.exp.value[1] === 1n && e.exp.value[0] > 0n) {
        return `${FUNCTIONS.get(b.fn)!.tex as string}^{${e.exp.value[0]}}${paren(print(b.args[0]!, PREC.define))}`;
      }
      const rationalBase = e.base.kind === 'num' && e.base.value[1] !== 1n;
      const base = rationalBase ? paren(bare(e.base)) : print(e.base, PREC.postfix);
      return `${base}^{${print(e.exp, PREC.define)}}`;
    }
    case 'call': return callTex(e.fn, e.args);
    case 'list': return listTex(e.items);
    case 'rel': {
      const op = { '=': '=', '<': '<', '>': '>', '<=': '\\le', '>=': '\\ge', '!=': '\\ne' }[e.op];
      return `${print(e.lhs, PREC.add)} ${op} ${print(e.rhs, PREC.add)}`;
    }
    case 'define': return `${print(e.target, PREC.rel)} \\coloneqq ${print(e.value, PREC.rel)}`;
  }
}

/** LaTeX of display-only functions (not in the operator table), given their arguments and a printer. */
export type CallTex = (args: readonly Expr[], print: (e: Expr, tight: boolean) => string) => string;
const CALL_TEX = new Map<string, CallTex>();
/** Declare how a display-only function is typeset (e.g. a matrix product as juxtaposition). */
export function registerCallTex(fn: string, f: CallTex): void {
  CALL_TEX.set(fn, f);
}

function callTex(fn: string, args: readonly Expr[]): string {
  const custom = CALL_TEX.get(fn);
  if (custom !== undefined && !FUNCTIONS.has(fn)) return custom(args, (e, tight) => print(e, tight ? PREC.postfix : PREC.define));
  const row = FUNCTIONS.get(fn);
  const argTex = args.map((a) => print(a, PREC.define));
  if (fn === 'factorial') return `${print(args[0]!, PREC.postfix)}!`;
  // An unevaluated integral is written as one: \int f \, dx, with bounds when it has them.
  if (fn === 'integrate' && (args.length === 2 || args.length === 4) && args[1]!.kind === 'sym') {
    const bounds = args.length === 4 ? `_{${argTex[2]}}^{${argTex[3]}}` : '';
    return `\\int${bounds} ${print(args[0]!, PREC.mul)} \\, d${argTex[1]}`;
  }
  // piecewise(v₁, c₁, v₂, c₂, …, otherwise): one case per line, the last one "otherwise" when its condition is absent.
  if (fn === 'piecewise' && args.length >= 2) {
    const rows: string[] = [];
    for (let i = 0; i < args.length; i += 2) {
      rows.push(i + 1 < args.length ? `${argTex[i]} & \\text{if } ${argTex[i + 1]}` : `${argTex[i]} & \\text{otherwise}`);
    }
    return `\\begin{cases} ${rows.join(' \\\\ ')} \\end{cases}`;
  }
  if (row !== undefined) {
    if (typeof row.tex === 'function') return row.tex(argTex);
    return `${row.tex}${paren(argTex.join(', '))}`;
  }
  // Lagrange's primes of a derivative: f'(x) is f^{\prime}(x).
  const stem = fn.replace(/'+$/, '');
  const primes = fn.length - stem.length;
  const base = stem.length === 1 || GREEK.has(stem) ? symbolTex(stem) : `\\operatorname{${stem.replace(/_/g, '\\_')}}`;
  const name = primes === 0 ? base : `${base}^{${'\\prime'.repeat(primes)}}`;
  return `${name}${paren(argTex.join(', '))}`;
}

function listTex(items: readonly Expr[]): string {
  const isMatrix = items.length > 0 && items.every((r) => r.kind === 'list' && r.items.length === (items[0] as unknown as { items: unknown[] }).items.length && r.items.length > 0 && r.items.every((x) => x.kind !== 'list'));
  if (isMatrix) {
    const rows = items.map((r) => (r as { items: readonly Expr[] }).items.map((x) => print(x, PREC.define)).join(' & '));
    return `\\begin{bmatrix}${rows.join(' \\\\ ')}\\end{bmatrix}`;
  }
  return `\\left[${items.map((x) => print(x, PREC.define)).join(', ')}\\right]`;
}

/** A product without its sign, parenthesised when it binds looser than `ctx`. */
function body(e: Expr, ctx: number): string {
  const p = productParts(e);
  if (p.num.length === 1 && p.den.length === 0) return print(p.num[0]!, ctx);
  const s = quotient(p.num, p.den);
  return p.den.length > 0 || p.num.length <= 1 || ctx <= PREC.mul ? s : paren(s);
}

function product(e: Expr): string {
  const p = productParts(e);
  const s = p.num.length === 1 && p.den.length === 0 ? print(p.num[0]!, PREC.mul) : quotient(p.num, p.den);
  return p.negative ? `-${s}` : s;
}

function quotient(num: readonly Expr[], den: readonly Expr[]): string {
  const top = num.length === 0 ? '1' : juxtapose(num);
  if (den.length === 0) return top;
  // The fraction bar groups: a lone sum above or below it needs no parentheses.
  const bottom = den.length === 1 ? print(den[0]!, PREC.add) : juxtapose(den);
  const over = num.length === 1 ? print(num[0]!, PREC.add) : top;
  return `\\frac{${over}}{${bottom}}`;
}

function juxtapose(factors: readonly Expr[]): string {
  let out = '';
  factors.forEach((f, k) => {
    const s = print(f, PREC.neg);
    if (k > 0) out += /^[0-9.]/.test(s) || /^\\frac/.test(s) && /[0-9}]$/.test(out) ? ' \\cdot ' : ' ';
    out += s;
  });
  return out;
}
