/**
 * Properties of the divergence kernel (KL and entropy), fast-check with a fixed seed. Exact values are
 * in referenceFixtures.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { centralDifference, runDivergence, runSoftmax } from './testing/params';
import { FD_ABS, FD_REL } from './testing/tolerances';

const SEED = 20261203;

/** n rows of C-class distributions p and q (some p entries 0), and logits z. */
const pairs = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), c: fc.integer({ min: 2, max: 6 }) })
  .chain(({ n, c }) => {
    const dist = fc
      .array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })), {
        minLength: c,
        maxLength: c,
      })
      .map((v) =>
        v.every((a) => a === 0) ? v.map(() => 1 / c) : v.map((a) => a / v.reduce((s, b) => s + b, 0)),
      );
    const pos = fc
      .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: c, maxLength: c })
      .map((v) => v.map((a) => a / v.reduce((s, b) => s + b, 0)));
    return fc.record({
      layout: fc.constant({ outer: n, classes: c, inner: 1 }),
      p: fc.array(dist, { minLength: n, maxLength: n }).map((r) => r.flat()),
      q: fc.array(pos, { minLength: n, maxLength: n }).map((r) => r.flat()),
      z: fc.array(fc.double({ min: -15, max: 15, noNaN: true }), { minLength: n * c, maxLength: n * c }),
    });
  });

function close(got: number, want: number, rel: number, abs: number): boolean {
  return Math.abs(got - want) <= Math.max(rel * Math.abs(want), abs);
}

describe('divergenceKernel properties', () => {
  test('H(p, q) = H(p) + KL(p ‖ q) (probabilities and logits)', () => {
    fc.assert(
      fc.property(pairs, ({ layout, p, q, z }) => {
        const h = runDivergence({ layout, p }).total;
        const kl = runDivergence({ layout, p, q }).total;
        const ce = runSoftmax({
          layout,
          predictions: q,
          distributions: p,
          predictionKind: 'probabilities',
        }).total;
        const klz = runDivergence({ layout, p, q: z, qKind: 'logits' }).total;
        const cez = runSoftmax({ layout, predictions: z, distributions: p }).total;
        return close(h + kl, ce, 1e-12, 1e-13) && close(h + klz, cez, 1e-12, 1e-13);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  test('KL(p ‖ p) = 0 and KL ≥ 0', () => {
    fc.assert(
      fc.property(pairs, ({ layout, p, q }) => {
        const same = runDivergence({ layout, p, q: p }).total;
        return Math.abs(same) <= 1e-15 && runDivergence({ layout, p, q }).total >= -1e-15;
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  test('gradient ≈ central finite difference (q as probabilities and as logits)', () => {
    fc.assert(
      fc.property(pairs, ({ layout, p, q, z }) => {
        const qs = Float64Array.from(q);
        const zs = Float64Array.from(z);
        const gq = runDivergence({ layout, p, q: qs }).grad;
        const gz = runDivergence({ layout, p, q: zs, qKind: 'logits' }).grad;
        const fq = (v: Float64Array) => runDivergence({ layout, p, q: v }).total;
        const fz = (v: Float64Array) => runDivergence({ layout, p, q: v, qKind: 'logits' }).total;
        return (
          gq.every((g, j) => close(g, centralDifference(fq, qs, j), FD_REL, FD_ABS)) &&
          gz.every((g, j) => close(g, centralDifference(fz, zs, j), FD_REL, FD_ABS))
        );
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('0 · log 0 = 0: a zero p never evaluates q (q = 0, −∞ logits)', () => {
    const layout = { outer: 1, classes: 3, inner: 1 };
    const p = [0.5, 0.5, 0];
    expect(runDivergence({ layout, p, q: [0.5, 0.5, 0] }).total).toBe(0);
    expect(runDivergence({ layout, p, q: [0, 0, -Infinity], qKind: 'logits' }).total).toBe(0);
    expect(runDivergence({ layout, p }).total).toBe(Math.LN2); // H([½, ½, 0]) = ln 2
  });
});
