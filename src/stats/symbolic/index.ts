/** Distributions as formulas: densities, cdfs, moments and conjugate posteriors as expressions. */
export { DistributionSpecError } from './errors.js';
export { LAWS, LAW_NAMES, type LawSpec } from './laws.js';
export { type LawValue, isLawName, makeLaw, lawExpr, readLaw, isNumericLaw, numericLaw } from './distribution.js';
export {
  pdfExpr, cdfExpr, meanOf, varianceOf, stdOf, setMomentIntegrator, type Moment, type MomentMethod, type Integrator,
} from './formulas.js';
export { conjugatePosterior, type Posterior } from './conjugate.js';
export { type Data, readData, dataValues, dataMean, dataMedian, dataVariance } from './sample.js';
