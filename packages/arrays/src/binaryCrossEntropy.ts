import type { BinaryCrossEntropyOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link binaryCrossEntropy}; `weights` and `posWeight` take any array input. */
export type BinaryCrossEntropyOptions = CoreOptions<ArrayInput>;

/**
 * Binary cross-entropy of probabilities, one independent yes/no output per element (binary and
 * multi-label classification).
 *
 * Per element: ℓ = −[pw·t′ log q + (1 − t′) log(1 − q)], with t′ = (1 − ε)t + ε/2 under label smoothing
 * ε and pw the `posWeight` (1 without it); natural log unless `base` is given. Targets and predictions
 * have one shape (a bare number is rank 0); targets are in [0, 1] (soft targets allowed).
 *
 * Stable form: log(1 − q) is `log1p(−q)`, so q near 0 loses nothing, and a zero target term is skipped
 * (0 · log 0 = 0), so q = 0 or 1 gives a finite loss wherever the true value is finite and +∞ exactly
 * where it is infinite. Nothing is clipped unless you ask: `epsilon` (default 0) clips q to
 * [ε, 1 − ε] first, with gradient 0 where clipped.
 *
 * Defaults: `reduction: 'mean'`, `base: Math.E`, `onEmpty: 'zero'`, `validate: true`, `epsilon: 0`.
 * Options: `weights`, `posWeight`, `ignoreValue`, `labelSmoothing`, `epsilon`, `reduction`, `base`,
 * `onEmpty`, `validate`.
 *
 * Equivalents: PyTorch `F.binary_cross_entropy` (which clamps log at −100; here −log 0 is +∞);
 * Keras `BinaryCrossentropy(from_logits=False)` (which clips to 1e-7 by default: pass `epsilon: 1e-7`
 * for its numbers, and note that Keras averages over the last axis first); TF.js `tf.losses.logLoss`
 * (epsilon 1e-7 added inside the logs). Prefer {@link sigmoidCrossEntropy} on logits when you have them.
 *
 * @throws XentError `SHAPE_MISMATCH` when the shapes differ; `INVALID_PROBABILITY` for a target or
 * prediction outside [0, 1] or a NaN target; `INVALID_OPTION` for an option it does not take or a value
 * outside its domain; `INVALID_INPUT` for ragged or non-numeric input or bad weights; `EMPTY_INPUT` with
 * `onEmpty: 'throw'` when everything is ignored.
 *
 * @example
 * ```ts
 * // the worked example: a radiograph with pneumonia (target 1), predicted 0.51 → −ln 0.51 nats
 * binaryCrossEntropy(1, 0.51); // 0.6733445532637656
 * binaryCrossEntropy(1, 0.98); // 0.020202707317519466
 * binaryCrossEntropy(1, 0.51, { base: 2 }); // 0.9714308478032291
 * binaryCrossEntropy([1, 0], [0.51, 0.49], { reduction: 'none' }); // [0.6733445532637656, 0.6733445532637656]
 * ```
 */
export const binaryCrossEntropy: LossFunction<BinaryCrossEntropyOptions> = makeLoss('binaryCrossEntropy');
