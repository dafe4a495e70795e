/**
 * The public signatures of @xent/arrays, checked by the type checker (vitest typecheck).
 */
import { describe, expectTypeOf, test } from 'vitest';
import {
  type ArrayInput,
  type ArrayOutput,
  type BinaryCrossEntropyOptions,
  binaryCrossEntropy,
  entropy,
  klDivergence,
  LossMeter,
  type LossMeterJSON,
  logSoftmax,
  logSumExp,
  nllLoss,
  type Reduction,
  sigmoid,
  sigmoidFocalLoss,
  softmaxCrossEntropy,
  softmaxFocalLoss,
  XentError,
} from '../src/index';

describe('losses', () => {
  test('options typed as possibly undefined are accepted (an absent option is undefined)', () => {
    const wrap = (t: number[], q: number[], o?: BinaryCrossEntropyOptions) => binaryCrossEntropy(t, q, o);
    expectTypeOf(wrap([1], [0.5])).toEqualTypeOf<number | ArrayOutput>(); // o may hold reduction 'none'
    const fixed = undefined as { reduction: 'sum' } | undefined;
    expectTypeOf(binaryCrossEntropy([1], [0.5], fixed)).toEqualTypeOf<number>();
    expectTypeOf(entropy([0.5, 0.5], undefined as { base: number } | undefined)).toEqualTypeOf<number>();
  });
  test('scalar reductions return a number; none returns an array output', () => {
    expectTypeOf(binaryCrossEntropy(1, 0.51)).toEqualTypeOf<number>();
    expectTypeOf(
      softmaxCrossEntropy(
        [0, 2],
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        { reduction: 'sum' },
      ),
    ).toEqualTypeOf<number>();
    expectTypeOf(binaryCrossEntropy([1], [0.5], { reduction: 'none' })).toEqualTypeOf<ArrayOutput>();
    expectTypeOf(entropy([0.5, 0.5])).toEqualTypeOf<number>();
    expectTypeOf(entropy([[0.5, 0.5]], { reduction: 'none' })).toEqualTypeOf<ArrayOutput>();
  });

  test('a reduction known only as a Reduction may be either', () => {
    const r = 'none' as Reduction;
    expectTypeOf(binaryCrossEntropy([1], [0.5], { reduction: r })).toEqualTypeOf<number | ArrayOutput>();
  });

  test('inputs: numbers, nested arrays, typed arrays, views', () => {
    const input: ArrayInput = [[0.2]];
    expectTypeOf(binaryCrossEntropy(input, input)).toEqualTypeOf<number>();
    expectTypeOf(
      binaryCrossEntropy(new Float32Array(2), { data: new Float64Array(2), shape: [2] }),
    ).toEqualTypeOf<number>();
    expectTypeOf(softmaxCrossEntropy([[[0]]], [[[[1, 2]]]], { axis: -1 })).toEqualTypeOf<number>();
    // @ts-expect-error strings are not inputs
    binaryCrossEntropy('1', 0.5);
  });

  test('options are typed per function', () => {
    expectTypeOf<BinaryCrossEntropyOptions>().toHaveProperty('epsilon');
    expectTypeOf<BinaryCrossEntropyOptions>().toHaveProperty('posWeight');
    // @ts-expect-error gamma is not an option of softmaxCrossEntropy
    softmaxCrossEntropy(0, [1, 2], { gamma: 2 });
    // @ts-expect-error ignoreIndex is not an option of the sigmoid family
    sigmoidFocalLoss(1, 0, { ignoreIndex: 0 });
    // @ts-expect-error an unknown reduction
    binaryCrossEntropy(1, 0.5, { reduction: 'avg' });
    expectTypeOf(softmaxFocalLoss(0, [1, 2], { gamma: 0, alpha: [0.25, 0.75] })).toEqualTypeOf<number>();
    expectTypeOf(klDivergence([0.5, 0.5], [1, 2], { from: 'logits' })).toEqualTypeOf<number>();
    // an option given as undefined is absent
    expectTypeOf(
      binaryCrossEntropy(1, 0.5, { weights: undefined, base: undefined, reduction: undefined }),
    ).toEqualTypeOf<number>();
  });

  test('valueAndGrad returns { value, grad }', () => {
    const r = nllLoss.valueAndGrad(0, [-0.5, -1]);
    expectTypeOf(r.value).toEqualTypeOf<number>();
    expectTypeOf(r.grad).toEqualTypeOf<ArrayOutput>();
    expectTypeOf(
      softmaxCrossEntropy.valueAndGrad([0], [[1, 2]], { reduction: 'none' }).value,
    ).toEqualTypeOf<ArrayOutput>();
    // entropy has no gradient with respect to predictions
    expectTypeOf(entropy).not.toHaveProperty('valueAndGrad');
  });
});

describe('primitives', () => {
  test('take an input and an axis, return an array output', () => {
    expectTypeOf(logSumExp([1, 2], { axis: 0 })).toEqualTypeOf<ArrayOutput>();
    expectTypeOf(logSoftmax([[1, 2]])).toEqualTypeOf<ArrayOutput>();
    expectTypeOf(sigmoid(0)).toEqualTypeOf<ArrayOutput>();
  });
});

describe('LossMeter and XentError', () => {
  test('meter members', () => {
    const m = new LossMeter(binaryCrossEntropy, { reduction: 'sumOverCount', epsilon: 1e-7 });
    expectTypeOf(m.value).toEqualTypeOf<number>();
    expectTypeOf(m.update([1], [0.5], { weights: [2] })).toEqualTypeOf(m);
    expectTypeOf(m.toJSON()).toEqualTypeOf<LossMeterJSON>();
    expectTypeOf(LossMeter.fromJSON).returns.toEqualTypeOf<LossMeter>();
    // @ts-expect-error weights are per batch, not fixed at construction
    new LossMeter(binaryCrossEntropy, { weights: [1] });
    // @ts-expect-error a meter's reduction is a scalar one
    new LossMeter(binaryCrossEntropy, { reduction: 'none' });
    expectTypeOf(new LossMeter(entropy).update([[0.5, 0.5]], { weights: 1 })).toEqualTypeOf<
      LossMeter<typeof entropy>
    >();
  });

  test('XentError has a code', () => {
    expectTypeOf<XentError['code']>().toEqualTypeOf<
      | 'SHAPE_MISMATCH'
      | 'INVALID_LABEL'
      | 'INVALID_PROBABILITY'
      | 'INVALID_OPTION'
      | 'INVALID_INPUT'
      | 'EMPTY_INPUT'
    >();
    expectTypeOf(new XentError('INVALID_INPUT', 'f', 'x', 'y', 'z')).toMatchTypeOf<Error>();
  });
});
