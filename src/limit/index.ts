/** Limits and series expansions. */
export { limit, NoLimitError, type Direction } from './limit.js';
export { series, seriesTerms, seriesDisplay, type SeriesResult } from './taylor.js';
