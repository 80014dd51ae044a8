/** Lousa's public API. */
export { parse, ParseError } from './parse/parse.js';
export { text } from './render/text.js';
export * from './ast/expr.js';
export { latex } from './render/latex.js';
