import type { AxisOptions } from '@xent/core';
import { runPrimitive } from './internal/primitive';
import type { ArrayInput, ArrayOutput } from './types';

/**
 * The softmax along an axis: probabilities from logits, each row non-negative and summing to 1.
 *
 * Formula: softmax(x)_c = exp(x_c) / Σ_k exp(x_k).
 *
 * Stable form: exp(x_c − m) / Σ_k exp(x_k − m) with m the row maximum, so nothing overflows; the
 * result keeps the shape of `x`. Several +∞ logits in one row share the probability equally (1/k each,
 * 0 elsewhere); a row of only −∞ gives NaN.
 *
 * Defaults: `axis: -1`. It takes no other option.
 *
 * Equivalents: PyTorch `F.softmax(x, dim)`, TF.js `tf.softmax(x)` (last axis only there), Keras
 * `ops.softmax`.
 *
 * @throws XentError `INVALID_OPTION` for an unknown option or an axis out of range; `SHAPE_MISMATCH`
 * for a bare number; `INVALID_INPUT` for ragged or non-numeric input.
 *
 * @example
 * ```ts
 * // normal vs pneumonia logits 0 and ln 3: probabilities 1/4 and 3/4
 * softmax([0, Math.log(3)]); // [0.25, 0.75]
 * ```
 */
export function softmax(x: ArrayInput, options?: AxisOptions): ArrayOutput {
  return runPrimitive('softmax', x, options);
}
