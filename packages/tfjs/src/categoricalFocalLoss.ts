import type { Tensor } from '@tensorflow/tfjs-core';
import { softmaxFamilyLoss } from './internal/softmaxFamily';
import type { CategoricalFocalOptions, LossTensor, TensorInput } from './types';

/**
 * Focal loss on probabilities along `axis`: a_n = s_n Σ_c α_c cw_c t'_c (1 − q_c)^γ (−log q_c).
 *
 * Predictions must be distributions (checked, never renormalised); `epsilon` clips them to the float32
 * numbers nearest ε and 1 − ε, with gradient 0 where clipped. Gradient w.r.t. q_c:
 * −u_c (1 − q_c)^γ (1/q_c + γ (−log q_c)/(1 − q_c)), the last ratio taken as 1 at q_c = 1 (finite for γ < 1).
 *
 * Defaults: `gamma: 2`, no α, `epsilon: 0`, `reduction: 'mean'`. Keras: `CategoricalFocalCrossentropy()`
 * (α 0.25, clipping at 1e-7 and rescaling of predictions by default; neither happens here).
 *
 * @throws {XentError} SHAPE_MISMATCH, INVALID_LABEL, INVALID_PROBABILITY, INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT
 * @example
 * ```ts
 * categoricalFocalLoss([1], [[0.5, 0.5]], { gamma: 1 }).dataSync()[0]; // ½ ln 2 = 0.3465736
 * ```
 */
export function categoricalFocalLoss<O extends CategoricalFocalOptions | undefined = undefined>(
  targets: TensorInput,
  predictions: TensorInput,
  options?: O,
): LossTensor<O>;
export function categoricalFocalLoss(
  targets: TensorInput,
  predictions: TensorInput,
  options?: CategoricalFocalOptions,
): Tensor {
  return softmaxFamilyLoss(SPEC, targets, predictions, options);
}

const SPEC = { fn: 'categoricalFocalLoss', family: 'softmax', kind: 'probabilities', focal: true } as const;
