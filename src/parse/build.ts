/** From the grammar's syntax tree (with source offsets) to interned expressions, checking names and arities. */
import {
  type Expr, type Shape, MINUS_ONE, add, call, define, float, list, mul, neg, num, pow, rel, sym, type RelOp,
} from '../ast/expr.js';
import { ALIASES, CONSTANTS, FUNCTIONS, GREEK, GREEK_FROM_LETTER, lookupFunction } from '../ast/ops.js';
import { ParseError } from './errors.js';
import { ShapeError } from '../ast/shapes.js';

/** A syntax-tree node as built by the grammar's postprocessors. */
export interface Syntax {
  readonly t: 'num' | 'str' | 'id' | 'call' | 'bin' | 'un' | 'fact' | 'list' | 'rel' | 'define';
  readonly at: number;
  readonly kids: readonly Syntax[];
  readonly d: number;
  readonly op?: string;
  readonly text?: string;
  readonly name?: string;
}

/** `α_1` → `alpha_1`: names are stored in ASCII; printers turn them back into letters. */
export function canonicalName(name: string): string {
  let out = '';
  for (const ch of name) {
    const n = GREEK_FROM_LETTER.get(ch);
    out += n === undefined ? ch : (out.length > 0 && /[A-Za-z]$/.test(out) ? '_' : '') + n;
  }
  return out;
}

function numberLiteral(text: string): Expr {
  if (/[.eE]/.test(text)) return float(Number(text), text);
  return num(BigInt(text));
}

const FAMILY: ReadonlyMap<string, string> = new Map([['+', 'add'], ['-', 'add'], ['*', 'mul'], ['/', 'mul']]);

/** `a + b - c + …` or `a b / c …`: walks the left spine without recursion, so long chains are cheap. */
function chain(node: Syntax, source: string): Expr {
  const family = FAMILY.get(node.op!);
  const rights: Syntax[] = [];
  const ops: string[] = [];
  let left = node;
  while (left.t === 'bin' && FAMILY.get(left.op!) === family) {
    rights.push(left.kids[1]!);
    ops.push(left.op!);
    left = left.kids[0]!;
  }
  const parts: Expr[] = [build(left, source)];
  for (let k = rights.length - 1; k >= 0; k--) {
    const r = build(rights[k]!, source);
    const op = ops[k]!;
    parts.push(op === '-' ? neg(r) : op === '/' ? pow(r, MINUS_ONE) : r);
  }
  return family === 'add' ? add(...parts) : orderedProduct(parts);
}

/** How a caller (the Session) knows the shape of a name's value while parsing; undefined: every name is a scalar. */
let shapeHook: ((e: Expr) => Shape) | undefined;

/** Runs `f` with a shape hook in place (parsing is synchronous, so one slot serves). */
export function withShapes<T>(hook: ((e: Expr) => Shape) | undefined, f: () => T): T {
  const saved = shapeHook;
  shapeHook = hook;
  try {
    return f();
  } finally {
    shapeHook = saved;
  }
}

/**
 * A product as written. Scalars commute, so `*` is the constructor's sorted product; but matrices do not, so when a
 * factor is a matrix (by the hook: a list of rows, or a name whose value is one) the factors that are not scalars are
 * multiplied in the order written, as `matmul(A, B)`. Two vectors multiply entry by entry, as in NumPy.
 */
function orderedProduct(parts: readonly Expr[]): Expr {
  const shapeOf = shapeHook ?? ((e: Expr) => e.shape);
  const shapes = parts.map(shapeOf);
  if (shapes.filter((s) => s.length > 0).length < 2 || !shapes.some((s) => s.length >= 2)) return mul(...parts);
  const scalars: Expr[] = [];
  let acc: Expr | undefined;
  let accShape: Shape = [];
  parts.forEach((p, k) => {
    const s = shapes[k]!;
    if (s.length === 0) scalars.push(p);
    else if (acc === undefined) [acc, accShape] = [p, s];
    else if (accShape.length >= 2 || s.length >= 2) {
      checkProductShapes(accShape, s);
      acc = call('matmul', [acc, p]);
      accShape = productShape(accShape, s);
    } else {
      acc = mul(acc, p);
      accShape = s;
    }
  });
  return mul(...scalars, acc!);
}

const showDims = (s: Shape): string => (s.length === 1 ? `a vector of length ${s[0]}` : `a ${s.join('×')} matrix`);

function checkProductShapes(a: Shape, b: Shape): void {
  const inner = a[a.length - 1]!;
  const other = b.length === 1 ? b[0]! : b[b.length - 2]!;
  if (inner !== other) throw new ShapeError(`cannot multiply ${showDims(a)} by ${showDims(b)}: ${inner} columns against ${other} rows`);
}

function productShape(a: Shape, b: Shape): Shape {
  if (a.length === 1) return b.slice(1);
  if (b.length === 1) return a.slice(0, -1);
  return [...a.slice(0, -1), b[b.length - 1]!];
}

export function build(node: Syntax, source: string): Expr {
  try {
    return buildNode(node, source);
  } catch (err) {
    // Constructors reject only what cannot be built (shapes that do not fit); say where.
    if (err instanceof ShapeError) throw new ParseError(err.message, source, node.at);
    throw err;
  }
}

function buildNode(node: Syntax, source: string): Expr {
  const go = (n: Syntax): Expr => build(n, source);
  switch (node.t) {
    case 'num': return numberLiteral(node.text!);
    // A string (a file name for plot): a name that is written with its quotes, so it never meets a variable.
    case 'str': return sym(node.text!);
    case 'id': {
      const name = canonicalName(node.name!);
      const fn = FUNCTIONS.get(ALIASES.get(name) ?? name) ?? lookupFunction(name);
      if (fn !== undefined && !GREEK.has(name) && !CONSTANTS.has(name)) {
        throw new ParseError(`'${name}' is a function; write ${fn.name}(…) with its argument in parentheses`, source, node.at);
      }
      return sym(name);
    }
    case 'call': {
      const written = canonicalName(node.name!);
      const name = ALIASES.get(written) ?? written;
      const args = node.kids.map(go);
      const row = lookupFunction(name);
      if (row !== undefined) {
        const [lo, hi] = row.arity;
        if (args.length < lo || args.length > hi) {
          const want = lo === hi ? `${lo} argument${lo === 1 ? '' : 's'}` : hi === Infinity ? `at least ${lo} argument${lo === 1 ? '' : 's'}` : `${lo} to ${hi} arguments`;
          throw new ParseError(`${name} takes ${want}, got ${args.length}`, source, node.at);
        }
      }
      if (CONSTANTS.has(name)) {
        // `pi(2)` reads as a product; a constant is not a function.
        return mul(sym(name), ...args);
      }
      return call(name, args);
    }
    case 'bin': {
      if (node.op !== '^') return chain(node, source);
      return pow(go(node.kids[0]!), go(node.kids[1]!));
    }
    case 'un': {
      const a = go(node.kids[0]!);
      return node.op === '-' ? neg(a) : a;
    }
    case 'fact': return call('factorial', [go(node.kids[0]!)]);
    case 'list': return list(node.kids.map(go));
    case 'rel': return rel(node.op as RelOp, go(node.kids[0]!), go(node.kids[1]!));
    case 'define': {
      const target = go(node.kids[0]!);
      const value = go(node.kids[1]!);
      if (target.kind === 'call' && FUNCTIONS.has(target.fn)) {
        throw new ParseError(`'${target.fn}' is a built-in function and cannot be redefined`, source, node.kids[0]!.at);
      }
      if (target.kind === 'sym' && CONSTANTS.has(target.name)) {
        throw new ParseError(`'${target.name}' is a constant and cannot be redefined`, source, node.kids[0]!.at);
      }
      const ok = target.kind === 'sym' && !CONSTANTS.has(target.name)
        || (target.kind === 'call' && !FUNCTIONS.has(target.fn) && target.args.every((a) => a.kind === 'sym')
          && new Set(target.args).size === target.args.length);
      if (!ok) {
        throw new ParseError('only a name (a := 3) or a function of distinct names (f(x) := x^2) can be defined', source, node.kids[0]!.at);
      }
      return define(target, value);
    }
  }
}

