import type { Tensor } from '@tensorflow/tfjs-core';
import { rowPrimitive } from './internal/primitive';
import type { AxisOptions, TensorInput } from './types';

/**
 * softmax(x) = exp(x − logSumExp(x)) along `axis` (default −1); several +∞ share the mass equally.
 * Gradient: q (dy − Σ dy q). TF.js: `tf.softmax` (last axis only); PyTorch: `F.softmax`.
 *
 * @throws {XentError} INVALID_OPTION, INVALID_INPUT
 * @example
 * ```ts
 * softmax([0, Math.log(3)]).dataSync(); // [0.25, 0.75]
 * ```
 */
export function softmax(x: TensorInput, options?: AxisOptions): Tensor {
  return rowPrimitive('softmax', x, options);
}
