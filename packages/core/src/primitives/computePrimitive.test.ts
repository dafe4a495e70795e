/** The primitives on closed forms and special values (SPEC "Limits and special values"). */
import { describe, expect, test } from 'vitest';
import { XentError } from '../errors';
import { computePrimitive } from './computePrimitive';

const v = (data: number[], shape: number[]) => ({ data, shape });
const run = (
  fn: Parameters<typeof computePrimitive>[0],
  data: number[],
  shape = [data.length],
  options?: unknown,
) => Array.from(computePrimitive(fn, v(data, shape), options).data);
const INF = Number.POSITIVE_INFINITY;

describe('primitives', () => {
  test('logSumExp removes the axis; huge and infinite logits', () => {
    expect(run('logSumExp', [0, 0])).toEqual([Math.LN2]);
    expect(run('logSumExp', [1e300, 1e300])).toEqual([1e300]); // 1e300 + ln 2 rounds to 1e300
    expect(run('logSumExp', [INF, 0])).toEqual([INF]);
    expect(run('logSumExp', [-INF, -INF])).toEqual([-INF]);
    expect(computePrimitive('logSumExp', v([0, 0, 0, 0, 0, 0], [2, 3]), { axis: 0 }).shape).toEqual([3]);
  });
  test('softmax: several +∞ share the probability; a row of −∞ is NaN; logSoftmax matches', () => {
    expect(run('softmax', [INF, 0, INF])).toEqual([0.5, 0, 0.5]);
    expect(run('softmax', [-INF, -INF]).every(Number.isNaN)).toBe(true);
    expect(run('logSoftmax', [INF, 0, INF])).toEqual([-Math.LN2, -INF, -Math.LN2]);
    expect(run('softmax', [0, 0, 0, 0], [2, 2], { axis: 0 })).toEqual([0.5, 0.5, 0.5, 0.5]);
  });
  test('sigmoid and logSigmoid over the whole range', () => {
    expect(run('sigmoid', [0, INF, -INF])).toEqual([0.5, 1, 0]);
    // logSigmoid(+∞) = −softplus(−∞) = −0
    expect(run('logSigmoid', [0, -1000, INF, -INF]).map((x) => x + 0)).toEqual([-Math.LN2, -1000, 0, -INF]);
    // σ(−700) = e^−700 / (1 + e^−700), not rounded to 0
    expect(run('sigmoid', [-700])[0]).toBeGreaterThan(0);
  });
  test('bad calls', () => {
    expect(() => computePrimitive('logSumExp', v([1], []))).toThrow(XentError);
    expect(() => computePrimitive('sigmoid', v([1], []), { axis: 0 })).toThrow(XentError);
    expect(() => computePrimitive('tanh' as never, v([1], []))).toThrow(XentError);
  });
});
