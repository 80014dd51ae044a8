/** Solving equations: one equation in one unknown (solve), systems (solveSystem), and their printed form. */
export { solve, SolveError, type Solutions, type Root, type SolveOptions } from './solve.js';
export { solveSystem, formatSystem, type SystemSolution } from './system.js';
export { formatSolutions } from './format.js';
