export { solveOde, type OdeFunction, type OdeOptions, type OdeResult } from './solve-ode.js';
