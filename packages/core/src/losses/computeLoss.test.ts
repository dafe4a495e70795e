/**
 * computeLoss over views: SPEC's per-position numerator and weight and the reductions, on inputs whose
 * values have closed forms (equal logits over C classes cost ln C; logit 0 costs ln 2; q = 1/2 costs
 * ln 2). The 50-digit fixtures of every regime are checked by the conformance suite through the adapters.
 */
import { describe, expect, test } from 'vitest';
import { XentError } from '../errors';
import { computeLoss } from './computeLoss';

const v = (data: number[], shape: number[]) => ({ data, shape });
const LN2 = Math.LN2;
const close = (got: number, expected: number) =>
  expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected));

describe('softmax family: weights, class weights, ignoreIndex', () => {
  // two positions of equal logits over 2 classes: a_n = ln 2 each
  const x = v([0, 0, 0, 0], [2, 2]);
  test('mean, sum, sumOverCount, sumOverNonzeroWeights with sample weights [0, 3]', () => {
    const w = { weights: [0, 3] };
    close(computeLoss('softmaxCrossEntropy', v([0, 1], [2]), x, { ...w }).value, LN2); // 3 ln2 / 3
    close(computeLoss('softmaxCrossEntropy', v([0, 1], [2]), x, { ...w, reduction: 'sum' }).value, 3 * LN2);
    close(
      computeLoss('softmaxCrossEntropy', v([0, 1], [2]), x, { ...w, reduction: 'sumOverCount' }).value,
      (3 * LN2) / 2,
    );
    close(
      computeLoss('softmaxCrossEntropy', v([0, 1], [2]), x, { ...w, reduction: 'sumOverNonzeroWeights' })
        .value,
      3 * LN2,
    );
  });
  test('a weight of 0 removes an infinite loss entirely', () => {
    // q = [0, 1] with label 0 is +∞; its weight is 0
    const q = v([0, 1, 0.5, 0.5], [2, 2]);
    close(computeLoss('categoricalCrossEntropy', v([0, 0], [2]), q, { weights: [0, 1] }).value, LN2);
    expect(computeLoss('categoricalCrossEntropy', v([0, 0], [2]), q).value).toBe(Number.POSITIVE_INFINITY);
  });
  test('classWeights: Σ cw[y] a / Σ cw[y] (PyTorch), and the raw target for distributions', () => {
    const r = computeLoss('softmaxCrossEntropy', v([0, 1], [2]), x, {
      classWeights: [1, 3],
      reduction: 'sum',
    });
    close(r.value, 4 * LN2);
    close(computeLoss('softmaxCrossEntropy', v([0, 1], [2]), x, { classWeights: [1, 3] }).value, LN2);
    // one-hot targets give the same as labels, with smoothing too
    const oneHot = v([1, 0, 0, 1], [2, 2]);
    const opts = { classWeights: [1, 3], labelSmoothing: 0.2 };
    close(
      computeLoss('softmaxCrossEntropy', oneHot, x, opts).value,
      computeLoss('softmaxCrossEntropy', v([0, 1], [2]), x, opts).value,
    );
  });
  test('ignoreIndex counts nowhere; none gives 0 there', () => {
    const r = computeLoss('softmaxCrossEntropy', v([-100, 1], [2]), x, {
      ignoreIndex: -100,
      reduction: 'none',
    });
    expect(Array.from(r.values ?? [])).toEqual([0, LN2]);
    expect(r.positionShape).toEqual([2]);
    close(
      computeLoss('softmaxCrossEntropy', v([-100, 1], [2]), x, {
        ignoreIndex: -100,
        reduction: 'sumOverCount',
      }).value,
      LN2,
    );
    expect(
      computeLoss('softmaxCrossEntropy', v([-100, -100], [2]), x, { ignoreIndex: -100, onEmpty: 'nan' })
        .value,
    ).toBeNaN();
  });
  test('gradient of the mean: (softmax − one-hot) / N, and 1/ln 2 more in bits', () => {
    const r = computeLoss('softmaxCrossEntropy', v([0, 1], [2]), x, undefined, { grad: true });
    expect(Array.from(r.grad ?? [])).toEqual([-0.25, 0.25, 0.25, -0.25]);
    const bits = computeLoss('softmaxCrossEntropy', v([0, 1], [2]), x, { base: 2 }, { grad: true });
    close(bits.value, 1);
    close(bits.grad?.[0] as number, -0.25 / LN2);
  });
  test('rank-1 input is one sample with a scalar label', () => {
    const r = computeLoss('softmaxCrossEntropy', v([2], []), v([0, 0, 0, 0], [4]), { reduction: 'none' });
    expect(r.positionShape).toEqual([]);
    close(r.values?.[0] as number, Math.log(4));
  });
});

describe('sigmoid family, entropy, KL', () => {
  test('rank 0, posWeight broadcast along the last axis, ignoreValue', () => {
    close(computeLoss('sigmoidCrossEntropy', v([1], []), v([0], [])).value, LN2);
    // logits 0: a = pw·ln2 for t = 1, ln2 for t = 0; posWeight [2, 1] per label
    const r = computeLoss('sigmoidCrossEntropy', v([1, 1, 0, -1], [2, 2]), v([0, 0, 0, 0], [2, 2]), {
      posWeight: [2, 1],
      ignoreValue: -1,
      reduction: 'none',
    });
    expect(Array.from(r.values ?? [])).toEqual([2 * LN2, LN2, LN2, 0]);
    close(
      computeLoss('binaryCrossEntropy', v([1, 0, -1], [3]), v([0.5, 0.5, 0.5], [3]), { ignoreValue: -1 })
        .value,
      LN2,
    );
  });
  test('a NaN prediction gives NaN unless its weight is 0', () => {
    expect(computeLoss('sigmoidCrossEntropy', v([1, 0], [2]), v([Number.NaN, 0], [2])).value).toBeNaN();
    close(
      computeLoss('sigmoidCrossEntropy', v([1, 0], [2]), v([Number.NaN, 0], [2]), { weights: [0, 1] }).value,
      LN2,
    );
  });
  test('entropy has no gradient; KL(p ‖ p) = 0 with gradient −p/q', () => {
    const p = v([0.5, 0.5], [2]);
    const e = computeLoss('entropy', p, null, { base: 2 }, { grad: true });
    close(e.value, 1);
    expect(e.grad).toBeNull();
    const kl = computeLoss('klDivergence', p, p, undefined, { grad: true });
    expect(Math.abs(kl.value)).toBeLessThanOrEqual(1e-16);
    expect(Array.from(kl.grad ?? [])).toEqual([-1, -1]);
  });
  test('bad calls', () => {
    expect(() => computeLoss('dice' as never, p0, p0)).toThrow(XentError);
    expect(() => computeLoss('softmaxCrossEntropy', p0, null)).toThrow(XentError);
    expect(() => computeLoss('softmaxCrossEntropy', v([0], [1]), v([1, 2, 3], [2]))).toThrow(XentError);
  });
});
const p0 = v([0.5, 0.5], [2]);
