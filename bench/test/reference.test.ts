import { describe, expect, it } from 'vitest';
import {
  floorRead,
  fusedSigmoidCE,
  fusedSigmoidCEGrad,
  fusedSoftmaxCE,
  fusedSoftmaxCEGrad,
  plainSigmoidCE,
  plainSoftmaxCE,
  plainSoftmaxCEClassFirst,
} from '../src/baselines.mjs';
import { sigmoidReference, softmaxReference } from '../src/reference.mjs';
import { normwiseError, relativeError } from '../src/stats.mjs';
import { sigmoidData, softmaxData } from '../src/workloads.mjs';

describe('float64 references (closed forms)', () => {
  it('softmax CE of equal logits is ln C, gradient (1/C − [c = y]) / N', () => {
    // 3 rows × 4 classes, all logits 7: every row's loss is ln 4
    const x = new Float32Array(12).fill(7);
    const labels = Int32Array.from([0, 3, 1]);
    const r = softmaxReference({ outer: 3, classes: 4, inner: 1 }, x, labels);
    expect(relativeError(r.value, Math.log(4))).toBeLessThanOrEqual(1e-15);
    expect(r.grad[0]).toBeCloseTo((0.25 - 1) / 3, 15);
    expect(r.grad[1]).toBeCloseTo(0.25 / 3, 15);
  });

  it('softmax CE stays exact where the naive form overflows: logits (1000, 0), label 1 → 1000 + log1p(e^−1000) = 1000', () => {
    const r = softmaxReference({ outer: 1, classes: 2, inner: 1 }, [1000, 0], [1]);
    expect(r.value).toBe(1000);
  });

  it('sigmoid CE of logit 0 is ln 2 for either target, gradient (1/2 − t) / n', () => {
    const r = sigmoidReference([0, 0], [0, 1]);
    expect(relativeError(r.value, Math.LN2)).toBeLessThanOrEqual(1e-15);
    expect(Array.from(r.grad)).toEqual([0.25, -0.25]);
  });
});

describe('baselines agree with the reference on the workload data', () => {
  const last = softmaxData('t', 't', [300, 14], -1, 7);
  const first = softmaxData('t', 't', [4, 9, 11], 0, 8);
  const sig = sigmoidData('t', 't', [200, 14], 9);

  it('fused softmax kernels (class axis last and first)', () => {
    for (const d of [last, first]) {
      expect(
        relativeError(fusedSoftmaxCE(d.layout, d.logits, d.labels), d.reference.value),
      ).toBeLessThanOrEqual(1e-13);
      const g = fusedSoftmaxCEGrad(d.layout, d.logits, d.labels);
      expect(relativeError(g.value, d.reference.value)).toBeLessThanOrEqual(1e-13);
      expect(normwiseError(g.grad, d.reference.grad)).toBeLessThanOrEqual(1e-13);
    }
  });

  it('plain JS on nested arrays, the class axis first gathered per pixel', () => {
    expect(
      relativeError(plainSoftmaxCE(last.nested.labels, last.nested.logits), last.reference.value),
    ).toBeLessThanOrEqual(1e-12);
    expect(
      relativeError(
        plainSoftmaxCEClassFirst(first.nested.labels, first.nested.logits),
        first.reference.value,
      ),
    ).toBeLessThanOrEqual(1e-12);
  });

  it('sigmoid kernels', () => {
    expect(relativeError(fusedSigmoidCE(sig.logits, sig.targets), sig.reference.value)).toBeLessThanOrEqual(
      1e-13,
    );
    expect(
      normwiseError(fusedSigmoidCEGrad(sig.logits, sig.targets).grad, sig.reference.grad),
    ).toBeLessThanOrEqual(1e-13);
    // the textbook form loses accuracy only for |x| ≫ 1; logits here are N(0, 2²)
    expect(
      relativeError(plainSigmoidCE(sig.nested.targets, sig.nested.logits), sig.reference.value),
    ).toBeLessThanOrEqual(1e-10);
  });

  it('the read floor reads every element (sum of the data)', () => {
    expect(floorRead(Float32Array.from([1, 2, 3.5]))).toBe(6.5);
  });

  it('workload data is the same for the same seed', () => {
    const again = softmaxData('t', 't', [300, 14], -1, 7);
    expect(again.logits).toEqual(last.logits);
    expect(again.labels).toEqual(last.labels);
    expect(Math.max(...last.labels)).toBeLessThan(14);
  });
});
