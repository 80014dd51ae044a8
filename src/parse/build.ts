/** From the grammar's syntax tree (with source offsets) to interned expressions, checking names and arities. */
import {
  type Expr, MINUS_ONE, add, call, define, float, list, mul, neg, num, pow, rel, sym, type RelOp,
} from '../ast/expr.js';
import { ALIASES, CONSTANTS, FUNCTIONS, GREEK, GREEK_FROM_LETTER, lookupFunction } from '../ast/ops.js';
import { ParseError } from './errors.js';
import { ShapeError } from '../ast/shapes.js';

/** A syntax-tree node as built by the grammar's postprocessors. */
export interface Syntax {
  readonly t: 'num' | 'id' | 'call' | 'bin' | 'un' | 'fact' | 'list' | 'rel' | 'define';
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

const FAMILY: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { '+': 'add', '-': 'add', '*': 'mul', '/': 'mul' });

/** `a + b - c + …` or `a b / c …`: walks the left spine without recursion, so long chains are cheap. */
function chain(node: Syntax, source: string): Expr {
  const family = FAMILY[node.op!];
  const rights: Syntax[] = [];
  const ops: string[] = [];
  let left = node;
  while (left.t === 'bin' && FAMILY[left.op!] === family) {
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
  return family === 'add' ? add(...parts) : mul(...parts);
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

