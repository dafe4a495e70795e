import type { CategoricalCrossEntropyOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link categoricalCrossEntropy}; `weights` takes any array input. */
export type CategoricalCrossEntropyOptions = CoreOptions<ArrayInput>;

/**
 * Cross-entropy of predicted probabilities along a class axis (multi-class classification).
 *
 * Per position: a = s·Σ_c cw_c t′_c (−log q_c), where t is the target distribution (one-hot for an
 * integer label), t′ = (1 − ε)t + ε/C under label smoothing ε, cw the `classWeights` and s the sample
 * weight. Targets are integer labels shaped like the predictions without the class axis, or
 * distributions shaped like the predictions; a rank-1 prediction [C] is one sample with a bare-number
 * label.
 *
 * Stable form: terms with t′_c = 0 are skipped (0 · log 0 = 0), so q_c = 0 for a class that is not the
 * target gives no NaN; q_c = 0 for the target class gives +∞ exactly. Predictions are not renormalised
 * (a row must sum to 1 within 1e-4) and not clipped unless `epsilon` (default 0) asks for it.
 *
 * Defaults: `axis: -1`, `reduction: 'mean'` (Σ a / Σ w with w = s·cw[y], PyTorch's weighted mean),
 * `base: Math.E`, `onEmpty: 'zero'`, `validate: true`, `epsilon: 0`.
 *
 * Equivalents: Keras `CategoricalCrossentropy` / `SparseCategoricalCrossentropy` (which clip to 1e-7
 * and renormalise: here an unnormalised row is an error); PyTorch `NLLLoss` on `log(q)`; TF.js has no
 * probability form besides `tf.metrics.categoricalCrossentropy`. Prefer {@link softmaxCrossEntropy} on
 * logits when you have them.
 *
 * @throws XentError `SHAPE_MISMATCH` for targets that fit neither encoding (also swapped arguments) or
 * `classWeights` of the wrong length; `INVALID_LABEL`; `INVALID_PROBABILITY` for entries outside [0, 1]
 * or rows not summing to 1; `INVALID_OPTION`; `INVALID_INPUT`; `EMPTY_INPUT` with `onEmpty: 'throw'`.
 *
 * @example
 * ```ts
 * // one-hot "pneumonia" against [0.51, 0.49], and the same with a bare-number label
 * categoricalCrossEntropy([1, 0], [0.51, 0.49]); // 0.6733445532637656
 * categoricalCrossEntropy(0, [0.51, 0.49]); // 0.6733445532637656
 * ```
 */
export const categoricalCrossEntropy: LossFunction<CategoricalCrossEntropyOptions> =
  makeLoss('categoricalCrossEntropy');
