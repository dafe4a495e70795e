import type { Tensor } from '@tensorflow/tfjs-core';
import { softmaxFamilyLoss } from './internal/softmaxFamily';
import type { LossTensor, SoftmaxOptions, TensorInput } from './types';

/**
 * Cross-entropy of softmax(logits) along `axis` against integer class labels or target distributions.
 *
 * Per position: a_n = s_n Σ_c cw_c t'_c (−log q_c), q = softmax(x), t' = (1 − ε) t + ε / C with C the size of
 * the class axis. In float32 each −log q_c is kept as (max − x_c) + log Σ exp(x − max), so equal logits of 1e4
 * give exactly ln C and losses below 1e-8 keep their value (`x − logSumExp(x)` gives 1.386719 and 0 there).
 * On cpu and wasm the value comes from core's float64 kernels, rounded once to float32; on other backends the
 * composite form sums in blocks. Either way a mean over 10⁶ positions stays within 1e-5 relative.
 * The gradient is analytic (`tf.customGrad`): s_n (q Σ_c u_c − u) with u_c = cw_c t'_c, finite for ±∞ logits;
 * with soft targets it also flows to the targets (∂a/∂t_c = s_n (1 − ε) cw_c (−log q_c)).
 *
 * Defaults: `axis: -1`, `reduction: 'mean'` (Σ a_n / Σ w_n, w_n = s_n cw_{y_n}), no smoothing.
 * PyTorch: `F.cross_entropy` (class axis 1 there, same weighted mean, same `ignore_index`, same smoothing).
 * Keras: `CategoricalCrossentropy(from_logits=True)` / `SparseCategoricalCrossentropy` (Keras' default
 * reduction is `'sumOverCount'`). TF.js: `tf.losses.softmaxCrossEntropy(onehot, logits)` — last axis only,
 * smoothing reads C from `shape[1]`, its gradient w.r.t. soft labels is `labels − softmax` (the true one is
 * −log q), and it has no sparse labels, class weights or ignore index.
 *
 * @param targets integer labels (int32, or integer-valued float) shaped like `predictions` without the class
 *   axis, or distributions shaped like `predictions`
 * @param predictions logits
 * @returns a scalar tensor, or per-position losses for `reduction: 'none'`
 * @throws {XentError} SHAPE_MISMATCH, INVALID_LABEL, INVALID_PROBABILITY (soft targets off [0, 1] or not
 *   summing to 1), INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT (see SPEC.md "Bad input")
 * @example
 * ```ts
 * softmaxCrossEntropy([0], [[0, 0, 0, 0]]).dataSync()[0]; // ln 4 = 1.3862944
 * ```
 */
export function softmaxCrossEntropy<O extends SoftmaxOptions | undefined = undefined>(
  targets: TensorInput,
  predictions: TensorInput,
  options?: O,
): LossTensor<O>;
export function softmaxCrossEntropy(
  targets: TensorInput,
  predictions: TensorInput,
  options?: SoftmaxOptions,
): Tensor {
  return softmaxFamilyLoss(SPEC, targets, predictions, options);
}

const SPEC = { fn: 'softmaxCrossEntropy', family: 'softmax', kind: 'logits', focal: false } as const;
