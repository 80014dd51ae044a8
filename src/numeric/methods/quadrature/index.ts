export type { QuadratureMethod, QuadratureResult } from './types.js';
export { nintegrate, type IntegrateOptions } from './nintegrate.js';
