import type { SoftmaxCrossEntropyOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link softmaxCrossEntropy}; `weights` takes any array input. */
export type SoftmaxCrossEntropyOptions = CoreOptions<ArrayInput>;

/**
 * Softmax cross-entropy of logits along a class axis — the standard multi-class classification loss.
 *
 * Per position: a = s·Σ_c cw_c t′_c (logSumExp(x) − x_c), i.e. −Σ t′ log softmax(x), with t the target
 * distribution (one-hot for an integer label), t′ = (1 − ε)t + ε/C under label smoothing, cw the
 * `classWeights`, s the sample weight. Integer labels are shaped like the logits without the class axis;
 * distributions like the logits. A rank-1 input [C] is one sample with a bare-number label.
 *
 * Stable form: log-softmax through log-sum-exp with the row maximum taken out, so logits of any
 * magnitude (1e300, ±∞) neither overflow nor lose the small differences; several +∞ logits share the
 * probability; a zero target term is skipped, so a −∞ logit of a non-target class gives no NaN.
 *
 * Defaults: `axis: -1`, `reduction: 'mean'` (with `classWeights`: Σ a / Σ s·cw[y], PyTorch's rule),
 * `base: Math.E`, `onEmpty: 'zero'`, `validate: true`, `labelSmoothing: 0`.
 *
 * Equivalents: PyTorch `nn.CrossEntropyLoss` (`weight` ≙ `classWeights`, `ignore_index` ≙
 * `ignoreIndex`, `label_smoothing` ≙ `labelSmoothing`, class axis 1 there — pass `axis: 1` for [N, C, H, W]);
 * Keras `CategoricalCrossentropy(from_logits=True)` / `SparseCategoricalCrossentropy(from_logits=True)`;
 * TF.js `tf.losses.softmaxCrossEntropy(onehotLabels, logits)` (one-hot only; its smoothing is ε/C too).
 *
 * @throws XentError `SHAPE_MISMATCH` for targets that fit neither encoding (also swapped arguments) or
 * `classWeights` of the wrong length; `INVALID_LABEL` for a label that is not an integer in [0, C) nor
 * `ignoreIndex`; `INVALID_PROBABILITY` for distribution targets outside [0, 1] or not summing to 1;
 * `INVALID_OPTION`; `INVALID_INPUT`; `EMPTY_INPUT` with `onEmpty: 'throw'`.
 *
 * @example
 * ```ts
 * // normal (0), pneumonia (1), malignancy (2): two studies, labelled normal and malignancy
 * softmaxCrossEntropy([0, 2], [[2, 0.5, -1], [0.1, 0.2, 3]]); // 0.1754563805893112
 * // logits ln 0.51 and ln 0.49 are the worked example's probabilities
 * softmaxCrossEntropy(0, [Math.log(0.51), Math.log(0.49)]); // 0.6733445532637656
 * ```
 */
export const softmaxCrossEntropy: LossFunction<SoftmaxCrossEntropyOptions> = makeLoss('softmaxCrossEntropy');
