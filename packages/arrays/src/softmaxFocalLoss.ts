import type { SoftmaxFocalLossOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link softmaxFocalLoss}; `weights` takes any array input. */
export type SoftmaxFocalLossOptions = CoreOptions<ArrayInput>;

/**
 * Multi-class focal loss of logits (Lin et al., 2017): cross-entropy whose easy, confident terms are
 * scaled down, for heavily imbalanced classes (a rare finding among normal studies).
 *
 * Per position: a = s·Σ_c α_c cw_c t′_c (1 − q_c)^γ (−log q_c), q = softmax(x) along `axis` — one
 * modulating factor per class, so soft and smoothed targets are handled term by term. With γ = 0 and no
 * α it is {@link softmaxCrossEntropy}.
 *
 * Stable form: log q from log-sum-exp, and (1 − q)^γ = exp(γ·log(1 − q)) with log(1 − q) computed as
 * log of the other classes' mass (log-sum-exp over c′ ≠ c), so no γ ≥ 0 and no finite or infinite logit
 * gives NaN in the value or the gradient.
 *
 * Defaults: `gamma: 2`, `alpha` none (1 for every class), `axis: -1`, `reduction: 'mean'` (α never
 * enters the denominator), `base: Math.E`, `onEmpty: 'zero'`, `validate: true`.
 *
 * Equivalents: torchvision's `sigmoid_focal_loss` is the binary form only; Keras
 * `CategoricalFocalCrossentropy(from_logits=True)` (α 0.25 by default there; none here). TF.js has none.
 *
 * @throws XentError as {@link softmaxCrossEntropy}, and `SHAPE_MISMATCH` for a per-class `alpha` of the
 * wrong length; `INVALID_OPTION` for γ < 0 or not finite.
 *
 * @example
 * ```ts
 * // equal logits: q = 1/2 for the true class, so (1 − 1/2)² · ln 2 = ln(2) / 4
 * softmaxFocalLoss(0, [0, 0]); // 0.17328679513998632
 * softmaxFocalLoss(0, [0, 0], { gamma: 0 }); // 0.6931471805599453
 * ```
 */
export const softmaxFocalLoss: LossFunction<SoftmaxFocalLossOptions> = makeLoss('softmaxFocalLoss');
