import { describe, expect, test } from 'vitest';
import { XentError } from '../errors';
import { LOSS_NAMES, OPTIONS_TAKEN, PRIMITIVE_NAMES } from './names';
import { resolveOptions, resolveWeights } from './resolveOptions';

const code = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (e) {
    return e instanceof XentError ? `${e.code} ${e.argument}` : 'not a XentError';
  }
  return undefined;
};

describe('resolveOptions', () => {
  test('defaults (SPEC "Options")', () => {
    const o = resolveOptions('softmaxFocalLoss');
    expect(o).toMatchObject({
      axis: -1,
      reduction: 'mean',
      weights: null,
      classWeights: null,
      ignoreIndex: null,
      labelSmoothing: 0,
      epsilon: 0,
      gamma: 2,
      alpha: null,
      base: Math.E,
      onEmpty: 'zero',
      validate: true,
    });
    expect(resolveOptions('softmaxCrossEntropy').gamma).toBeNull();
    expect(resolveOptions('klDivergence').from).toBe('probabilities');
  });

  test('an option given as undefined is absent', () => {
    expect(resolveOptions('softmaxCrossEntropy', { gamma: undefined, reduction: undefined }).reduction).toBe(
      'mean',
    );
  });

  test('unknown options and options the function does not take', () => {
    expect(code(() => resolveOptions('softmaxCrossEntropy', { gamma: 2 }))).toBe('INVALID_OPTION gamma');
    expect(code(() => resolveOptions('binaryCrossEntropy', { reduce: 'sum' }))).toBe('INVALID_OPTION reduce');
    expect(code(() => resolveOptions('entropy', { classWeights: [1] }))).toBe('INVALID_OPTION classWeights');
    expect(code(() => resolveOptions('sigmoid', { axis: 0 }))).toBe('INVALID_OPTION axis');
    expect(code(() => resolveOptions('softmaxCrossEntropy', 3))).toBe('INVALID_OPTION options');
    expect(code(() => resolveOptions('softmaxCrossEntropy', null))).toBe('INVALID_OPTION options');
    expect(code(() => resolveOptions('klDivergence', { from: 'logits', epsilon: 0.1 }))).toBe(
      'INVALID_OPTION epsilon',
    );
  });

  test('domains', () => {
    const bad: [string, Record<string, unknown>][] = [
      ['binaryCrossEntropy', { reduction: 'avg' }],
      ['binaryCrossEntropy', { onEmpty: 'skip' }],
      ['binaryCrossEntropy', { base: 1 }],
      ['binaryCrossEntropy', { base: 0 }],
      ['binaryCrossEntropy', { base: Number.POSITIVE_INFINITY }],
      ['binaryCrossEntropy', { labelSmoothing: -0.1 }],
      ['binaryCrossEntropy', { labelSmoothing: Number.NaN }],
      ['binaryCrossEntropy', { epsilon: 0.5 }],
      ['binaryCrossEntropy', { epsilon: -1e-9 }],
      ['binaryCrossEntropy', { validate: 0 }],
      ['softmaxCrossEntropy', { axis: 1.5 }],
      ['softmaxCrossEntropy', { ignoreIndex: 0.5 }],
      ['sigmoidCrossEntropy', { ignoreValue: Number.NaN }],
      ['sigmoidFocalLoss', { gamma: -1 }],
      ['sigmoidFocalLoss', { gamma: Number.POSITIVE_INFINITY }],
      ['sigmoidFocalLoss', { alpha: 1.01 }],
      ['sigmoidFocalLoss', { alpha: [0.5] }],
      ['softmaxFocalLoss', { alpha: -1 }],
      ['softmaxFocalLoss', { alpha: { data: [1, 2], shape: [2, 1] } }],
      ['klDivergence', { from: 'log' }],
    ];
    for (const [fn, o] of bad)
      expect(
        code(() => resolveOptions(fn as never, o)),
        JSON.stringify(o),
      ).toMatch(/^INVALID_OPTION /);
    expect(resolveOptions('binaryCrossEntropy', { base: 2, labelSmoothing: 1, epsilon: 0.25 })).toMatchObject(
      { base: 2, labelSmoothing: 1, epsilon: 0.25 },
    );
    expect(resolveOptions('softmaxFocalLoss', { alpha: [0.25, 0.75], gamma: 0 })).toMatchObject({
      alpha: [0.25, 0.75],
      gamma: 0,
    });
  });

  test('weights, classWeights and posWeight: finite and ≥ 0, else INVALID_INPUT', () => {
    expect(code(() => resolveOptions('softmaxCrossEntropy', { classWeights: [1, -1] }))).toBe(
      'INVALID_INPUT classWeights',
    );
    expect(code(() => resolveOptions('softmaxCrossEntropy', { classWeights: [1, Number.NaN] }))).toBe(
      'INVALID_INPUT classWeights',
    );
    expect(code(() => resolveOptions('sigmoidCrossEntropy', { posWeight: -2 }))).toBe(
      'INVALID_INPUT posWeight',
    );
    expect(
      code(() => resolveOptions('sigmoidCrossEntropy', { weights: [1, Number.POSITIVE_INFINITY] })),
    ).toBe('INVALID_INPUT weights');
    expect(code(() => resolveWeights('f', 'heavy'))).toBe('INVALID_INPUT weights');
    expect(resolveWeights('f', { data: [0, 2], shape: [2, 1] }).shape).toEqual([2, 1]);
  });
});

describe('OPTIONS_TAKEN follows SPEC "Options"', () => {
  const common = ['weights', 'reduction', 'base', 'onEmpty', 'validate'];
  const softmax = [...common, 'axis', 'classWeights', 'ignoreIndex', 'labelSmoothing'];
  const sigmoid = [...common, 'posWeight', 'ignoreValue', 'labelSmoothing'];
  const spec: Record<string, string[]> = {
    softmaxCrossEntropy: softmax,
    categoricalCrossEntropy: [...softmax, 'epsilon'],
    sigmoidCrossEntropy: sigmoid,
    binaryCrossEntropy: [...sigmoid, 'epsilon'],
    softmaxFocalLoss: [...softmax, 'alpha', 'gamma'],
    categoricalFocalLoss: [...softmax, 'alpha', 'gamma', 'epsilon'],
    sigmoidFocalLoss: [...sigmoid, 'alpha', 'gamma'],
    binaryFocalLoss: [...sigmoid, 'alpha', 'gamma', 'epsilon'],
    nllLoss: softmax,
    entropy: [...common, 'axis'],
    klDivergence: [...common, 'axis', 'from', 'epsilon'],
    logSumExp: ['axis'],
    logSoftmax: ['axis'],
    softmax: ['axis'],
    logSigmoid: [],
    sigmoid: [],
  };
  test.each([...LOSS_NAMES, ...PRIMITIVE_NAMES])('%s', (fn) => {
    expect([...OPTIONS_TAKEN[fn]].sort()).toEqual([...(spec[fn] as string[])].sort());
  });
});
