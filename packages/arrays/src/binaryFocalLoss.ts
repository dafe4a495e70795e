import type { BinaryFocalLossOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link binaryFocalLoss}; `weights` and `posWeight` take any array input. */
export type BinaryFocalLossOptions = CoreOptions<ArrayInput>;

/**
 * Binary / multi-label focal loss of probabilities.
 *
 * Per element: ℓ = α_t (1 − p_t)^γ · −[pw·t′ log q + (1 − t′) log(1 − q)], p_t = q t′ + (1 − q)(1 − t′),
 * α_t = α t′ + (1 − α)(1 − t′) (1 without α).
 *
 * Stable form: log(1 − q) as log1p(−q); the factor as exp(γ·log(1 − p_t)), so a certain, correct
 * prediction gives exactly 0 and a certain, wrong one +∞, never NaN. Nothing is clipped unless
 * `epsilon` (default 0) asks for it.
 *
 * Defaults: `gamma: 2`, `alpha` none, `reduction: 'mean'`, `base: Math.E`, `onEmpty: 'zero'`,
 * `validate: true`, `epsilon: 0`.
 *
 * Equivalents: Keras `BinaryFocalCrossentropy(from_logits=False)` (clips to 1e-7; `alpha` applies only
 * with `apply_class_balancing=True`). PyTorch and TF.js have no probability form.
 *
 * @throws XentError as {@link binaryCrossEntropy}; `INVALID_OPTION` for α outside [0, 1] or γ < 0.
 *
 * @example
 * ```ts
 * // pneumonia predicted 0.51: (1 − 0.51)² · (−ln 0.51)
 * binaryFocalLoss(1, 0.51); // 0.1616700272386301
 * ```
 */
export const binaryFocalLoss: LossFunction<BinaryFocalLossOptions> = makeLoss('binaryFocalLoss');
