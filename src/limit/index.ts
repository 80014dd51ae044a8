/** Limits and series expansions. */
export { limit, NoLimitError, DoesNotExistError, LimitDependsError, type Direction, type LimitOptions } from './limit.js';
export { series, seriesTerms, seriesDisplay, type SeriesResult } from './taylor.js';
