/**
 * Neural networks on the expression DAG: tensor functions with shape rules, reverse-mode gradients as
 * expressions, compiled training steps, layers, losses, optimisers, datasets and checkpoints. Exported as
 * the namespace `nn` (its short names — sum, mean, tanh, … — would collide with other areas').
 */
import './explain.js';
export * as nn from './all.js';
export { NnError } from './errors.js';
