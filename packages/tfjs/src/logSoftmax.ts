import type { Tensor } from '@tensorflow/tfjs-core';
import { rowPrimitive } from './internal/primitive';
import type { AxisOptions, TensorInput } from './types';

/**
 * log softmax(x) along `axis` (default −1), as −[(m − x) + log Σ exp(x − m)]: the maximum's entry is exactly
 * −log Σ exp(x − m), which keeps ln C for equal large logits (x − logSumExp(x) loses it in float32).
 * Gradient: dy − softmax(x) Σ dy. TF.js: `tf.logSoftmax`; PyTorch: `F.log_softmax`.
 *
 * @throws {XentError} INVALID_OPTION, INVALID_INPUT
 * @example
 * ```ts
 * logSoftmax([1e4, 1e4]).dataSync()[0]; // −ln 2 = −0.6931472
 * ```
 */
export function logSoftmax(x: TensorInput, options?: AxisOptions): Tensor {
  return rowPrimitive('logSoftmax', x, options);
}
