/**
 * Properties of the softmax / categorical / nll kernel (fast-check, fixed seed). Exact values are in
 * referenceFixtures.test.ts; here: finite differences, invariances, path agreement, special values.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { centralDifference, runSoftmax, softmaxRow } from './testing/params';
import { FD_ABS, FD_REL, VALUE_REL } from './testing/tolerances';

const SEED = 20261203;
const opts = { seed: SEED, numRuns: 150 };

/** N rows of C logits (C ∈ [1, 8]) with a label per row. */
const rows = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), c: fc.integer({ min: 1, max: 8 }) })
  .chain(({ n, c }) =>
    fc.record({
      n: fc.constant(n),
      c: fc.constant(c),
      x: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: n * c, maxLength: n * c }),
      y: fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
      gamma: fc.option(fc.double({ min: 0, max: 4, noNaN: true }), { nil: null }),
      smoothing: fc.constantFrom(0, 0.1),
      w: fc.array(fc.constantFrom(0, 0.5, 1, 2), { minLength: n, maxLength: n }),
    }),
  );

function close(got: number, want: number, rel: number, abs: number): boolean {
  return Math.abs(got - want) <= Math.max(rel * Math.abs(want), abs);
}

describe('softmaxFamilyKernel properties', () => {
  test('gradient ≈ central finite difference (logits, labels, smoothing, focal γ, sample weights)', () => {
    fc.assert(
      fc.property(rows, ({ n, c, x, y, gamma, smoothing, w }) => {
        const base = {
          layout: { outer: n, classes: c, inner: 1 },
          labels: Int32Array.from(y),
          gamma,
          labelSmoothing: smoothing,
          sampleWeights: Float64Array.from(w),
        };
        const xs = Float64Array.from(x);
        const { grad } = runSoftmax({ ...base, predictions: xs });
        const f = (v: Float64Array) => runSoftmax({ ...base, predictions: v }).total;
        for (let j = 0; j < xs.length; j++) {
          const fd = centralDifference(f, xs, j);
          if (!close(grad[j]!, fd, FD_REL, FD_ABS)) return false;
        }
        return true;
      }),
      opts,
    );
  });

  test('adding a constant to a row of logits leaves the loss unchanged', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: -64, max: 64 }), ({ n, c, x, y }, shift) => {
        const layout = { outer: n, classes: c, inner: 1 };
        const labels = Int32Array.from(y);
        const a = runSoftmax({ layout, labels, predictions: Float64Array.from(x) }).total;
        const b = runSoftmax({ layout, labels, predictions: Float64Array.from(x, (v) => v + shift) }).total;
        return close(b, a, 1e-12, 1e-12);
      }),
      opts,
    );
  });

  test('one-hot distributions ≡ integer labels (value and gradient; fast and general paths)', () => {
    fc.assert(
      fc.property(rows, ({ n, c, x, y, w }) => {
        const layout = { outer: n, classes: c, inner: 1 };
        const predictions = Float64Array.from(x);
        const sampleWeights = Float64Array.from(w);
        const onehot = new Float64Array(n * c);
        y.forEach((k, i) => {
          onehot[i * c + k] = 1;
        });
        const a = runSoftmax({ layout, predictions, sampleWeights, labels: Int32Array.from(y) });
        const b = runSoftmax({ layout, predictions, sampleWeights, distributions: onehot });
        if (!close(a.total, b.total, VALUE_REL, 1e-300)) return false;
        return a.grad.every((g, j) => close(g, b.grad[j]!, 1e-12, 1e-16));
      }),
      opts,
    );
  });

  test('fast paths (C = 2 closed form, C > 2 around the arg-max) ≡ the general row at extreme logits', () => {
    const extreme = fc.constantFrom(
      0,
      2,
      -2,
      40,
      -40,
      800,
      -800,
      1e300,
      -1e300,
      Infinity,
      -Infinity,
      Number.NaN,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((c) =>
          fc.record({
            c: fc.constant(c),
            x: fc.array(extreme, { minLength: c, maxLength: c }),
            y: fc.integer({ min: 0, max: c - 1 }),
          }),
        ),
        ({ c, x, y }) => {
          const layout = { outer: 1, classes: c, inner: 1 };
          const onehot = Array.from({ length: c }, (_, k) => (k === y ? 1 : 0));
          const a = runSoftmax({ layout, predictions: x, labels: [y] });
          const b = runSoftmax({ layout, predictions: x, distributions: onehot });
          const same = (u: number, v: number) =>
            Object.is(u, v) || close(u, v, 1e-15, 0) || (Number.isNaN(u) && Number.isNaN(v));
          return same(a.total, b.total) && a.grad.every((g, j) => same(g, b.grad[j]!));
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  test('categorical on softmax(x) ≈ softmax cross-entropy on x', () => {
    fc.assert(
      fc.property(rows, ({ n, c, x, y }) => {
        const layout = { outer: n, classes: c, inner: 1 };
        const labels = Int32Array.from(y);
        const probs: number[] = [];
        for (let i = 0; i < n; i++) probs.push(...softmaxRow(x.slice(i * c, (i + 1) * c)));
        const a = runSoftmax({ layout, labels, predictions: Float64Array.from(x) }).total;
        const b = runSoftmax({ layout, labels, predictions: probs, predictionKind: 'probabilities' }).total;
        return close(b, a, 1e-9, 1e-12);
      }),
      opts,
    );
  });

  test('no NaN for any γ ≥ 0 at saturated or infinite logits (value and gradient)', () => {
    const extreme = fc.constantFrom(
      0,
      1,
      -1,
      40,
      -40,
      800,
      -800,
      1e4,
      -1e4,
      1e300,
      -1e300,
      Infinity,
      -Infinity,
    );
    fc.assert(
      fc.property(
        fc.array(extreme, { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, y, gamma) => {
          if (x.every((v) => v === -Infinity)) return true; // an all −∞ row is NaN by definition
          const r = runSoftmax({
            layout: { outer: 1, classes: 3, inner: 1 },
            predictions: x,
            labels: [y],
            gamma,
          });
          return !Number.isNaN(r.total) && r.grad.every((g) => !Number.isNaN(g));
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  test('a position with weight 0 or an ignored label is never evaluated', () => {
    const layout = { outer: 3, classes: 2, inner: 1 };
    const predictions = [Number.NaN, 0, -Infinity, 0, 1, 2];
    // row 0 NaN (weight 0), row 1 label on −∞ (ignored): only row 2 counts, −log σ(1) = softplus(1)
    const r = runSoftmax({
      layout,
      predictions,
      labels: [0, -1, 1],
      ignoreIndex: -1,
      sampleWeights: [0, 1, 1],
    });
    expect(r.total).toBeCloseTo(Math.log1p(Math.exp(-1)), 15);
    expect(Array.from(r.grad.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(r.perPosition)).toEqual([0, 0, r.total]);
  });

  test('several +∞ logits share the probability; a row of only −∞ is NaN', () => {
    const layout = { outer: 2, classes: 3, inner: 1 };
    const r = runSoftmax({
      layout: { outer: 1, classes: 3, inner: 1 },
      predictions: [Infinity, 0, Infinity],
      labels: [0],
    });
    expect(r.total).toBe(Math.log(2)); // −log(1/2), closed form
    const nan = runSoftmax({
      layout,
      predictions: [-Infinity, -Infinity, -Infinity, 0, 0, 0],
      labels: [0, 0],
    });
    expect(nan.total).toBeNaN();
    expect(Number.isNaN(nan.perPosition[0]!)).toBe(true);
    expect(Math.abs(nan.perPosition[1]! - Math.log(3))).toBeLessThanOrEqual(2.3e-16); // −log(1/3), within 1 ulp
  });

  test('a clipped probability has gradient 0 at and beyond the bound (epsilon)', () => {
    const eps = 1e-7;
    const r = runSoftmax({
      layout: { outer: 2, classes: 2, inner: 1 },
      predictions: [0, 1, eps, 1 - eps],
      predictionKind: 'probabilities',
      labels: [0, 0],
      epsilon: eps,
    });
    expect(Array.from(r.grad)).toEqual([0, 0, 0, 0]);
    expect(r.total).toBe(-2 * Math.log(eps)); // both rows clipped to q = ε on the labelled class
  });
});
