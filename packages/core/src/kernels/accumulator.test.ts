/**
 * The compensated sums (Neumaier) and the exact merge used by meters.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  accumulatorSum,
  accumulatorWeight,
  addToSum,
  createAccumulator,
  mergeAccumulators,
  recordPosition,
} from './accumulator';

const SEED = 20261203;

describe('accumulator', () => {
  test('keeps what plain summation loses: 1 + 1e100 + 1 − 1e100 = 2', () => {
    const acc = createAccumulator();
    for (const x of [1, 1e100, 1, -1e100]) addToSum(acc, x);
    expect(accumulatorSum(acc)).toBe(2); // exact: the two 1s survive
  });

  test('0.1 added 10⁶ times is 1e5 to one rounding (naive summation drifts by ~1e-6)', () => {
    const acc = createAccumulator();
    for (let i = 0; i < 1_000_000; i++) recordPosition(acc, 0.1, 0.1);
    // Σ fl(0.1) = 10⁶ · 0.1000000000000000055511151231257827… = 100000.0000000000055511… (closed form);
    // the ulp at 1e5 is 2^-36 ≈ 1.46e-11, so the nearest double is exactly 100000
    expect(accumulatorSum(acc)).toBe(100000);
    expect(accumulatorWeight(acc)).toBe(100000);
    let naive = 0;
    for (let i = 0; i < 1_000_000; i++) naive += 0.1;
    expect(naive).not.toBe(100000); // what the compensation is for
    expect(acc.count).toBe(1_000_000);
    expect(acc.nonzero).toBe(1_000_000);
  });

  test('an infinite or NaN term gives exactly ±∞ or NaN, never a poisoned compensation', () => {
    const inf = createAccumulator();
    for (const x of [1, Infinity, 2]) addToSum(inf, x);
    expect(accumulatorSum(inf)).toBe(Infinity);
    const nan = createAccumulator();
    for (const x of [1, Number.NaN, 2]) addToSum(nan, x);
    expect(accumulatorSum(nan)).toBeNaN();
  });

  test('recordPosition counts a weight-0 position but not as non-zero', () => {
    const acc = createAccumulator();
    recordPosition(acc, 0, 0);
    recordPosition(acc, 2, 3);
    expect([acc.count, acc.nonzero, accumulatorSum(acc), accumulatorWeight(acc)]).toEqual([2, 1, 2, 3]);
  });

  test('merging runs over random splits equals one run over the whole (to 1e-15)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (xs, cuts) => {
          const whole = createAccumulator();
          for (const x of xs) recordPosition(whole, x, x / 3);
          const bounds = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
          const merged = createAccumulator();
          let start = 0;
          for (const end of [...bounds, xs.length]) {
            const part = createAccumulator();
            for (const x of xs.slice(start, end)) recordPosition(part, x, x / 3);
            mergeAccumulators(merged, part);
            start = end;
          }
          const a = accumulatorSum(whole);
          const b = accumulatorSum(merged);
          return (
            Math.abs(a - b) <= 1e-15 * a &&
            Math.abs(accumulatorWeight(whole) - accumulatorWeight(merged)) <=
              1e-15 * accumulatorWeight(whole) &&
            whole.count === merged.count &&
            whole.nonzero === merged.nonzero
          );
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});
