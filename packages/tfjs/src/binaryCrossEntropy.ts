import type { Tensor } from '@tensorflow/tfjs-core';
import { sigmoidFamilyLoss } from './internal/sigmoidFamily';
import type { BinaryOptions, LossTensor, TensorInput } from './types';

/**
 * Binary cross-entropy on probabilities, per element: a = s · −[pw t' log q + (1 − t') log(1 − q)].
 *
 * log(1 − q) is `log1p(−q)`; with `epsilon` > 0, q is clipped to the float32 numbers nearest ε and 1 − ε
 * first (gradient 0 where clipped). Gradient w.r.t. q: s · [(1 − t')/(1 − q) − pw t'/q], 0 · ∞ taken as 0.
 * Rank-0 inputs are accepted: `binaryCrossEntropy(1, 0.51)` = −ln 0.51.
 *
 * Defaults: `epsilon: 0` (exact: q = 0 under t = 1 gives +Infinity), `reduction: 'mean'`. Keras:
 * `BinaryCrossentropy()` (clips at 1e-7). PyTorch: `BCELoss` (clamps log at −100). TF.js:
 * `tf.losses.logLoss` (adds ε = 1e-7 inside both logs rather than clipping).
 *
 * @throws {XentError} SHAPE_MISMATCH, INVALID_PROBABILITY, INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT
 * @example
 * ```ts
 * binaryCrossEntropy(1, 0.51).dataSync()[0]; // −ln 0.51 = 0.6733446
 * ```
 */
export function binaryCrossEntropy<O extends BinaryOptions | undefined = undefined>(
  targets: TensorInput,
  predictions: TensorInput,
  options?: O,
): LossTensor<O>;
export function binaryCrossEntropy(
  targets: TensorInput,
  predictions: TensorInput,
  options?: BinaryOptions,
): Tensor {
  return sigmoidFamilyLoss(SPEC, targets, predictions, options);
}

const SPEC = { fn: 'binaryCrossEntropy', family: 'sigmoid', kind: 'probabilities', focal: false } as const;
