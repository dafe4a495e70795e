import type { KlDivergenceOptions as CoreOptions } from '@xent/core';
import { type LossFunction, makeLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link klDivergence}; `weights` takes any array input. */
export type KlDivergenceOptions = CoreOptions<ArrayInput>;

/**
 * Kullback–Leibler divergence KL(p ‖ q) along a class axis: how many extra nats a code built for q
 * spends on data from p. `klDivergence(p, q, options)`; `valueAndGrad` differentiates with respect to q.
 *
 * Per position: a = s·Σ_c p_c (log p_c − log q_c); H(p, q) = H(p) + KL(p ‖ q). With `from: 'logits'`,
 * q = softmax(q) along `axis`.
 *
 * Stable form: terms with p_c = 0 are skipped (0 · log 0 = 0); log q from log-sum-exp for logits. The
 * value is not clamped at 0: inputs may be off normalisation by the 1e-4 allowed, and the terms cancel
 * near 0, so its accuracy is absolute relative to Σ|p log p| + Σ|p log q|.
 *
 * Defaults: `from: 'probabilities'`, `axis: -1`, `reduction: 'mean'` (per position, not per element),
 * `base: Math.E`, `onEmpty: 'zero'`, `validate: true`, `epsilon: 0` (probabilities only).
 *
 * Equivalents: PyTorch `F.kl_div(log q, p, reduction='batchmean')` (argument order reversed and q in
 * log space there; its `'mean'` divides by elements); Keras `KLDivergence(y_true, y_pred)` (clips both
 * to [1e-7, 1]).
 *
 * @throws XentError `SHAPE_MISMATCH` when p and q differ in shape; `INVALID_PROBABILITY` for entries
 * outside [0, 1] or rows not summing to 1; `INVALID_OPTION` (e.g. `epsilon` with `from: 'logits'`);
 * `INVALID_INPUT`; `EMPTY_INPUT` with `onEmpty: 'throw'`.
 *
 * @example
 * ```ts
 * klDivergence([1, 0], [0.51, 0.49]); // 0.6733445532637656
 * klDivergence([0.5, 0.5], [0.5, 0.5]); // 0
 * ```
 */
export const klDivergence: LossFunction<KlDivergenceOptions> = makeLoss('klDivergence');
