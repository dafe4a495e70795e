import { describe, expect, test } from 'vitest';
import { XentError } from '../errors';
import { checkSameShape, normalizeAxis, planClassAxis, sameShape, targetKind } from './axis';

const code = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (e) {
    return e instanceof XentError ? e.code : 'not a XentError';
  }
  return undefined;
};

describe('normalizeAxis', () => {
  test('negative axes count from the end; out of range is INVALID_OPTION', () => {
    expect(normalizeAxis('f', -1, 3)).toBe(2);
    expect(normalizeAxis('f', -3, 3)).toBe(0);
    expect(normalizeAxis('f', 2, 3)).toBe(2);
    for (const a of [3, -4, 0.5, Number.NaN])
      expect(code(() => normalizeAxis('f', a, 3))).toBe('INVALID_OPTION');
    expect(code(() => normalizeAxis('f', 0, 0))).toBe('INVALID_OPTION');
  });
});

describe('planClassAxis at ranks 1–4, the axis first, middle and last', () => {
  test.each([
    [[5], 0, { outer: 1, classes: 5, inner: 1, positionShape: [] }],
    [[4, 5], -1, { outer: 4, classes: 5, inner: 1, positionShape: [4] }],
    [[4, 5], 0, { outer: 1, classes: 4, inner: 5, positionShape: [5] }],
    [[2, 3, 4], 1, { outer: 2, classes: 3, inner: 4, positionShape: [2, 4] }],
    [[2, 3, 4], 0, { outer: 1, classes: 2, inner: 12, positionShape: [3, 4] }],
    [[2, 3, 4, 5], 1, { outer: 2, classes: 3, inner: 20, positionShape: [2, 4, 5] }],
    [[2, 3, 4, 5], -1, { outer: 24, classes: 5, inner: 1, positionShape: [2, 3, 4] }],
    [[2, 0, 3], -1, { outer: 0, classes: 3, inner: 1, positionShape: [2, 0] }],
  ])('%j axis %i', (shape, axis, expected) => {
    const plan = planClassAxis('f', shape, axis);
    expect(plan).toMatchObject(expected);
    expect(plan.positions).toBe(expected.outer * expected.inner);
  });

  test('a scalar has no class axis (SHAPE_MISMATCH); an axis out of range is INVALID_OPTION', () => {
    expect(code(() => planClassAxis('f', [], -1))).toBe('SHAPE_MISMATCH');
    expect(code(() => planClassAxis('f', [2, 3], 2))).toBe('INVALID_OPTION');
  });
});

describe('targetKind and shape equality', () => {
  const plan = planClassAxis('f', [4, 3], -1);
  test('labels shaped like the positions, distributions like the predictions', () => {
    expect(targetKind('f', [4], [4, 3], plan)).toBe('labels');
    expect(targetKind('f', [4, 3], [4, 3], plan)).toBe('distributions');
  });
  test('anything else is SHAPE_MISMATCH with both shapes; a swap is named', () => {
    let message = '';
    try {
      targetKind('f', [3], [4, 3], plan);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('[3]');
    expect(message).toContain('[4, 3]');
    const swapped = planClassAxis('f', [4], -1);
    try {
      targetKind('f', [4, 3], [4], swapped);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('swapped');
  });
  test('sameShape and checkSameShape', () => {
    expect(sameShape([2, 3], [2, 3])).toBe(true);
    expect(sameShape([2, 3], [3, 2])).toBe(false);
    expect(sameShape([], [1])).toBe(false);
    expect(code(() => checkSameShape('f', [2], [2, 1]))).toBe('SHAPE_MISMATCH');
    expect(code(() => checkSameShape('f', [], []))).toBeUndefined();
  });
});
