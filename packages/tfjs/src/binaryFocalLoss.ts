import type { Tensor } from '@tensorflow/tfjs-core';
import { sigmoidFamilyLoss } from './internal/sigmoidFamily';
import type { BinaryFocalOptions, LossTensor, TensorInput } from './types';

/**
 * Focal loss on probabilities, per element: a = s · α_t (1 − p_t)^γ · −[pw t' log q + (1 − t') log(1 − q)].
 *
 * 1 − p_t = t'(1 − q) + (1 − t') q; q clipped to the float32 numbers nearest [ε, 1 − ε] when `epsilon` > 0
 * (gradient 0 where clipped). The γ m^(γ−1) term of the gradient is taken as its limit 0 where 1 − p_t = 0.
 *
 * Defaults: `gamma: 2`, no α, `epsilon: 0`. Keras: `BinaryFocalCrossentropy()` (clips at 1e-7,
 * reduction `'sumOverCount'`).
 *
 * @throws {XentError} SHAPE_MISMATCH, INVALID_PROBABILITY, INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT
 * @example
 * ```ts
 * binaryFocalLoss([1], [0.5], { gamma: 1 }).dataSync()[0]; // ½ ln 2 = 0.3465736
 * ```
 */
export function binaryFocalLoss<O extends BinaryFocalOptions | undefined = undefined>(
  targets: TensorInput,
  predictions: TensorInput,
  options?: O,
): LossTensor<O>;
export function binaryFocalLoss(
  targets: TensorInput,
  predictions: TensorInput,
  options?: BinaryFocalOptions,
): Tensor {
  return sigmoidFamilyLoss(SPEC, targets, predictions, options);
}

const SPEC = { fn: 'binaryFocalLoss', family: 'sigmoid', kind: 'probabilities', focal: true } as const;
