/**
 * Losses. Cross-entropy is computed from logits as mean(logsumexp(z) − z_y): log-softmax never forms the
 * probabilities, and log-sum-exp subtracts the maximum, so nothing overflows. Binary cross-entropy from logits
 * uses max(z, 0) − z t + log(1 + e^(−|z|)), the same value written so that exp never sees a large argument.
 */
import { type Expr, ONE, ZERO, add, call, mul, neg, pow, sub, frac } from '../ast/expr.js';
import { showShape } from '../ast/shapes.js';
import { NnError } from './errors.js';
import { logsumexp, mean, pick, reshape } from './tensor.js';

/** Mean squared error. */
export function mse(pred: Expr, target: Expr): Expr {
  return mean(pow(sub(pred, target), frac(2, 1)));
}

/** log softmax over the last axis, stably. */
export function logSoftmax(z: Expr): Expr {
  const s = z.shape;
  return sub(z, reshape(logsumexp(z, -1), [...s.slice(0, -1), 1]));
}

/** Mean cross-entropy of integer targets (shape = logits' shape without the last axis) under softmax(logits). */
export function crossEntropy(logits: Expr, targets: Expr): Expr {
  if (logits.shape.length < 1 || showShape(logits.shape.slice(0, -1)) !== showShape(targets.shape)) {
    throw new NnError(`cross-entropy: logits ${showShape(logits.shape)} and targets ${showShape(targets.shape)} do not fit`);
  }
  return mean(sub(logsumexp(logits, -1), pick(logits, targets)));
}

/** Mean binary cross-entropy of 0/1 targets under sigmoid(logits). */
export function binaryCrossEntropy(logits: Expr, targets: Expr): Expr {
  const z = logits;
  const term = add(call('max', [z, ZERO]), neg(mul(z, targets)), call('log', [add(ONE, call('exp', [neg(call('abs', [z]))]))]));
  return mean(term);
}
