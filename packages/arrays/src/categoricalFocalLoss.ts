import type { CategoricalFocalLossOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link categoricalFocalLoss}; `weights` takes any array input. */
export type CategoricalFocalLossOptions = CoreOptions<ArrayInput>;

/**
 * Multi-class focal loss of predicted probabilities along a class axis.
 *
 * Per position: a = s·Σ_c α_c cw_c t′_c (1 − q_c)^γ (−log q_c). With γ = 0 and no α it is
 * {@link categoricalCrossEntropy}.
 *
 * Stable form: the factor is exp(γ·log1p(−q_c)), so q_c = 1 gives exactly 0 (never 0 · ∞) and q_c = 0
 * for the target class gives +∞; zero targets are skipped. Rows must sum to 1 within 1e-4; nothing is
 * clipped unless `epsilon` (default 0) asks for it.
 *
 * Defaults: `gamma: 2`, `alpha` none, `axis: -1`, `reduction: 'mean'`, `base: Math.E`,
 * `onEmpty: 'zero'`, `validate: true`, `epsilon: 0`.
 *
 * Equivalents: Keras `CategoricalFocalCrossentropy(from_logits=False)` (which clips to 1e-7, renormalises
 * rows and defaults α to 0.25). PyTorch and TF.js have none built in.
 *
 * @throws XentError as {@link categoricalCrossEntropy}, and `SHAPE_MISMATCH` for a per-class `alpha` of
 * the wrong length.
 *
 * @example
 * ```ts
 * // pneumonia predicted 0.51: (1 − 0.51)² · (−ln 0.51)
 * categoricalFocalLoss([1, 0], [0.51, 0.49]); // 0.1616700272386301
 * ```
 */
export const categoricalFocalLoss: LossFunction<CategoricalFocalLossOptions> =
  makeLoss('categoricalFocalLoss');
