import type { Tensor } from '@tensorflow/tfjs-core';
import { sigmoidFamilyLoss } from './internal/sigmoidFamily';
import type { LossTensor, SigmoidOptions, TensorInput } from './types';

/**
 * Binary cross-entropy on logits, one independent output per element (binary and multi-label).
 *
 * Per element: a = s · [pw t' softplus(−x) + (1 − t') softplus(x)] = s · −[pw t' log σ(x) + (1 − t') log(1 − σ(x))],
 * t' = (1 − ε) t + ε/2. softplus(x) = max(x, 0) + log1p(e^(−|x|)): no overflow at large |x| and full precision
 * for tiny losses (tf's `log(1 + eˣ)` loses relative precision for x ≪ 0). Gradient (analytic):
 * s · [(1 − t') σ(x) − pw t' σ(−x)], finite for ±∞ logits; w.r.t. soft targets s (1 − ε)(pw softplus(−x) − softplus(x)).
 *
 * Defaults: no `posWeight` (1), `reduction: 'mean'`. PyTorch: `BCEWithLogitsLoss(pos_weight=…)`. Keras:
 * `BinaryCrossentropy(from_logits=True)` (reduction `'sumOverCount'`; Keras averages over the last axis
 * first). TF.js: `tf.losses.sigmoidCrossEntropy(labels, logits)` (no posWeight, no ignore value).
 * `ignoreValue` (e.g. −1 for "uncertain" findings) removes elements from every sum and count.
 *
 * @throws {XentError} SHAPE_MISMATCH, INVALID_PROBABILITY (targets off [0, 1]), INVALID_OPTION,
 *   INVALID_INPUT (negative or non-finite weights or posWeight), EMPTY_INPUT
 * @example
 * ```ts
 * sigmoidCrossEntropy([1, 0], [0, 0], { posWeight: 3 }).dataSync()[0]; // (3 ln 2 + ln 2) / 2 = 1.3862944
 * ```
 */
export function sigmoidCrossEntropy<O extends SigmoidOptions | undefined = undefined>(
  targets: TensorInput,
  predictions: TensorInput,
  options?: O,
): LossTensor<O>;
export function sigmoidCrossEntropy(
  targets: TensorInput,
  predictions: TensorInput,
  options?: SigmoidOptions,
): Tensor {
  return sigmoidFamilyLoss(SPEC, targets, predictions, options);
}

const SPEC = { fn: 'sigmoidCrossEntropy', family: 'sigmoid', kind: 'logits', focal: false } as const;
