import type { Tensor } from '@tensorflow/tfjs-core';
import { elementPrimitive } from './internal/primitive';
import type { TensorInput } from './types';

/**
 * σ(x) = 1/(1 + e^(−x)) for x ≥ 0 and eˣ/(1 + eˣ) below, element-wise, so neither form overflows.
 * Gradient: σ(x) σ(−x). TF.js: `tf.sigmoid`; PyTorch: `torch.sigmoid`.
 *
 * @throws {XentError} INVALID_INPUT, INVALID_OPTION (it takes no options)
 * @example
 * ```ts
 * sigmoid([0]).dataSync()[0]; // 0.5
 * ```
 */
export function sigmoid(x: TensorInput, options?: Record<string, never>): Tensor {
  return elementPrimitive('sigmoid', x, options);
}
