import type { Tensor } from '@tensorflow/tfjs-core';
import { describe, fail } from './internal/errors';
import { PER_SAMPLE } from './internal/options';
import type { Reduction, TensorInput } from './types';

/** Any xent loss: `(targets, predictions, options) => Tensor`. */
export type LossFunction<O> = (targets: TensorInput, predictions: TensorInput, options?: O) => Tensor;

/**
 * Adapts a loss for `LayersModel.compile({ loss })`: returns `(yTrue, yPred) => Tensor` of shape [N], for each
 * sample along axis 0 the `reduction` (default `'mean'`) over that sample's own positions.
 *
 * TF.js then reports the batch loss as the mean of these N values (weighted by `fit`'s `sampleWeight` when
 * given). `reduction: 'none'` and `weights` are INVALID_OPTION here — use `fit`'s `sampleWeight` for sample
 * weights. TF.js layers reshape 1-D targets to [N, 1] before the loss sees them, so in `fit` the softmax family
 * takes one-hot or distribution targets; the class axis must not be axis 0 (the samples).
 * Keras: passing a loss object to `model.compile`; TF.js: `compile({ loss: 'categoricalCrossentropy' })`.
 *
 * @throws {XentError} INVALID_OPTION (`reduction: 'none'`, `weights`, or any option `f` does not take — the
 *   last when the loss is first called)
 * @example
 * ```ts
 * const loss = layersLoss(sigmoidCrossEntropy, { posWeight: 2 });
 * loss(tf.tensor2d([[1], [0]]), tf.tensor2d([[0], [0]])).dataSync(); // [2 ln 2, ln 2] = [1.3862944, 0.6931472]
 * ```
 */
export function layersLoss<O extends { reduction?: Reduction | undefined; axis?: number | undefined }>(
  f: LossFunction<O>,
  options?: O,
): (yTrue: Tensor, yPred: Tensor) => Tensor {
  const name = typeof f === 'function' && f.name ? f.name : 'layersLoss';
  if (typeof f !== 'function') fail('INVALID_INPUT', 'layersLoss', 'f', 'an xent loss function', describe(f));
  const o = (options ?? {}) as Record<string, unknown>;
  if (o.reduction === 'none') {
    fail(
      'INVALID_OPTION',
      name,
      'reduction',
      "a scalar reduction in layersLoss (use f directly for 'none')",
      "'none'",
    );
  }
  if (o.weights !== undefined) {
    fail(
      'INVALID_OPTION',
      name,
      'weights',
      "absent in layersLoss (use fit's sampleWeight)",
      describe(o.weights),
    );
  }
  if (typeof o.axis === 'number' && o.axis === 0) {
    fail('INVALID_OPTION', name, 'axis', 'not 0 in layersLoss (axis 0 holds the samples)', '0');
  }
  const withFlag = { ...o, [PER_SAMPLE]: true } as unknown as O;
  return (yTrue: Tensor, yPred: Tensor) => f(yTrue, yPred, withFlag);
}
