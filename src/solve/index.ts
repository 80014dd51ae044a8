/** Solving equations symbolically. */
export { solve, SolveError, type Solutions } from './solve.js';
