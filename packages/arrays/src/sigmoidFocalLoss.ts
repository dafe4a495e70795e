import type { SigmoidFocalLossOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link sigmoidFocalLoss}; `weights` and `posWeight` take any array input. */
export type SigmoidFocalLossOptions = CoreOptions<ArrayInput>;

/**
 * Binary / multi-label focal loss of logits (Lin et al., 2017), as in dense detection.
 *
 * Per element: ℓ = α_t (1 − p_t)^γ · −[pw·t′ log q + (1 − t′) log(1 − q)], q = σ(x),
 * p_t = q t′ + (1 − q)(1 − t′), α_t = α t′ + (1 − α)(1 − t′) (1 without α).
 *
 * Stable form: log q = −softplus(−x) and log(1 − q) = −softplus(x); the factor (1 − p_t)^γ is formed in
 * log space, so |x| up to 1e300 and ±∞ give no NaN in the value or the gradient, whatever γ ≥ 0.
 *
 * Defaults: `gamma: 2`, `alpha` none, `reduction: 'mean'`, `base: Math.E`, `onEmpty: 'zero'`,
 * `validate: true`.
 *
 * Equivalents: torchvision `ops.sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2)` (argument
 * order predictions first there, α 0.25 by default there, none here); Keras
 * `BinaryFocalCrossentropy(from_logits=True, apply_class_balancing=True)` for α.
 *
 * @throws XentError as {@link sigmoidCrossEntropy}; `INVALID_OPTION` for α outside [0, 1] or γ < 0.
 *
 * @example
 * ```ts
 * // logit 0 is q = 1/2: (1 − 1/2)² · ln 2
 * sigmoidFocalLoss(1, 0); // 0.17328679513998632
 * ```
 */
export const sigmoidFocalLoss: LossFunction<SigmoidFocalLossOptions> = makeLoss('sigmoidFocalLoss');
