import type { Tensor } from '@tensorflow/tfjs-core';
import { divergenceLoss } from './internal/divergence';
import type { KlDivergenceOptions, LossTensor, TensorInput } from './types';

/**
 * Kullback–Leibler divergence KL(p ‖ q) = Σ_c p_c (log p_c − log q_c) along `axis`, 0 · log 0 = 0.
 *
 * q holds probabilities (default; optionally clipped by `epsilon`) or logits with `from: 'logits'` (−log q
 * from the stable max-shifted log-sum-exp form). Not clamped at 0: inputs may be off normalisation by the
 * 1e-4 allowed, and its accuracy is absolute relative to Σ|p log p| + Σ|p log q|. Gradients flow to q
 * (−s p/q, or s (q Σp − p) for logits) and to p (s (log p + 1 − log q)).
 * PyTorch: `F.kl_div(log q, p, reduction='batchmean')` (arguments in the other order and log-space input).
 * Keras: `KLDivergence()` (clips both p and q to [1e-7, 1]).
 *
 * @throws {XentError} SHAPE_MISMATCH, INVALID_PROBABILITY, INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT
 * @example
 * ```ts
 * klDivergence([[1, 0]], [[0.5, 0.5]]).dataSync()[0]; // ln 2 = 0.6931472
 * ```
 */
export function klDivergence<O extends KlDivergenceOptions | undefined = undefined>(
  p: TensorInput,
  q: TensorInput,
  options?: O,
): LossTensor<O>;
export function klDivergence(p: TensorInput, q: TensorInput, options?: KlDivergenceOptions): Tensor {
  return divergenceLoss(SPEC, p, q, options);
}

const SPEC = { fn: 'klDivergence', family: 'kl', kind: 'probabilities', focal: false } as const;
