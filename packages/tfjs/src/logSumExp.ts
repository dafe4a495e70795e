import type { Tensor } from '@tensorflow/tfjs-core';
import { rowPrimitive } from './internal/primitive';
import type { AxisOptions, TensorInput } from './types';

/**
 * log Σ_c exp(x_c) along `axis` (default −1), computed as m + log Σ exp(x − m) with m the maximum, so that
 * no exp overflows; several +∞ give +∞; a row of only −∞ gives NaN (as the losses do, SPEC.md
 * "Limits"); NaN propagates. Gradient: softmax(x). TF.js: `tf.logSumExp(x, axis)`; PyTorch: `torch.logsumexp(x, dim)`.
 *
 * @throws {XentError} INVALID_OPTION (unknown option, axis out of range), INVALID_INPUT
 * @example
 * ```ts
 * logSumExp([1e4, 1e4, 1e4, 1e4]).dataSync()[0]; // 1e4 + ln 4 = 10001.386
 * ```
 */
export function logSumExp(x: TensorInput, options?: AxisOptions): Tensor {
  return rowPrimitive('logSumExp', x, options);
}
