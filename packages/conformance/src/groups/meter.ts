import fc from 'fast-check';
import type { ConformanceAdapter, LossName, MeterFactory, MeterHandle, Nested } from '../adapter';
import { batch, binaryBatch, SEED } from '../arbitraries';
import type { TestApi } from '../runner';
import { METER_TOLERANCE, PROPERTY_TOLERANCE } from '../tolerances';
import { assertClose, caller } from './properties';

/** Cuts [0, n) at the given points (sorted, deduplicated, inside (0, n)). */
function parts(n: number, cuts: readonly number[]): [number, number][] {
  const points = [...new Set(cuts.map((c) => c % n).filter((c) => c > 0))].sort((a, b) => a - b);
  const bounds = [0, ...points, n];
  return bounds.slice(1).map((end, i) => [bounds[i]!, end]);
}

interface Stream {
  readonly fn: LossName;
  readonly options: Record<string, unknown>;
  readonly targets: readonly Nested[];
  readonly predictions: readonly Nested[];
  readonly weights: readonly Nested[];
}

async function feed(m: MeterHandle, s: Stream, lo: number, hi: number): Promise<void> {
  await m.update(s.targets.slice(lo, hi), s.predictions.slice(lo, hi), { weights: s.weights.slice(lo, hi) });
}

/** The meter three ways (one meter; one per part, merged; one per part through toJSON/fromJSON). */
async function threeWays(meter: MeterFactory, s: Stream, split: [number, number][]): Promise<number[]> {
  const one = meter.create(s.fn, s.options);
  for (const [lo, hi] of split) await feed(one, s, lo, hi);
  const merged = meter.create(s.fn, s.options);
  const viaJson = meter.create(s.fn, s.options);
  for (const [lo, hi] of split) {
    const part = meter.create(s.fn, s.options);
    await feed(part, s, lo, hi);
    await merged.merge(part);
    const state = JSON.parse(JSON.stringify(part.toJSON())) as unknown;
    await viaJson.merge(meter.fromJSON(state));
  }
  const restored = meter.fromJSON(JSON.parse(JSON.stringify(viaJson.toJSON())));
  return [await one.value(), await merged.value(), await restored.value()];
}

/**
 * SPEC.md "Meters": for random splits of a batch, one meter updated part by part, meters merged, and
 * meters passed through `toJSON`/`fromJSON` all equal one call over the whole batch (to 1e-12 in
 * float64); `reset` empties a meter; a rank-1 multi-class update adds one position.
 */
export function meterGroup(adapter: ConformanceAdapter, api: TestApi, numRuns: number): void {
  const meter = adapter.meter;
  if (!meter) {
    return; // the adapter provides no meter: nothing to check
  }
  const call = caller(adapter);
  const tol = adapter.precision === 'float64' ? METER_TOLERANCE : PROPERTY_TOLERANCE.float32;
  const cuts = fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 3 });
  const reduction = fc.constantFrom('mean', 'sum', 'sumOverCount', 'sumOverNonzeroWeights');
  api.describe(`LossMeter (fast-check, seed ${SEED})`, () => {
    api.test('softmax family: split, merged and serialised meters equal one call', async () => {
      await fc.assert(
        fc.asyncProperty(batch({ maxN: 8 }), cuts, reduction, async (b, c, red) => {
          if (!b.weights.some((w) => w > 0)) return;
          const options = { classWeights: b.classWeights, labelSmoothing: 0.1, reduction: red };
          const s: Stream = {
            fn: 'softmaxCrossEntropy',
            options,
            targets: b.labels,
            predictions: b.logits,
            weights: b.weights,
          };
          const whole = await call('softmaxCrossEntropy', b.labels, b.logits, {
            ...options,
            weights: b.weights,
          });
          const got = await threeWays(meter, s, parts(b.n, c));
          for (const [i, way] of ['one meter', 'merged', 'toJSON/fromJSON'].entries()) {
            assertClose(got[i]!, whole, tol, `${way} (${red})`);
          }
        }),
        { seed: SEED, numRuns },
      );
    });
    api.test('sigmoid family: split, merged and serialised meters equal one call', async () => {
      await fc.assert(
        fc.asyncProperty(binaryBatch(), cuts, reduction, async (bb, c, red) => {
          const options = { posWeight: 1.5, reduction: red };
          const s: Stream = {
            fn: 'binaryFocalLoss',
            options,
            targets: bb.targets,
            predictions: bb.probabilities,
            weights: bb.weights,
          };
          const whole = await call('binaryFocalLoss', bb.targets, bb.probabilities, {
            ...options,
            weights: bb.weights,
          });
          const got = await threeWays(meter, s, parts(bb.targets.length, c));
          for (const [i, way] of ['one meter', 'merged', 'toJSON/fromJSON'].entries()) {
            assertClose(got[i]!, whole, tol, `${way} (${red})`);
          }
        }),
        { seed: SEED, numRuns },
      );
    });
    api.test(
      'a rank-1 update adds one position; batches with the class axis first concatenate along axis 1; reset empties',
      async () => {
        const logits = [
          [2, 0.5, -1],
          [0.1, 0.2, 3],
          [-1, 1, 0],
        ];
        const labels = [0, 2, 1];
        const m = meter.create('softmaxCrossEntropy');
        for (let i = 0; i < 3; i++) await m.update(labels[i]!, logits[i]!);
        assertClose(
          await m.value(),
          await call('softmaxCrossEntropy', labels, logits),
          tol,
          'three rank-1 updates',
        );
        await m.reset();
        api.expect(await m.value(), "onEmpty 'zero' after reset").toBe(0);
        // class axis first: batches [C, n] concatenate along axis 1, the first axis that is not the class axis
        const a = meter.create('softmaxCrossEntropy', { axis: 0, reduction: 'sum' });
        await a.update(
          [0, 2],
          [
            [2, 0.1],
            [0.5, 0.2],
            [-1, 3],
          ],
        );
        await a.update([1], [[-1], [1], [0]]);
        const whole = await call(
          'softmaxCrossEntropy',
          [0, 2, 1],
          logits[0]!.map((_, c) => logits.map((r) => r[c]!)),
          {
            axis: 0,
            reduction: 'sum',
          },
        );
        assertClose(await a.value(), whole, tol, 'class axis first');
        const n = meter.create('binaryCrossEntropy', { onEmpty: 'nan' });
        api.expect(Number.isNaN(await n.value()), "onEmpty 'nan' before any update").toBe(true);
      },
    );
    api.test(
      'a batch that does not concatenate is SHAPE_MISMATCH (the meter unchanged); a forged JSON state is INVALID_INPUT',
      async () => {
        const codeOf = async (f: () => unknown): Promise<string> => {
          try {
            await f();
          } catch (e) {
            return e instanceof adapter.XentError
              ? (e as unknown as { code: string }).code
              : `not an XentError: ${e}`;
          }
          return 'no error';
        };
        const m = meter.create('softmaxCrossEntropy', { reduction: 'sum' });
        await m.update([0], [[0, 0, 0]]);
        // three classes, then four: no concatenation of the two batches exists
        api.expect(await codeOf(() => m.update([0], [[0, 0, 0, 0]]))).toBe('SHAPE_MISMATCH');
        assertClose(await m.value(), Math.log(3), tol, 'the meter after the refused batch: ln 3');
        const other = meter.create('softmaxCrossEntropy', { reduction: 'sum' });
        await other.update([1], [[0, 0, 0, 0]]);
        api.expect(await codeOf(() => m.merge(other))).toBe('SHAPE_MISMATCH');
        const s = meter.create('sigmoidCrossEntropy');
        await s.update([[1, 0]], [[0, 0]]);
        api.expect(await codeOf(() => s.update([[1, 0, 1]], [[0, 0, 0]]))).toBe('SHAPE_MISMATCH');
        const state = JSON.parse(JSON.stringify(s.toJSON())) as { sums: Record<string, unknown> };
        for (const [key, forged] of [
          ['weight', -5],
          ['count', 1.5],
          ['nonzero', 99],
          ['weight', 0], // two non-zero weights counted, none summed
          ['sum', 'abc'],
        ] as const) {
          const bad = { ...state, sums: { ...state.sums, [key]: forged } };
          api
            .expect(await codeOf(() => meter.fromJSON(bad)), `sums.${key} = ${forged}`)
            .toBe('INVALID_INPUT');
        }
        const { sums: _dropped, ...noSums } = state;
        api.expect(await codeOf(() => meter.fromJSON(noSums)), 'no sums').toBe('INVALID_INPUT');
        api.expect(await codeOf(() => meter.fromJSON({})), 'an empty object').toBe('INVALID_INPUT');
      },
    );
  });
}
