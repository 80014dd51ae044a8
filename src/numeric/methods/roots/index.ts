export type { RealFunction, RootResult, RootOptions } from './types.js';
export { bisection } from './bisection.js';
export { brent } from './brent.js';
export { newton, type NewtonOptions } from './newton.js';
export { findBracket, scanBrackets, type Bracket, type FindBracketOptions } from './bracket.js';
