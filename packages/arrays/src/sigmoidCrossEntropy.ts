import type { SigmoidCrossEntropyOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link sigmoidCrossEntropy}; `weights` and `posWeight` take any array input. */
export type SigmoidCrossEntropyOptions = CoreOptions<ArrayInput>;

/**
 * Sigmoid cross-entropy of logits: binary cross-entropy with q = σ(x), one independent output per
 * element (binary and multi-label).
 *
 * Per element: ℓ = −[pw·t′ log σ(x) + (1 − t′) log(1 − σ(x))] = pw·t′·softplus(−x) + (1 − t′)·softplus(x),
 * t′ = (1 − ε)t + ε/2 under label smoothing ε, pw the `posWeight` (1 without it).
 *
 * Stable form: softplus(z) = max(z, 0) + log1p(exp(−|z|)) never overflows, so |x| up to 1e300 and ±∞
 * give the exact loss (0 or +∞ where due), never NaN; a zero target term is skipped (0 · ∞ = 0).
 *
 * Defaults: `reduction: 'mean'`, `base: Math.E`, `onEmpty: 'zero'`, `validate: true`.
 * Options: `weights`, `posWeight`, `ignoreValue`, `labelSmoothing`, `reduction`, `base`, `onEmpty`,
 * `validate`.
 *
 * Equivalents: PyTorch `BCEWithLogitsLoss` (`pos_weight` ≙ `posWeight`, `weight` ≙ `weights`, but its
 * `'mean'` divides by the element count: use `reduction: 'sumOverCount'` for its numbers with weights);
 * Keras `BinaryCrossentropy(from_logits=True)`; TF.js `tf.losses.sigmoidCrossEntropy(labels, logits)`
 * (its default reduction is `SUM_BY_NONZERO_WEIGHTS` ≙ `'sumOverNonzeroWeights'`).
 *
 * @throws XentError `SHAPE_MISMATCH` when the shapes differ; `INVALID_PROBABILITY` for a target outside
 * [0, 1] or NaN (also what passing logits as targets gives); `INVALID_OPTION`; `INVALID_INPUT`;
 * `EMPTY_INPUT` with `onEmpty: 'throw'`.
 *
 * @example
 * ```ts
 * // logit ln(0.51 / 0.49) is probability 0.51: the worked example again
 * sigmoidCrossEntropy(1, Math.log(0.51 / 0.49)); // 0.6733445532637656
 * sigmoidCrossEntropy(0, 0); // 0.6931471805599453
 * ```
 */
export const sigmoidCrossEntropy: LossFunction<SigmoidCrossEntropyOptions> = makeLoss('sigmoidCrossEntropy');
