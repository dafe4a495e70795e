import type { NllLossOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link nllLoss}; `weights` takes any array input. */
export type NllLossOptions = CoreOptions<ArrayInput>;

/**
 * Negative log-likelihood of log-probabilities along a class axis (what {@link logSoftmax} returns).
 *
 * Per position: a = s·Σ_c cw_c t′_c (−ℓ_c) with ℓ the log-probabilities; it equals
 * {@link softmaxCrossEntropy} on any logits whose log-softmax is ℓ, options included (label smoothing,
 * class weights, ignoreIndex, reductions).
 *
 * Stable form: the input is already in log space, so nothing is exponentiated for the value; zero
 * target terms are skipped, so ℓ_c = −∞ for a class that is not the target gives no NaN.
 *
 * Defaults: `axis: -1`, `reduction: 'mean'`, `base: Math.E`, `onEmpty: 'zero'`, `validate: true`.
 *
 * Equivalents: PyTorch `nn.NLLLoss` (class axis 1 there; its label smoothing is only in
 * `CrossEntropyLoss`, here the same smoothing applies). Keras and TF.js have none.
 *
 * @throws XentError `SHAPE_MISMATCH`; `INVALID_LABEL`; `INVALID_PROBABILITY` for distribution targets;
 * `INVALID_OPTION`; `INVALID_INPUT`; `EMPTY_INPUT` with `onEmpty: 'throw'`.
 *
 * @example
 * ```ts
 * nllLoss(0, [Math.log(0.51), Math.log(0.49)]); // 0.6733445532637656
 * ```
 */
export const nllLoss: LossFunction<NllLossOptions> = makeLoss('nllLoss');
