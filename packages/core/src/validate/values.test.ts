import { describe, expect, test } from 'vitest';
import { XentError } from '../errors';
import { checkDistributions, checkLabels, checkProbabilities, SUM_TOLERANCE } from './values';

const code = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (e) {
    return e instanceof XentError ? e.code : 'not a XentError';
  }
  return undefined;
};

describe('checkLabels', () => {
  test('integers in [0, C) or ignoreIndex; the first bad entry is named', () => {
    expect(code(() => checkLabels('f', 't', [0, 1, 2], 3, null))).toBeUndefined();
    expect(code(() => checkLabels('f', 't', [0, -100], 3, -100))).toBeUndefined();
    for (const bad of [3, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(
        code(() => checkLabels('f', 't', [0, bad], 3, null)),
        String(bad),
      ).toBe('INVALID_LABEL');
    }
    let message = '';
    try {
      checkLabels('f', 'targets', [0, 1.5], 3, -100);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      "f: 'targets' must be integers in [0, 3) or -100 (ignoreIndex); received 1.5 at index 1.",
    );
  });
});

describe('checkProbabilities', () => {
  test('in [0, 1], or ignoreValue; NaN only where allowed', () => {
    expect(code(() => checkProbabilities('f', 'q', [0, 0.5, 1]))).toBeUndefined();
    expect(code(() => checkProbabilities('f', 't', [-1, 1], -1))).toBeUndefined();
    expect(code(() => checkProbabilities('f', 'q', [1.2]))).toBe('INVALID_PROBABILITY');
    expect(code(() => checkProbabilities('f', 'q', [-0.1]))).toBe('INVALID_PROBABILITY');
    expect(code(() => checkProbabilities('f', 't', [Number.NaN]))).toBe('INVALID_PROBABILITY');
    expect(code(() => checkProbabilities('f', 'q', [Number.NaN], null, true))).toBeUndefined();
  });
});

describe('checkDistributions', () => {
  const layout = { outer: 2, classes: 2, inner: 1 };
  test('sums within 1e-4 of 1 along the class axis; nothing renormalised', () => {
    expect(SUM_TOLERANCE).toBe(1e-4);
    expect(code(() => checkDistributions('f', 'p', [0.5, 0.5, 0.3, 0.7], layout))).toBeUndefined();
    expect(code(() => checkDistributions('f', 'p', [0.5, 0.50009, 0.3, 0.7], layout))).toBeUndefined();
    expect(code(() => checkDistributions('f', 'p', [0.5, 0.5, 0.3, 0.6], layout))).toBe(
      'INVALID_PROBABILITY',
    );
    expect(code(() => checkDistributions('f', 'p', [0.5, 0.5002, 0.3, 0.7], layout))).toBe(
      'INVALID_PROBABILITY',
    );
  });
  test('the class axis is read through its stride (axis 0 of [2, 2])', () => {
    // columns are the distributions: [0.2, 0.8] and [0.6, 0.4]
    expect(
      code(() => checkDistributions('f', 'p', [0.2, 0.6, 0.8, 0.4], { outer: 1, classes: 2, inner: 2 })),
    ).toBeUndefined();
    expect(
      code(() => checkDistributions('f', 'p', [0.2, 0.8, 0.6, 0.4], { outer: 1, classes: 2, inner: 2 })),
    ).toBe('INVALID_PROBABILITY');
  });
  test('a NaN row is left for the value to show when allowed', () => {
    expect(
      code(() => checkDistributions('f', 'q', [Number.NaN, 0.5, 0.3, 0.7], layout, true)),
    ).toBeUndefined();
    expect(code(() => checkDistributions('f', 'p', [Number.NaN, 0.5, 0.3, 0.7], layout))).toBe(
      'INVALID_PROBABILITY',
    );
  });
});
