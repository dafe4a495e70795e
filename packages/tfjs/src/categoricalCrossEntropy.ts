import type { Tensor } from '@tensorflow/tfjs-core';
import { softmaxFamilyLoss } from './internal/softmaxFamily';
import type { CategoricalOptions, LossTensor, TensorInput } from './types';

/**
 * Cross-entropy of predicted probabilities along `axis` against integer labels or target distributions.
 *
 * Per position: a_n = s_n Σ_c cw_c t'_c (−log q_c), with q clipped to [ε, 1 − ε] first when `epsilon` > 0
 * (both bounds the nearest float32 numbers; a clipped entry has gradient 0). Predictions must be
 * distributions (entries in [0, 1], sums within 1e-4 of 1: nothing is renormalised). Prefer
 * {@link softmaxCrossEntropy} on logits: −log q of a float32 probability cannot go below ~6e-8.
 * Gradient w.r.t. q: −s_n cw_c t'_c / q_c.
 *
 * Defaults: `axis: -1`, `epsilon: 0` (exact math: q = 0 under a positive target gives +Infinity),
 * `reduction: 'mean'`. Keras: `CategoricalCrossentropy()` clips at 1e-7 and rescales predictions to sum 1
 * (here `epsilon: 1e-7` clips; nothing is rescaled). PyTorch: `NLLLoss` on `log(q)`.
 *
 * @throws {XentError} SHAPE_MISMATCH, INVALID_LABEL, INVALID_PROBABILITY, INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT
 * @example
 * ```ts
 * categoricalCrossEntropy([1], [[0.25, 0.75]]).dataSync()[0]; // −ln 0.75 = 0.2876821
 * ```
 */
export function categoricalCrossEntropy<O extends CategoricalOptions | undefined = undefined>(
  targets: TensorInput,
  predictions: TensorInput,
  options?: O,
): LossTensor<O>;
export function categoricalCrossEntropy(
  targets: TensorInput,
  predictions: TensorInput,
  options?: CategoricalOptions,
): Tensor {
  return softmaxFamilyLoss(SPEC, targets, predictions, options);
}

const SPEC = {
  fn: 'categoricalCrossEntropy',
  family: 'softmax',
  kind: 'probabilities',
  focal: false,
} as const;
