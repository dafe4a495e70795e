/**
 * LossMeter: for random splits of a batch, one meter, several merged meters, and meters carried through
 * toJSON / JSON text / fromJSON all give what one call over the whole batch gives, to 1e-12 (SPEC
 * "Meters"). The reference here is the package's own one-call value: the claim under test is the
 * identity meter ≡ one call, which the conformance fixtures pin to mpmath separately.
 */

import { METER_TOLERANCE } from '@xent/conformance';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { binaryCrossEntropy } from './binaryCrossEntropy';
import { categoricalFocalLoss } from './categoricalFocalLoss';
import { entropy } from './entropy';
import { klDivergence } from './klDivergence';
import { LossMeter } from './LossMeter';
import { sigmoidCrossEntropy } from './sigmoidCrossEntropy';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';

const SEED = 20261203;
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));

/** Splits [0, n) at sorted cut points into contiguous parts (some may be empty). */
function parts<T>(rows: T[], cuts: number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let start = 0;
  for (const c of [...at, rows.length]) {
    out.push(rows.slice(start, c));
    start = c;
  }
  return out;
}

const logitRow = fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 3, maxLength: 3 });
const sample = fc.record({
  y: fc.integer({ min: 0, max: 2 }),
  x: logitRow,
  w: fc.double({ min: 0, max: 5, noNaN: true }),
});

describe('LossMeter ≡ one call over the concatenated batches', () => {
  test('softmaxCrossEntropy with labels, class weights and per-batch weights; one meter, merged meters, JSON', () => {
    fc.assert(
      fc.property(
        fc.array(sample, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (rows, cuts) => {
          const options = { classWeights: [1, 2, 0.5], labelSmoothing: 0.1 };
          const whole = softmaxCrossEntropy(
            rows.map((r) => r.y),
            rows.map((r) => r.x),
            { ...options, weights: rows.map((r) => r.w) },
          );
          const one = new LossMeter(softmaxCrossEntropy, options);
          let merged = new LossMeter(softmaxCrossEntropy, options);
          for (const part of parts(rows, cuts)) {
            if (part.length === 0) continue;
            const batch = [
              part.map((r) => r.y),
              part.map((r) => r.x),
              { weights: part.map((r) => r.w) },
            ] as const;
            one.update(...batch);
            const m = new LossMeter(softmaxCrossEntropy, options).update(...batch);
            merged = LossMeter.fromJSON(
              JSON.stringify(merged.merge(LossMeter.fromJSON(JSON.parse(JSON.stringify(m))))),
            );
          }
          expect(rel(one.value, whole)).toBeLessThanOrEqual(METER_TOLERANCE.rel);
          expect(rel(merged.value, whole)).toBeLessThanOrEqual(METER_TOLERANCE.rel);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });

  test('binaryCrossEntropy with sumOverCount and ignoreValue over uneven batches', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ t: fc.constantFrom(0, 1, -1, 0.3), q: fc.double({ min: 0, max: 1, noNaN: true }) }),
          { minLength: 1, maxLength: 50 },
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, cuts) => {
          const options = { reduction: 'sumOverCount', ignoreValue: -1, epsilon: 1e-7 } as const;
          const whole = binaryCrossEntropy(
            rows.map((r) => r.t),
            rows.map((r) => r.q),
            options,
          );
          const meter = new LossMeter(binaryCrossEntropy, options);
          for (const part of parts(rows, cuts))
            meter.update(
              part.map((r) => r.t),
              part.map((r) => r.q),
            );
          expect(rel(meter.value, whole)).toBeLessThanOrEqual(METER_TOLERANCE.rel);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });

  test('rank-1 multi-class updates add one position each; typed-array batches; entropy and KL meters', () => {
    const x = [
      [2, 0.5, -1],
      [0.1, 0.2, 3],
    ];
    const m = new LossMeter(softmaxCrossEntropy)
      .update(0, x[0] as number[])
      .update(2, { data: new Float32Array(x[1] as number[]), shape: [3] });
    expect(
      rel(m.value, softmaxCrossEntropy([0, 2], { data: new Float32Array(x.flat()), shape: [2, 3] })),
    ).toBeLessThanOrEqual(1e-12);

    const p = [
      [0.5, 0.5],
      [0.1, 0.9],
      [1, 0],
    ];
    const e = new LossMeter(entropy, { base: 2 })
      .update(p.slice(0, 1))
      .update(p.slice(1), { weights: [2, 3] });
    expect(rel(e.value, entropy(p, { base: 2, weights: [1, 2, 3] }) as number)).toBeLessThanOrEqual(1e-12);

    const q = [
      [0.4, 0.6],
      [0.2, 0.8],
      [0.7, 0.3],
    ];
    const k = new LossMeter(klDivergence, { reduction: 'sum' })
      .update(p.slice(0, 2), q.slice(0, 2))
      .update(p.slice(2), q.slice(2));
    expect(rel(k.value, klDivergence(p, q, { reduction: 'sum' }))).toBeLessThanOrEqual(1e-12);
  });

  test('focal meter along axis 0 (class axis first): batches concatenate along the other axis', () => {
    // predictions [C = 2, N], targets [C, N] distributions
    const q = [
      [0.2, 0.7, 0.5],
      [0.8, 0.3, 0.5],
    ];
    const t = [
      [0, 1, 1],
      [1, 0, 0],
    ];
    const cols = (a: number[][], from: number, to: number) => a.map((row) => row.slice(from, to));
    const m = new LossMeter(categoricalFocalLoss, { axis: 0 })
      .update(cols(t, 0, 1), cols(q, 0, 1))
      .update(cols(t, 1, 3), cols(q, 1, 3));
    expect(rel(m.value, categoricalFocalLoss(t, q, { axis: 0 }))).toBeLessThanOrEqual(1e-12);
  });
});

describe('LossMeter lifecycle', () => {
  test('before any update value follows onEmpty; reset forgets; a failed batch leaves the meter unchanged', () => {
    expect(new LossMeter(binaryCrossEntropy).value).toBe(0);
    expect(new LossMeter(binaryCrossEntropy, { onEmpty: 'nan' }).value).toBeNaN();
    const m = new LossMeter(sigmoidCrossEntropy).update([1, 0], [0, 0]);
    const before = m.value;
    expect(() => m.update([1, 2], [0, 0])).toThrow();
    expect(m.value).toBe(before);
    expect(m.reset().value).toBe(0);
    expect(m.lossName).toBe('sigmoidCrossEntropy');
  });

  test('toJSON is plain JSON, infinite sums survive as strings, and carries loss and options', () => {
    const m = new LossMeter(binaryCrossEntropy, { reduction: 'sum' }).update([1], [0]);
    expect(m.value).toBe(Number.POSITIVE_INFINITY);
    const json = JSON.parse(JSON.stringify(m));
    expect(json.format).toBe('xent.LossMeter');
    expect(json.loss).toBe('binaryCrossEntropy');
    expect(json.options.reduction).toBe('sum');
    expect(LossMeter.fromJSON(json).value).toBe(Number.POSITIVE_INFINITY);
  });

  test('an entropy meter takes p alone', () => {
    expect(() => new LossMeter(entropy).update([[0.5, 0.5]], [[0.5, 0.5]] as never)).toThrow(
      /entropy takes p alone/,
    );
  });

  test('update takes only weights per batch', () => {
    const m = new LossMeter(binaryCrossEntropy);
    expect(() => m.update([1], [0.5], { base: 2 } as never)).toThrow(/weights/);
  });
});
