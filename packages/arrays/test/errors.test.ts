/**
 * Bad input: every code of SPEC "Bad input", several ways each, through the public functions. Each case
 * checks the class (across the brand), the code, the function and argument named, and the message
 * template `${fn}: '${argument}' must be ${what}; received ${what came}.`
 */
import { describe, expect, test } from 'vitest';
import * as xent from '../src/index';
import {
  binaryCrossEntropy,
  binaryFocalLoss,
  categoricalCrossEntropy,
  entropy,
  klDivergence,
  LossMeter,
  logSoftmax,
  nllLoss,
  sigmoidCrossEntropy,
  sigmoidFocalLoss,
  softmaxCrossEntropy,
  softmaxFocalLoss,
  XentError,
} from '../src/index';

type Code =
  | 'SHAPE_MISMATCH'
  | 'INVALID_LABEL'
  | 'INVALID_PROBABILITY'
  | 'INVALID_OPTION'
  | 'INVALID_INPUT'
  | 'EMPTY_INPUT';

function expectError(run: () => unknown, code: Code, argument?: string): XentError {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a throw').toBeInstanceOf(XentError);
  const e = caught as XentError;
  expect(e.code).toBe(code);
  expect(e.name).toBe('XentError');
  expect(e.message).toMatch(/^[A-Za-z.() ]+: '[^']+' must .+; received .+\.$/s);
  if (argument !== undefined) expect(e.argument).toBe(argument);
  return e;
}

const logits = [
  [2, 0.5, -1],
  [0.1, 0.2, 3],
];

describe('SHAPE_MISMATCH', () => {
  test('targets that fit neither labels nor distributions, both shapes in the message', () => {
    const e = expectError(() => softmaxCrossEntropy([0, 1, 2], logits), 'SHAPE_MISMATCH', 'targets');
    expect(e.message).toContain('[3]');
    expect(e.message).toContain('[2, 3]');
  });
  test('swapped arguments (predictions first) are told by the shapes', () => {
    const e = expectError(() => softmaxCrossEntropy(logits, [0, 2]), 'SHAPE_MISMATCH');
    expect(e.message).toContain('swapped');
  });
  test('element-wise losses need one shape', () => {
    expectError(() => binaryCrossEntropy([1, 0], [0.5, 0.5, 0.5]), 'SHAPE_MISMATCH');
    expectError(() => sigmoidCrossEntropy([[1, 0]], [1, 0]), 'SHAPE_MISMATCH');
    expectError(() => klDivergence([0.5, 0.5], [[0.5, 0.5]]), 'SHAPE_MISMATCH');
  });
  test('classWeights and per-class alpha of the wrong length', () => {
    expectError(
      () => softmaxCrossEntropy([0, 2], logits, { classWeights: [1, 2] }),
      'SHAPE_MISMATCH',
      'classWeights',
    );
    expectError(() => softmaxFocalLoss([0, 2], logits, { alpha: [0.25, 0.75] }), 'SHAPE_MISMATCH', 'alpha');
  });
  test('weights that do not broadcast to the positions; posWeight that does not broadcast', () => {
    expectError(
      () => softmaxCrossEntropy([0, 2], logits, { weights: [1, 2, 3] }),
      'SHAPE_MISMATCH',
      'weights',
    );
    expectError(
      () => binaryCrossEntropy([[1, 0]], [[0.5, 0.5]], { posWeight: [1, 2, 3] }),
      'SHAPE_MISMATCH',
      'posWeight',
    );
  });
  test('a bare number where a class axis is needed', () => {
    expectError(() => softmaxCrossEntropy(0, 1), 'SHAPE_MISMATCH');
    expectError(() => entropy(0.5), 'SHAPE_MISMATCH');
  });
});

describe('INVALID_LABEL', () => {
  test('label = C, label −1, label 1.5, NaN label', () => {
    expectError(() => softmaxCrossEntropy([0, 3], logits), 'INVALID_LABEL', 'targets');
    expectError(() => softmaxCrossEntropy([-1, 0], logits), 'INVALID_LABEL');
    const e = expectError(() => softmaxCrossEntropy([1.5, 0], logits), 'INVALID_LABEL');
    expect(e.message).toContain('1.5');
    expectError(() => nllLoss([Number.NaN, 0], logits), 'INVALID_LABEL');
  });
  test('a label equal to ignoreIndex is fine, any other out-of-range label is not', () => {
    expect(softmaxCrossEntropy([-100, 0], logits, { ignoreIndex: -100 })).toBeGreaterThan(0);
    expectError(() => softmaxCrossEntropy([-1, 0], logits, { ignoreIndex: -100 }), 'INVALID_LABEL');
  });
});

describe('INVALID_PROBABILITY', () => {
  test('a prediction 1.2 or −0.1, a target outside [0, 1], a NaN target', () => {
    expectError(() => binaryCrossEntropy([1, 0], [1.2, 0.5]), 'INVALID_PROBABILITY', 'predictions');
    expectError(() => binaryCrossEntropy([1, 0], [-0.1, 0.5]), 'INVALID_PROBABILITY', 'predictions');
    expectError(() => sigmoidCrossEntropy([2, 0], [0.3, 0.5]), 'INVALID_PROBABILITY', 'targets');
    expectError(() => binaryFocalLoss([Number.NaN], [0.5]), 'INVALID_PROBABILITY', 'targets');
  });
  test('a distribution summing to 0.9 (predictions, targets, KL p and q, entropy p); nothing renormalised', () => {
    expectError(() => categoricalCrossEntropy(0, [0.5, 0.4]), 'INVALID_PROBABILITY', 'predictions');
    expectError(() => softmaxCrossEntropy([0.5, 0.4], [0, 0]), 'INVALID_PROBABILITY', 'targets');
    expectError(() => klDivergence([0.5, 0.4], [0.5, 0.5]), 'INVALID_PROBABILITY', 'p');
    expectError(() => klDivergence([0.5, 0.5], [0.5, 0.4]), 'INVALID_PROBABILITY', 'q');
    expectError(() => entropy([[0.5, 0.4]]), 'INVALID_PROBABILITY', 'p');
  });
  test('swapped arguments of the same shape are told by the values', () => {
    // predictions [0.9, 0.1] as targets and logits as probabilities
    expectError(() => categoricalCrossEntropy([2, -1], [0.9, 0.1]), 'INVALID_PROBABILITY', 'targets');
    expectError(() => binaryCrossEntropy([0.3, 0.7], [1, 3]), 'INVALID_PROBABILITY', 'predictions');
  });
  test('validate: false skips the value checks (and only them)', () => {
    expect(() => binaryCrossEntropy([2], [0.5], { validate: false })).not.toThrow();
    expectError(() => binaryCrossEntropy([1, 0], [0.5], { validate: false }), 'SHAPE_MISMATCH');
  });
});

describe('INVALID_OPTION', () => {
  test('an unknown option, a typo, an option the function does not take', () => {
    expectError(() => binaryCrossEntropy(1, 0.5, { reduce: 'sum' } as never), 'INVALID_OPTION', 'reduce');
    expectError(() => softmaxCrossEntropy(0, [1, 2], { gamma: 2 } as never), 'INVALID_OPTION', 'gamma');
    expectError(
      () => sigmoidCrossEntropy(1, 0, { ignoreIndex: 1 } as never),
      'INVALID_OPTION',
      'ignoreIndex',
    );
    expectError(
      () => softmaxCrossEntropy(0, [1, 2], { epsilon: 1e-7 } as never),
      'INVALID_OPTION',
      'epsilon',
    );
    expectError(() => xent.logSumExp([1, 2], { reduction: 'sum' } as never), 'INVALID_OPTION', 'reduction');
  });
  test('ignoreIndex with distribution targets; epsilon with from: logits', () => {
    expectError(
      () => softmaxCrossEntropy([[1, 0]], [[1, 2]], { ignoreIndex: 0 }),
      'INVALID_OPTION',
      'ignoreIndex',
    );
    expectError(
      () => klDivergence([0.5, 0.5], [1, 2], { from: 'logits', epsilon: 1e-7 }),
      'INVALID_OPTION',
      'epsilon',
    );
  });
  test('values outside their domain, with the allowed values in the message', () => {
    const e = expectError(
      () => binaryCrossEntropy(1, 0.5, { reduction: 'avg' as never }),
      'INVALID_OPTION',
      'reduction',
    );
    expect(e.message).toContain("'sumOverCount'");
    expectError(() => binaryCrossEntropy(1, 0.5, { base: 1 }), 'INVALID_OPTION', 'base');
    expectError(() => binaryCrossEntropy(1, 0.5, { epsilon: 0.5 }), 'INVALID_OPTION', 'epsilon');
    expectError(
      () => binaryCrossEntropy(1, 0.5, { labelSmoothing: 1.1 }),
      'INVALID_OPTION',
      'labelSmoothing',
    );
    expectError(() => sigmoidFocalLoss(1, 0, { gamma: -1 }), 'INVALID_OPTION', 'gamma');
    expectError(() => sigmoidFocalLoss(1, 0, { alpha: 1.5 }), 'INVALID_OPTION', 'alpha');
    expectError(() => binaryCrossEntropy(1, 0.5, { onEmpty: 'skip' as never }), 'INVALID_OPTION', 'onEmpty');
    expectError(() => binaryCrossEntropy(1, 0.5, { validate: 'no' as never }), 'INVALID_OPTION', 'validate');
  });
  test('axis out of range or not an integer', () => {
    expectError(() => softmaxCrossEntropy([0, 2], logits, { axis: 2 }), 'INVALID_OPTION', 'axis');
    expectError(() => softmaxCrossEntropy([0, 2], logits, { axis: -3 }), 'INVALID_OPTION', 'axis');
    expectError(() => logSoftmax(logits, { axis: 0.5 }), 'INVALID_OPTION', 'axis');
  });
  test('a meter with weights or reduction none; merging meters of different losses or options', () => {
    expectError(
      () => new LossMeter(binaryCrossEntropy, { weights: [1] } as never),
      'INVALID_OPTION',
      'weights',
    );
    expectError(
      () => new LossMeter(binaryCrossEntropy, { reduction: 'none' } as never),
      'INVALID_OPTION',
      'reduction',
    );
    const a = new LossMeter(binaryCrossEntropy);
    expectError(() => a.merge(new LossMeter(sigmoidCrossEntropy)), 'INVALID_OPTION');
    expectError(() => a.merge(new LossMeter(binaryCrossEntropy, { base: 2 })), 'INVALID_OPTION');
  });
});

describe('INVALID_INPUT', () => {
  test('ragged nested arrays, at any depth', () => {
    expectError(() => softmaxCrossEntropy([0, 1], [[1, 2], [3]]), 'INVALID_INPUT', 'predictions');
    expectError(
      () =>
        binaryCrossEntropy(
          [[1, 0], [1]],
          [
            [0.5, 0.5],
            [0.5, 0.5],
          ],
        ),
      'INVALID_INPUT',
      'targets',
    );
    expectError(
      () => binaryCrossEntropy([[[1], [0]]], [[[0.5], 0.5]] as never),
      'INVALID_INPUT',
      'predictions',
    );
  });
  test('non-numeric entries and wrong kinds of value', () => {
    expectError(() => binaryCrossEntropy([1, '0'] as never, [0.5, 0.5]), 'INVALID_INPUT', 'targets');
    expectError(() => binaryCrossEntropy('1' as never, 0.5), 'INVALID_INPUT', 'targets');
    expectError(() => binaryCrossEntropy(1, null as never), 'INVALID_INPUT', 'predictions');
    expectError(() => binaryCrossEntropy(1, new BigInt64Array(1) as never), 'INVALID_INPUT', 'predictions');
    expectError(
      () => binaryCrossEntropy({ data: [1, 0], shape: [3] }, [0.5, 0.5]),
      'INVALID_INPUT',
      'targets',
    );
  });
  test('negative or non-finite weights, classWeights, posWeight', () => {
    expectError(
      () => binaryCrossEntropy([1, 0], [0.5, 0.5], { weights: [1, -1] }),
      'INVALID_INPUT',
      'weights',
    );
    expectError(
      () => binaryCrossEntropy([1, 0], [0.5, 0.5], { weights: Number.NaN }),
      'INVALID_INPUT',
      'weights',
    );
    expectError(
      () => softmaxCrossEntropy([0, 2], logits, { classWeights: [1, -2, 1] }),
      'INVALID_INPUT',
      'classWeights',
    );
    expectError(
      () => sigmoidCrossEntropy([1], [0], { posWeight: Number.POSITIVE_INFINITY }),
      'INVALID_INPUT',
      'posWeight',
    );
  });
  test('a meter of something that is not a loss; fromJSON of something else', () => {
    expectError(() => new LossMeter((() => 0) as never), 'INVALID_INPUT', 'loss');
    expectError(() => LossMeter.fromJSON({ format: 'other' }), 'INVALID_INPUT', 'state');
  });
});

describe('EMPTY_INPUT', () => {
  test("onEmpty: 'throw' with an empty input, all ignored, all weights 0", () => {
    expectError(() => binaryCrossEntropy([], [], { onEmpty: 'throw' }), 'EMPTY_INPUT');
    expectError(
      () => softmaxCrossEntropy([-100], [[1, 2]], { ignoreIndex: -100, onEmpty: 'throw' }),
      'EMPTY_INPUT',
    );
    expectError(
      () => binaryCrossEntropy([1, 0], [0.5, 0.5], { weights: 0, onEmpty: 'throw' }),
      'EMPTY_INPUT',
    );
    expectError(() => new LossMeter(binaryCrossEntropy, { onEmpty: 'throw' }).value, 'EMPTY_INPUT');
  });
  test("no error for 'sum' (nothing to divide by), 0 and NaN for the other onEmpty values", () => {
    expect(binaryCrossEntropy([], [], { onEmpty: 'throw', reduction: 'sum' })).toBe(0);
    expect(binaryCrossEntropy([], [])).toBe(0);
    expect(binaryCrossEntropy([], [], { onEmpty: 'nan' })).toBeNaN();
  });
});

test('instanceof XentError holds for an error made by another copy of the class (Symbol.for brand)', () => {
  const brand = Symbol.for('xent.XentError');
  const foreign = Object.assign(new Error('x'), { code: 'INVALID_INPUT', [brand]: true });
  expect(foreign).toBeInstanceOf(XentError);
  expect(new Error('plain')).not.toBeInstanceOf(XentError);
  expect(xent.XentErrorCode.EMPTY_INPUT).toBe('EMPTY_INPUT');
});
