import type { Tensor } from '@tensorflow/tfjs-core';
import { softmaxFamilyLoss } from './internal/softmaxFamily';
import type { LossTensor, SoftmaxOptions, TensorInput } from './types';

/**
 * Negative log-likelihood of log-probabilities (what {@link logSoftmax} returns) along `axis`.
 *
 * Per position: a_n = s_n Σ_c cw_c t'_c (−x_c) — exactly {@link softmaxCrossEntropy} on logits whose
 * log-softmax is x. Linear in x, so its gradient is −s_n cw_c t'_c. The input is taken as given (like
 * PyTorch, no check that it is normalised): for a row that is not a log-distribution it is still −Σ_c t'_c x_c.
 *
 * Defaults as {@link softmaxCrossEntropy}. PyTorch: `F.nll_loss` (which takes no smoothing and only
 * integer labels).
 *
 * @throws {XentError} SHAPE_MISMATCH, INVALID_LABEL, INVALID_PROBABILITY, INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT
 * @example
 * ```ts
 * nllLoss([1], [[Math.log(0.25), Math.log(0.75)]]).dataSync()[0]; // −ln 0.75 = 0.2876821
 * ```
 */
export function nllLoss<O extends SoftmaxOptions | undefined = undefined>(
  targets: TensorInput,
  predictions: TensorInput,
  options?: O,
): LossTensor<O>;
export function nllLoss(targets: TensorInput, predictions: TensorInput, options?: SoftmaxOptions): Tensor {
  return softmaxFamilyLoss(SPEC, targets, predictions, options);
}

const SPEC = { fn: 'nllLoss', family: 'softmax', kind: 'logProbabilities', focal: false } as const;
