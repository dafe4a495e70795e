import { describe, expect, test } from 'vitest';
import { XentError } from '../errors';
import type { Accumulator } from '../kernels/types';
import { emptyValue, gradientScale, logBase, reduceValue, reductionDenominator } from './reduce';

const acc = (sum: number, weight: number, count: number, nonzero: number): Accumulator => ({
  sum,
  sumComp: 0,
  weight,
  weightComp: 0,
  count,
  nonzero,
});

describe('reductions (SPEC "Reductions")', () => {
  // three counted positions, a = 1, 2, 3 with weights 0, 1, 3: Σa = 6 (the weight-0 position adds 0),
  // Σw = 4, count 3, non-zero weights 2
  const a = acc(6, 4, 3, 2);
  test('denominators', () => {
    expect(reductionDenominator(a, 'mean')).toBe(4);
    expect(reductionDenominator(a, 'sumOverCount')).toBe(3);
    expect(reductionDenominator(a, 'sumOverNonzeroWeights')).toBe(2);
    expect(reductionDenominator(a, 'sum')).toBe(1);
    expect(reductionDenominator(a, 'none')).toBe(1);
  });
  test('values and the base', () => {
    expect(reduceValue('f', a, 'mean', 'zero', Math.E)).toBe(6 / 4);
    expect(reduceValue('f', a, 'sumOverCount', 'zero', Math.E)).toBe(6 / 3);
    expect(reduceValue('f', a, 'sumOverNonzeroWeights', 'zero', Math.E)).toBe(6 / 2);
    expect(reduceValue('f', a, 'sum', 'zero', Math.E)).toBe(6);
    expect(reduceValue('f', a, 'sum', 'zero', 2)).toBe(6 / Math.LN2);
    expect(logBase(Math.E)).toBe(1);
    expect(logBase(10)).toBe(Math.LN10);
  });
  test('the compensation term is part of the sums', () => {
    expect(reduceValue('f', { ...acc(1, 1, 1, 1), sumComp: 0.5 }, 'sum', 'zero', Math.E)).toBe(1.5);
    expect(reduceValue('f', { ...acc(3, 2, 2, 2), weightComp: 1 }, 'mean', 'zero', Math.E)).toBe(1);
  });
  test('gradient scale is 1 / (denominator · ln base)', () => {
    expect(gradientScale(a, 'mean', 'zero', Math.E)).toBe(1 / 4);
    expect(gradientScale(a, 'sum', 'zero', 2)).toBe(1 / Math.LN2);
  });
});

describe('onEmpty', () => {
  const empty = acc(0, 0, 0, 0);
  test("'zero', 'nan', 'throw' for the reductions with a denominator", () => {
    for (const r of ['mean', 'sumOverCount', 'sumOverNonzeroWeights'] as const) {
      expect(reduceValue('f', empty, r, 'zero', Math.E)).toBe(0);
      expect(reduceValue('f', empty, r, 'nan', Math.E)).toBeNaN();
      expect(() => reduceValue('f', empty, r, 'throw', Math.E)).toThrow(XentError);
      expect(gradientScale(empty, r, 'zero', Math.E)).toBe(0);
      expect(gradientScale(empty, r, 'nan', Math.E)).toBeNaN();
    }
  });
  test("accepted and without effect for 'sum' and 'none'", () => {
    expect(reduceValue('f', empty, 'sum', 'throw', Math.E)).toBe(0);
    expect(reduceValue('f', empty, 'none', 'nan', Math.E)).toBe(0);
  });
  test('EMPTY_INPUT names the function', () => {
    try {
      emptyValue('binaryCrossEntropy', 'mean', 'throw');
    } catch (e) {
      expect((e as XentError).code).toBe('EMPTY_INPUT');
      expect((e as XentError).message).toMatch(/^binaryCrossEntropy: /);
    }
    expect.assertions(2);
  });
});
