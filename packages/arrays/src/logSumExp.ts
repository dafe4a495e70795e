import type { AxisOptions } from '@xent/core';
import { runPrimitive } from './internal/primitive';
import type { ArrayInput, ArrayOutput } from './types';

/**
 * log Σ exp x along an axis, without overflow: the log of the softmax's normaliser.
 *
 * Formula: LSE(x) = log Σ_c exp(x_c) = m + log Σ_c exp(x_c − m), m = max_c x_c.
 *
 * Stable form: the row maximum is taken out first, so no exponential overflows (logits of 1e300 work)
 * and a row with small differences keeps them. A row holding +∞ gives +∞; a row of only −∞ gives −∞;
 * a NaN entry gives NaN.
 *
 * The axis is removed from the result: a rank-1 input gives a number, a [N, C] input with `axis: -1`
 * gives N values (nested arrays for nested input, a float64 `{ data, shape }` view for typed-array or
 * view input).
 *
 * Defaults: `axis: -1`. It takes no other option.
 *
 * Equivalents: PyTorch `torch.logsumexp(x, dim)`, TF.js `tf.logSumExp(x, axis)`, SciPy
 * `scipy.special.logsumexp`; Keras `ops.logsumexp`.
 *
 * @throws XentError `INVALID_OPTION` for an unknown option or an axis out of range; `SHAPE_MISMATCH`
 * for a bare number (it has no axis); `INVALID_INPUT` for ragged or non-numeric input.
 *
 * @example
 * ```ts
 * // log(e^0 + e^0) = ln 2
 * logSumExp([0, 0]); // 0.6931471805599453
 * // 1000 + ln 2, with no overflow
 * logSumExp([1000, 1000]); // 1000.6931471805599
 * ```
 */
export function logSumExp(x: ArrayInput, options?: AxisOptions): ArrayOutput {
  return runPrimitive('logSumExp', x, options);
}
