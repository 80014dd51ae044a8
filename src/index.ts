/**
 * Lousa's public API (package `lousa`). Each area keeps its own index; this file names them.
 */
export { parse, ParseError } from './parse/parse.js';
export { text } from './render/text.js';
export { latex } from './render/latex.js';
export {
  type Expr, type Num, type Float, type Sym, type Add, type Mul, type Pow, type Call, type List, type Rel, type Define,
  num, float, sym, add, mul, pow, call, list, rel, define, neg, sub, div, int, frac, children, withChildren,
  ZERO, ONE, TWO, MINUS_ONE, HALF, PI, E, I, isNumber, isInteger, numberValue,
} from './ast/expr.js';
export { FUNCTIONS, CONSTANTS, PREC, type FunctionRow } from './ast/ops.js';
export { LimitError, LIMITS } from './ast/limits.js';
export { evaluate, type NumericEnv } from './eval/evaluate.js';
export { N, freeSymbols } from './eval/n.js';
export { EvalError } from './eval/errors.js';
export { Session, defineCommand } from './lang/index.js';
export * from './rewrite/index.js';
export * from './diff/index.js';
export * from './simplify/index.js';
export * from './numeric/compile/index.js';
export * from './nn/index.js';
export * from './integrate/index.js';
export * from './limit/index.js';
export * from './solve/index.js';
