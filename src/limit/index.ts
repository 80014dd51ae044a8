/** Limits and series expansions. */
export { limit, series, NoLimitError, type Direction } from './limit.js';
