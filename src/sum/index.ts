/** Symbolic sums and products. */
import './labels.js';
export { symbolicSum, type SumResult, type SumStep, type SumOptions } from './sum.js';
export { symbolicProd, type ProdResult } from './prod.js';
export { SumError, DivergesError } from './errors.js';
