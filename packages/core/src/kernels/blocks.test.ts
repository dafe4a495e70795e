/**
 * The block split of blocks.ts is invisible: a batch of many rows (several blocks, a partial last one) gives
 * the same values, per-position results and gradients whatever the array kind of its data, and the same as
 * computing each row on its own (one row is below a block, so it runs unsplit).
 */
import { describe, expect, test } from 'vitest';
import { computeLoss } from '../losses/computeLoss';
import { BLOCK } from './blocks';

const C = 7;
const N = Math.ceil((2.5 * BLOCK) / C); // two full blocks and a partial one
const logits32 = Float32Array.from(
  { length: N * C },
  (_, i) => 3 * Math.sin(i * 0.7) + (i % C === 2 ? 1e4 : 0),
);
const logits64 = Float64Array.from(logits32);
const labels = Int32Array.from({ length: N }, (_, n) => (n % 11 === 0 ? -1 : (n * 5) % C)); // some ignored
const weights = Float32Array.from({ length: N }, (_, n) => (n % 7 === 0 ? 0 : 1 + (n % 3)));
const options = {
  ignoreIndex: -1,
  weights: { data: weights, shape: [N] },
  classWeights: [1, 2, 3, 1, 1, 0.5, 2],
};

/** Same number to the last few ulps (a compensated sum in another grouping). */
const close = (a: number, b: number) => Math.abs(a - b) <= 4e-16 * Math.max(1, Math.abs(b));

describe('float64 blocks', () => {
  test('softmax: typed, float64 and plain-array data agree with each other and with row-by-row calls', () => {
    const run = (x: ArrayLike<number>, y: ArrayLike<number>) =>
      computeLoss(
        'softmaxCrossEntropy',
        { data: y, shape: [N] },
        { data: x, shape: [N, C] },
        { ...options, reduction: 'none' },
        { grad: true },
      );
    const a = run(logits32, labels);
    const b = run(logits64, Float64Array.from(labels));
    const c = run(Array.from(logits32), Array.from(labels));
    for (const other of [b, c]) {
      expect(Array.from(other.values!)).toEqual(Array.from(a.values!));
      expect(Array.from(other.grad!)).toEqual(Array.from(a.grad!));
    }
    for (let n = 0; n < N; n += 97) {
      const row = computeLoss(
        'softmaxCrossEntropy',
        { data: [labels[n]!], shape: [1] },
        { data: logits64.subarray(n * C, n * C + C), shape: [1, C] },
        { ...options, weights: [weights[n]!], reduction: 'sum' },
        { grad: true },
      );
      expect(a.values![n]).toBe(row.value);
      expect(Array.from(a.grad!.subarray(n * C, n * C + C))).toEqual(Array.from(row.grad!));
    }
    const mean = computeLoss(
      'softmaxCrossEntropy',
      { data: labels, shape: [N] },
      { data: logits32, shape: [N, C] },
      options,
    );
    const mean64 = computeLoss(
      'softmaxCrossEntropy',
      { data: Array.from(labels), shape: [N] },
      { data: logits64, shape: [N, C] },
      options,
    );
    expect(close(mean.value, mean64.value)).toBe(true);
  });

  test('sigmoid: typed and float64 data agree, element by element and in the mean', () => {
    const size = 2 * BLOCK + 123;
    const x32 = Float32Array.from({ length: size }, (_, i) => 4 * Math.cos(i * 0.3));
    const t32 = Float32Array.from({ length: size }, (_, i) => (i % 5 === 0 ? -1 : (i % 3) / 2));
    const run = (x: ArrayLike<number>, t: ArrayLike<number>, reduction: 'none' | 'mean') =>
      computeLoss(
        'sigmoidFocalLoss',
        { data: t, shape: [size] },
        { data: x, shape: [size] },
        { ignoreValue: -1, posWeight: 0.35, gamma: 2, reduction },
        { grad: true },
      );
    const a = run(x32, t32, 'none');
    const b = run(Float64Array.from(x32), Float64Array.from(t32), 'none');
    expect(Array.from(a.values!)).toEqual(Array.from(b.values!));
    expect(Array.from(a.grad!)).toEqual(Array.from(b.grad!));
    expect(close(run(x32, t32, 'mean').value, run(Array.from(x32), Array.from(t32), 'mean').value)).toBe(
      true,
    );
  });
});
