/**
 * Properties and special rows of the primitive kernels (exact values: referenceFixtures.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  logSigmoidKernel,
  logSoftmaxKernel,
  logSumExpKernel,
  sigmoidKernel,
  softmaxKernel,
} from './primitives';

const SEED = 20261203;
const layout = { outer: 1, classes: 4, inner: 1 };

function run(kernel: typeof softmaxKernel, x: number[], size = x.length): number[] {
  const out = new Float64Array(size);
  kernel(layout, x, out);
  return Array.from(out);
}

describe('primitive kernels', () => {
  test('softmax sums to 1, log softmax = x − logSumExp, for any row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (x) => {
          const p = run(softmaxKernel, x);
          const lp = run(logSoftmaxKernel, x);
          const [lse] = run(logSumExpKernel, x, 1) as [number];
          const sum = p.reduce((a, b) => a + b, 0);
          return (
            Math.abs(sum - 1) <= 4e-16 * 4 &&
            lp.every(
              (v, c) => Math.abs(v - (x[c]! - lse)) <= 1e-12 * Math.max(1, Math.abs(lse), Math.abs(x[c]!)),
            )
          );
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('rows with +∞, only −∞, or NaN', () => {
    expect(run(softmaxKernel, [Infinity, 0, Infinity, -Infinity])).toEqual([0.5, 0, 0.5, 0]);
    expect(run(logSoftmaxKernel, [Infinity, 0, Infinity, -Infinity])).toEqual([
      -Math.LN2,
      -Infinity,
      -Math.LN2,
      -Infinity,
    ]);
    expect(run(logSumExpKernel, [Infinity, 0, 1, 2], 1)).toEqual([Infinity]);
    expect(run(logSumExpKernel, [-Infinity, -Infinity, -Infinity, -Infinity], 1)).toEqual([-Infinity]);
    expect(run(softmaxKernel, [-Infinity, -Infinity, -Infinity, -Infinity]).every(Number.isNaN)).toBe(true);
    expect(run(logSoftmaxKernel, [0, Number.NaN, 1, 2]).every(Number.isNaN)).toBe(true);
    expect(run(logSumExpKernel, [0, Number.NaN, 1, 2], 1).every(Number.isNaN)).toBe(true);
  });

  test('the class axis is read in place through the stride (middle axis of [2, 2, 3])', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const out = new Float64Array(6);
    logSumExpKernel({ outer: 2, classes: 2, inner: 3 }, x, out);
    // pairs (x, x + 3) → x + 3 + log1p(e^−3), closed form
    const want = [0, 1, 2, 6, 7, 8].map((v) => v + 3 + Math.log1p(Math.exp(-3)));
    for (let i = 0; i < 6; i++) expect(out[i]).toBeCloseTo(want[i]!, 13);
  });

  test('logSigmoid and sigmoid at the edges', () => {
    const x = [0, Infinity, -Infinity, 1e300, -1e300, 800, -800];
    const ls = new Float64Array(x.length);
    const s = new Float64Array(x.length);
    logSigmoidKernel(x.length, x, ls);
    sigmoidKernel(x.length, x, s);
    // log σ(0) = −ln 2; log σ(x) = x for x ≪ 0; σ(−800) = e^−800 underflows to 0
    expect(Array.from(ls)).toEqual([-Math.LN2, -0, -Infinity, -0, -1e300, -0, -800]);
    expect(Array.from(s)).toEqual([0.5, 1, 0, 1, 0, 1, 0]);
  });
});
