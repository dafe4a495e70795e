import { describe, expect, test } from 'vitest';
import { decode, flatten, worstMismatch } from '../src/index';

const tol = { rel: 1e-12, abs: 1e-300 };

describe('compare', () => {
  test('decode turns the JSON spellings into numbers and keeps other strings', () => {
    expect(decode(['Infinity', '-Infinity', 'x', [1]])).toEqual([
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      'x',
      [1],
    ]);
    expect(Number.isNaN(decode('NaN'))).toBe(true);
  });

  test('flatten reports the shape and refuses ragged arrays', () => {
    expect(
      flatten([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual({ data: [1, 2, 3, 4, 5, 6], shape: [2, 3] });
    expect(flatten(7)).toEqual({ data: [7], shape: [] });
    expect(() => flatten([[1, 2], [3]])).toThrow(/ragged/);
  });

  test('a relative error inside the bound passes, outside fails', () => {
    expect(worstMismatch([1 + 5e-13], [1], tol).ratio).toBeLessThanOrEqual(1);
    expect(worstMismatch([1 + 5e-12], [1], tol).ratio).toBeGreaterThan(1);
  });

  test('NaN matches only NaN; ±Infinity must match exactly', () => {
    expect(worstMismatch([Number.NaN], [Number.NaN], tol).ratio).toBe(0);
    expect(worstMismatch([0], [Number.NaN], tol).ratio).toBe(Number.POSITIVE_INFINITY);
    expect(worstMismatch([Number.NaN], [0], tol).ratio).toBe(Number.POSITIVE_INFINITY);
    expect(worstMismatch([1e308], [Number.POSITIVE_INFINITY], tol).ratio).toBe(Number.POSITIVE_INFINITY);
    expect(worstMismatch([Number.POSITIVE_INFINITY], [Number.POSITIVE_INFINITY], tol).ratio).toBe(0);
  });

  test('a shape disagreement fails and says so', () => {
    const m = worstMismatch([1, 2], [[1, 2]], tol);
    expect(m.ratio).toBe(Number.POSITIVE_INFINITY);
    expect(m.note).toMatch(/shape \[2\] where \[1, 2\]/);
  });

  test('the worst element is reported with its index', () => {
    const m = worstMismatch([1, 2 * (1 + 1e-9), 3], [1, 2, 3], tol);
    expect(m.index).toBe(1);
    expect(m.ratio).toBeGreaterThan(1);
  });

  test('an absolute scale widens the absolute bound (KL)', () => {
    expect(worstMismatch([1e-20], [0], { rel: 1e-12, abs: 1e-12 }, [1]).ratio).toBeLessThanOrEqual(1);
    expect(worstMismatch([1e-11], [0], { rel: 1e-12, abs: 1e-12 }, [2]).ratio).toBeGreaterThan(1);
  });
});
