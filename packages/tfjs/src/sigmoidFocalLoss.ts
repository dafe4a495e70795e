import type { Tensor } from '@tensorflow/tfjs-core';
import { sigmoidFamilyLoss } from './internal/sigmoidFamily';
import type { LossTensor, SigmoidFocalOptions, TensorInput } from './types';

/**
 * Focal loss on logits, per element: a = s · α_t (1 − p_t)^γ · CE, CE as in {@link sigmoidCrossEntropy}.
 *
 * p_t = q t' + (1 − q)(1 − t'), α_t = α t' + (1 − α)(1 − t') (1 without α). 1 − p_t is formed as
 * t' σ(−x) + (1 − t') σ(x), a sum of non-negative terms, so it keeps its precision as p_t → 1. The
 * gradient is analytic: α_t (1 − p_t)^γ [CE' + γ r (1 − 2t') CE] with r = σ(x)σ(−x)/(1 − p_t) ≤ 1, so γ < 1
 * at saturated logits gives a finite gradient instead of 0 · ∞.
 *
 * Defaults: `gamma: 2`, no α. torchvision: `sigmoid_focal_loss` (α = 0.25 by default there, no posWeight).
 * Keras: `BinaryFocalCrossentropy(from_logits=True)`.
 *
 * @throws {XentError} SHAPE_MISMATCH, INVALID_PROBABILITY, INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT
 * @example
 * ```ts
 * sigmoidFocalLoss([1], [0], { gamma: 1 }).dataSync()[0]; // ½ ln 2 = 0.3465736
 * ```
 */
export function sigmoidFocalLoss<O extends SigmoidFocalOptions | undefined = undefined>(
  targets: TensorInput,
  predictions: TensorInput,
  options?: O,
): LossTensor<O>;
export function sigmoidFocalLoss(
  targets: TensorInput,
  predictions: TensorInput,
  options?: SigmoidFocalOptions,
): Tensor {
  return sigmoidFamilyLoss(SPEC, targets, predictions, options);
}

const SPEC = { fn: 'sigmoidFocalLoss', family: 'sigmoid', kind: 'logits', focal: true } as const;
