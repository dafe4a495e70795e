/**
 * The public signatures of @xent/tfjs, checked by the type checker (vitest typecheck): a scalar reduction
 * is a `tf.Scalar` (what `optimizer.minimize` takes), `reduction: 'none'` or a run-time `Reduction` a
 * `tf.Tensor`.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { describe, expectTypeOf, test } from 'vitest';
import {
  entropy,
  klDivergence,
  layersLoss,
  type Reduction,
  type SigmoidOptions,
  sigmoidCrossEntropy,
  softmaxCrossEntropy,
  softmaxFocalLoss,
} from '../src/index';

declare const y: tf.Tensor;
declare const z: tf.Tensor;

describe('losses', () => {
  test('no options, or options without a reduction: a Scalar', () => {
    expectTypeOf(sigmoidCrossEntropy(y, z)).toEqualTypeOf<tf.Scalar>();
    expectTypeOf(sigmoidCrossEntropy(y, z, { posWeight: 0.35 })).toEqualTypeOf<tf.Scalar>();
    expectTypeOf(softmaxFocalLoss(y, z, { gamma: 2 })).toEqualTypeOf<tf.Scalar>();
    expectTypeOf(entropy(y)).toEqualTypeOf<tf.Scalar>();
  });

  test('a scalar reduction literal: a Scalar; none: a Tensor', () => {
    expectTypeOf(softmaxCrossEntropy(y, z, { reduction: 'sum' })).toEqualTypeOf<tf.Scalar>();
    expectTypeOf(klDivergence(y, z, { reduction: 'sumOverCount' })).toEqualTypeOf<tf.Scalar>();
    expectTypeOf(softmaxCrossEntropy(y, z, { reduction: 'none', axis: 1 })).toEqualTypeOf<tf.Tensor>();
    expectTypeOf(entropy(y, { reduction: 'none' })).toEqualTypeOf<tf.Tensor>();
  });

  test('a reduction known only as a Reduction: a Tensor (it may be none)', () => {
    const options: SigmoidOptions = { reduction: 'mean' };
    expectTypeOf(sigmoidCrossEntropy(y, z, options)).toEqualTypeOf<tf.Tensor>();
    const r = 'mean' as Reduction;
    expectTypeOf(sigmoidCrossEntropy(y, z, { reduction: r })).toEqualTypeOf<tf.Tensor>();
  });

  test('what optimizer.minimize takes: a function returning a Scalar', () => {
    const minimize = (f: () => tf.Scalar) => f;
    minimize(() => sigmoidCrossEntropy(y, z, { posWeight: 0.35 }));
    // @ts-expect-error: per-position values are not a scalar loss
    minimize(() => sigmoidCrossEntropy(y, z, { reduction: 'none' }));
  });

  test('options typed as possibly undefined are accepted (an absent option is undefined)', () => {
    const wrap = (t: tf.Tensor, x: tf.Tensor, o?: SigmoidOptions) => sigmoidCrossEntropy(t, x, o);
    expectTypeOf(wrap(y, z)).toMatchTypeOf<tf.Tensor>(); // the reduction may be none: a Tensor (or a Scalar)
    const none = undefined as { reduction: 'sum' } | undefined;
    expectTypeOf(sigmoidCrossEntropy(y, z, none)).toEqualTypeOf<tf.Scalar>();
  });

  test('options are checked', () => {
    // @ts-expect-error: 'gama' is not an option of any loss
    softmaxCrossEntropy(y, z, { gama: 2 });
    // @ts-expect-error: reduction is a string union
    sigmoidCrossEntropy(y, z, { reduction: 1 });
  });

  test("layersLoss takes the losses with their own options, without 'none' or weights", () => {
    expectTypeOf(layersLoss(sigmoidCrossEntropy)).toBeFunction();
    expectTypeOf(layersLoss(sigmoidCrossEntropy, { posWeight: 0.35 })).toBeFunction();
    expectTypeOf(layersLoss(softmaxCrossEntropy, { reduction: 'sum', labelSmoothing: 0.1 })).toBeFunction();
    // @ts-expect-error: gamma is not an option of softmaxCrossEntropy
    layersLoss(softmaxCrossEntropy, { gamma: 2 });
    // @ts-expect-error: 'none' is not a layersLoss reduction
    layersLoss(sigmoidCrossEntropy, { reduction: 'none' });
  });
});
