/**
 * Properties of the losses over plain arrays (fast-check, fixed seed): CE ≥ 0, shift invariance of
 * logits, one-hot ≡ integer labels, H(t, q) = H(t) + KL(t ‖ q), sum = mean × total weight,
 * sigmoid ≡ binary ∘ sigmoid, nll ∘ logSoftmax ≡ softmax CE, gradient ≈ central finite difference, and
 * the adapter ≡ core on the same data. Each compares two computations, so the tolerance is
 * PROPERTY_TOLERANCE (FINITE_DIFFERENCE for the gradient check).
 */
import { FINITE_DIFFERENCE, PROPERTY_TOLERANCE } from '@xent/conformance';
import { computeLoss } from '@xent/core';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  binaryCrossEntropy,
  categoricalCrossEntropy,
  entropy,
  klDivergence,
  logSoftmax,
  nllLoss,
  sigmoid,
  sigmoidCrossEntropy,
  softmax,
  softmaxCrossEntropy,
  softmaxFocalLoss,
} from '../src/index';

const SEED = 20261203;
const RUNS = { seed: SEED, numRuns: 100 };
const { rel, abs } = PROPERTY_TOLERANCE.float64;
const near = (a: number, b: number, r = rel, z = abs) => Math.abs(a - b) <= Math.max(z, r * Math.abs(b));

const C = 4;
const logit = fc.double({ min: -40, max: 40, noNaN: true });
const row = fc.array(logit, { minLength: C, maxLength: C });
const batch = fc.array(
  fc.record({ x: row, y: fc.integer({ min: 0, max: C - 1 }), w: fc.double({ min: 0, max: 4, noNaN: true }) }),
  {
    minLength: 1,
    maxLength: 8,
  },
);
const oneHot = (y: number) => Array.from({ length: C }, (_, c) => (c === y ? 1 : 0));

test('CE ≥ 0 and shift invariance of logits', () => {
  fc.assert(
    fc.property(batch, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (rows, shift) => {
      const y = rows.map((r) => r.y);
      const x = rows.map((r) => r.x);
      const v = softmaxCrossEntropy(y, x);
      expect(v).toBeGreaterThanOrEqual(0);
      const shifted = softmaxCrossEntropy(
        y,
        x.map((r) => r.map((a) => a + shift)),
      );
      // shifting by s rounds every logit, so compare with a tolerance scaled by |s|·ulp
      expect(Math.abs(shifted - v)).toBeLessThanOrEqual(Math.max(1e-12 * v, 4e-16 * (Math.abs(shift) + 40)));
    }),
    RUNS,
  );
});

test('one-hot ≡ integer labels (with class weights and smoothing); nll ∘ logSoftmax ≡ softmax CE', () => {
  fc.assert(
    fc.property(batch, fc.double({ min: 0, max: 1, noNaN: true }), (rows, eps) => {
      const y = rows.map((r) => r.y);
      const x = rows.map((r) => r.x);
      const o = { classWeights: [1, 2, 0.5, 3], labelSmoothing: eps, weights: rows.map((r) => r.w) };
      const a = softmaxCrossEntropy(y, x, o);
      expect(near(softmaxCrossEntropy(y.map(oneHot), x, o), a)).toBe(true);
      expect(near(nllLoss(y, logSoftmax(x) as number[][], o), a)).toBe(true);
      expect(near(softmaxFocalLoss(y, x, { ...o, gamma: 0 }), a)).toBe(true);
    }),
    RUNS,
  );
});

test('H(t, q) = H(t) + KL(t ‖ q); sum = mean × Σw', () => {
  fc.assert(
    fc.property(batch, batch, (a, b) => {
      const n = Math.min(a.length, b.length);
      const t = softmax(a.slice(0, n).map((r) => r.x.map((v) => v / 8))) as number[][];
      const q = softmax(b.slice(0, n).map((r) => r.x.map((v) => v / 8))) as number[][];
      const h = categoricalCrossEntropy(t, q, { reduction: 'sum' });
      const split = (entropy(t, { reduction: 'sum' }) as number) + klDivergence(t, q, { reduction: 'sum' });
      expect(near(split, h)).toBe(true);
      const w = a.slice(0, n).map((r) => r.w);
      const sum = categoricalCrossEntropy(t, q, { weights: w, reduction: 'sum' });
      const mean = categoricalCrossEntropy(t, q, { weights: w });
      const total = w.reduce((s, v) => s + v, 0);
      expect(near(mean * total, sum)).toBe(true);
    }),
    RUNS,
  );
});

test('sigmoid CE ≡ binary CE ∘ sigmoid where σ(x) is not rounded to 0 or 1', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          x: fc.double({ min: -15, max: 15, noNaN: true }),
          t: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        { minLength: 1, maxLength: 10 },
      ),
      (rows) => {
        const x = rows.map((r) => r.x);
        const t = rows.map((r) => r.t);
        // binary CE on the rounded σ(x) differs by about ulp(σ)/(σ(1−σ)) relative: ~1e-9 at |x| = 15
        expect(
          near(binaryCrossEntropy(t, sigmoid(x) as number[]), sigmoidCrossEntropy(t, x), 1e-8, 1e-12),
        ).toBe(true);
      },
    ),
    RUNS,
  );
});

test('valueAndGrad ≈ central finite difference; the adapter ≡ core on the same data', () => {
  fc.assert(
    fc.property(batch, (rows) => {
      const y = rows.map((r) => r.y);
      const x = rows.map((r) => r.x.map((v) => v / 10));
      const o = { gamma: 1.5, weights: rows.map((r) => r.w + 0.1) };
      const { value, grad } = softmaxFocalLoss.valueAndGrad(y, x, o);
      const g = grad as number[][];
      for (let i = 0; i < x.length; i++) {
        for (let c = 0; c < C; c++) {
          const xi = (x[i] as number[])[c] as number;
          const h = FINITE_DIFFERENCE.float64.step * Math.max(1, Math.abs(xi));
          const at = (d: number) =>
            softmaxFocalLoss(
              y,
              x.map((r, k) => (k === i ? r.map((v, j) => (j === c ? v + d : v)) : r)),
              o,
            );
          const fd = (at(h) - at(-h)) / (2 * h);
          const an = (g[i] as number[])[c] as number;
          expect(Math.abs(an - fd)).toBeLessThanOrEqual(
            Math.max(FINITE_DIFFERENCE.float64.abs, FINITE_DIFFERENCE.float64.rel * Math.abs(fd)),
          );
        }
      }
      const core = computeLoss(
        'softmaxFocalLoss',
        { data: y, shape: [y.length] },
        { data: x.flat(), shape: [x.length, C] },
        o,
      );
      expect(core.value).toBe(value);
    }),
    { seed: SEED, numRuns: 30 },
  );
});
