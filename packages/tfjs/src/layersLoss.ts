import type { Tensor } from '@tensorflow/tfjs-core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, fail } from './internal/errors';
import { lossNameOf } from './internal/losses';
import { type LossSpec, PER_SAMPLE, resolveOptions } from './internal/options';
import type { Reduction, TensorInput } from './types';

/** Any xent loss: `(targets, predictions, options) => Tensor`. */
export type LossFunction<O> = (targets: TensorInput, predictions: TensorInput, options?: O) => Tensor;

/** The options `layersLoss` takes for loss `F`: the loss's own options (checked when `layersLoss` is called). */
export type LayersLossOptions<F> = F extends (
  targets: TensorInput,
  predictions: TensorInput,
  options?: infer O,
) => Tensor
  ? Omit<Exclude<O, undefined>, 'weights' | 'reduction'> & {
      reduction?: Exclude<Reduction, 'none'> | undefined;
    }
  : never;

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
 * @throws {XentError} INVALID_INPUT (`f` is not a loss of this package with targets and predictions),
 *   INVALID_OPTION (`reduction: 'none'`, `weights`, any option `f` does not take or a value outside its
 *   domain), all when `layersLoss` is called
 * @example
 * ```ts
 * const loss = layersLoss(sigmoidCrossEntropy, { posWeight: 2 });
 * loss(tf.tensor2d([[1], [0]]), tf.tensor2d([[0], [0]])).dataSync(); // [2 ln 2, ln 2] = [1.3862944, 0.6931472]
 * ```
 */
export function layersLoss<F extends LossFunction<never>>(
  f: F,
  options?: LayersLossOptions<F>,
): (yTrue: Tensor, yPred: Tensor) => Tensor {
  const name = lossNameOf(f);
  if (name === undefined || name === 'entropy') {
    fail(
      'INVALID_INPUT',
      'layersLoss',
      'f',
      'a loss of @xent/tfjs with targets and predictions',
      describe(f),
    );
  }
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    fail('INVALID_OPTION', name, 'options', 'an object', describe(options));
  }
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
  // every other option is checked now, not at the first batch of fit (tensor-valued ones are read once)
  tf.tidy(() => {
    resolveOptions({ fn: name } as LossSpec, o);
  });
  const withFlag = { ...o, [PER_SAMPLE]: true } as never;
  return (yTrue: Tensor, yPred: Tensor) => f(yTrue, yPred, withFlag);
}
