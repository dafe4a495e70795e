/**
 * Properties of the sigmoid / binary kernel (fast-check, fixed seed). Exact values are in
 * referenceFixtures.test.ts; here: finite differences, logits ≡ probabilities, special values.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { centralDifference, runSigmoid } from './testing/params';
import { FD_ABS, FD_REL } from './testing/tolerances';

const SEED = 20261203;

const elements = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    x: fc.array(fc.double({ min: -25, max: 25, noNaN: true }), { minLength: n, maxLength: n }),
    t: fc.array(fc.constantFrom(0, 1, 0.3, 0.9), { minLength: n, maxLength: n }),
    pw: fc.option(fc.array(fc.constantFrom(0, 1, 2.5), { minLength: n, maxLength: n }), { nil: null }),
    gamma: fc.option(fc.double({ min: 0, max: 4, noNaN: true }), { nil: null }),
    alpha: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    smoothing: fc.constantFrom(0, 0.1),
  }),
);

function close(got: number, want: number, rel: number, abs: number): boolean {
  return Math.abs(got - want) <= Math.max(rel * Math.abs(want), abs);
}

describe('sigmoidFamilyKernel properties', () => {
  test('gradient ≈ central finite difference (logits; posWeight, smoothing, focal γ and α)', () => {
    fc.assert(
      fc.property(elements, ({ x, t, pw, gamma, alpha, smoothing }) => {
        const base = {
          targets: t,
          posWeight: pw,
          gamma,
          alpha: gamma === null ? null : alpha,
          labelSmoothing: smoothing,
        };
        const xs = Float64Array.from(x);
        const { grad } = runSigmoid({ ...base, predictions: xs });
        const f = (v: Float64Array) => runSigmoid({ ...base, predictions: v }).total;
        return grad.every((g, j) => close(g, centralDifference(f, xs, j), FD_REL, FD_ABS));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('gradient ≈ central finite difference (probabilities in (0.01, 0.99), focal γ)', () => {
    fc.assert(
      fc.property(elements, ({ x, t, gamma }) => {
        const q = Float64Array.from(x, (v) => 0.01 + 0.98 / (1 + Math.exp(-v)));
        const base = { targets: t, gamma, predictionKind: 'probabilities' as const };
        const { grad } = runSigmoid({ ...base, predictions: q });
        const f = (v: Float64Array) => runSigmoid({ ...base, predictions: v }).total;
        return grad.every((g, j) => close(g, centralDifference(f, q, j), FD_REL, FD_ABS));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('binary on σ(x) ≈ sigmoid on x', () => {
    fc.assert(
      fc.property(elements, ({ x, t }) => {
        // |x| ≤ 15 keeps 1 − σ(x) ≥ 3e-7, so rounding σ(x) costs at most ~1e-9 relative
        const z = x.map((v) => v * 0.6);
        const a = runSigmoid({ predictions: z, targets: t }).total;
        const q = z.map((v) => 1 / (1 + Math.exp(-v)));
        const b = runSigmoid({ predictions: q, targets: t, predictionKind: 'probabilities' }).total;
        return close(b, a, 1e-8, 1e-12);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('no NaN for any γ ≥ 0 and any logit, infinite ones included (value and gradient)', () => {
    const extreme = fc.constantFrom(0, 3, -3, 40, -40, 800, -800, 1e300, -1e300, Infinity, -Infinity);
    fc.assert(
      fc.property(
        extreme,
        fc.constantFrom(0, 1, 0.25),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.constantFrom(0, 0.1),
        (x, t, gamma, smoothing) => {
          const r = runSigmoid({
            predictions: [x],
            targets: [t],
            gamma,
            alpha: 0.25,
            labelSmoothing: smoothing,
          });
          return !Number.isNaN(r.total) && !Number.isNaN(r.grad[0]!);
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  test('a saturated correct logit gives exactly 0 loss and gradient; a wrong one +∞ with a finite gradient', () => {
    const r = runSigmoid({ predictions: [Infinity, -Infinity, 1e300, -1e300], targets: [1, 0, 0, 1] });
    expect(Array.from(r.perPosition)).toEqual([0, 0, 1e300, 1e300]); // softplus(±1e300) = 1e300
    expect(Array.from(r.grad, (g) => (g === 0 ? 0 : g))).toEqual([0, 0, 1, -1]); // σ(x) − t
  });

  test('weight 0, ignored targets and posWeight 0 remove their terms, even against NaN or ∞', () => {
    const r = runSigmoid({
      predictions: [Number.NaN, -Infinity, 2, -Infinity],
      targets: [1, 1, -1, 1],
      ignoreValue: -1,
      sampleWeights: [0, 1, 1, 1],
      posWeight: [1, 0, 1, 1],
    });
    expect(Array.from(r.perPosition.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(r.total).toBe(Infinity);
    expect(Array.from(r.grad.subarray(0, 3))).toEqual([0, 0, 0]);
  });

  test('a clipped probability has gradient 0 at and beyond the bound', () => {
    const eps = 1e-7;
    const r = runSigmoid({
      predictions: [0, eps, 1, 1 - eps],
      targets: [1, 1, 0, 0],
      predictionKind: 'probabilities',
      epsilon: eps,
    });
    expect(Array.from(r.grad)).toEqual([0, 0, 0, 0]);
  });
});
