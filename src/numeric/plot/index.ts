/** Plotting for Lousa: adaptive curve sampling and braille terminal plots. */
export { sampleFunction, type SampleOptions, type SampleResult, type SamplePoint, type CurveBreak } from './sample.js';
export { brailleplot, pixelMap, type BraillePlotOptions, type PixelMap } from './braille-plot.js';
export { BrailleCanvas, BRAILLE_BASE, DOT_BITS } from './braille-canvas.js';
export { niceTicks, niceNumber, formatTick, displayRange } from './scale.js';
export { PlotError } from './errors.js';
