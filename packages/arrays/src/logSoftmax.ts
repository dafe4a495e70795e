import type { AxisOptions } from '@xent/core';
import { runPrimitive } from './internal/primitive';
import type { ArrayInput, ArrayOutput } from './types';

/**
 * The log of the softmax along an axis: log-probabilities from logits, the input of {@link nllLoss}.
 *
 * Formula: log softmax(x)_c = x_c − log Σ_k exp(x_k).
 *
 * Stable form: x_c − m − log Σ_k exp(x_k − m) with m the row maximum, so huge logits neither overflow
 * nor collapse to 0 − 0; the result keeps the shape of `x`. Several +∞ logits in one row share the
 * probability (each gets −log k); the other entries of such a row are −∞. A row of only −∞ gives NaN.
 *
 * Defaults: `axis: -1`. It takes no other option.
 *
 * Equivalents: PyTorch `F.log_softmax(x, dim)`, TF.js `tf.logSoftmax(x, axis)`, Keras `ops.log_softmax`.
 *
 * @throws XentError `INVALID_OPTION` for an unknown option or an axis out of range; `SHAPE_MISMATCH`
 * for a bare number; `INVALID_INPUT` for ragged or non-numeric input.
 *
 * @example
 * ```ts
 * // two equal logits: each log-probability is −ln 2
 * logSoftmax([0, 0]); // [-0.6931471805599453, -0.6931471805599453]
 * ```
 */
export function logSoftmax(x: ArrayInput, options?: AxisOptions): ArrayOutput {
  return runPrimitive('logSoftmax', x, options);
}
