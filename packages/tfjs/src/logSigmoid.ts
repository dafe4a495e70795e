import type { Tensor } from '@tensorflow/tfjs-core';
import { elementPrimitive } from './internal/primitive';
import type { TensorInput } from './types';

/**
 * log σ(x) = −softplus(−x) = −[max(−x, 0) + log1p(e^(−|x|))], element-wise: no overflow, and full precision
 * for x ≫ 0 where log σ(x) ≈ −e^(−x). Gradient: σ(−x). TF.js: `tf.logSigmoid`; PyTorch: `F.logsigmoid`.
 *
 * @throws {XentError} INVALID_INPUT, INVALID_OPTION (it takes no options)
 * @example
 * ```ts
 * logSigmoid([0]).dataSync()[0]; // −ln 2 = −0.6931472
 * ```
 */
export function logSigmoid(x: TensorInput, options?: Record<string, never>): Tensor {
  return elementPrimitive('logSigmoid', x, options);
}
