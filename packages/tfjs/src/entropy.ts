import type { Tensor } from '@tensorflow/tfjs-core';
import { divergenceLoss } from './internal/divergence';
import type { EntropyOptions, LossTensor, TensorInput } from './types';

/**
 * Shannon entropy H(p) = −Σ_c p_c log p_c of distributions along `axis`, with 0 · log 0 = 0.
 *
 * Per position a_n = s_n H(p_n), reduced like the losses (default `'mean'`); `base: 2` gives bits. Its
 * gradient w.r.t. p is −s (log p + 1). Inputs must be distributions (checked while `validate` is on).
 * PyTorch: `torch.distributions.Categorical(probs=p).entropy()`.
 *
 * @throws {XentError} SHAPE_MISMATCH, INVALID_PROBABILITY, INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT
 * @example
 * ```ts
 * entropy([[0.5, 0.5]], { base: 2 }).dataSync()[0]; // 1 bit = 1
 * ```
 */
export function entropy<O extends EntropyOptions | undefined = undefined>(
  p: TensorInput,
  options?: O,
): LossTensor<O>;
export function entropy(p: TensorInput, options?: EntropyOptions): Tensor {
  return divergenceLoss(SPEC, p, null, options);
}

const SPEC = { fn: 'entropy', family: 'entropy', kind: 'probabilities', focal: false } as const;
