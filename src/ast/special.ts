/**
 * The special functions the operator table's numeric column needs, taken from src/stats/special (accurate to a
 * few ulps: Cody's erf, a Stirling/Taylor lgamma with exact factorials).
 */
export { erf, gamma } from '../stats/special/index.js';
