import fc from 'fast-check';
import type { ConformanceAdapter, FunctionName, Nested } from '../adapter';
import { batch, binaryBatch, oneHot, SEED, softmaxRows } from '../arbitraries';
import { contextFor } from '../cases';
import { flatten, show, worstMismatch } from '../compare';
import type { TestApi } from '../runner';
import { PROPERTY_TOLERANCE } from '../tolerances';
import { finiteDifferenceProperties } from './finiteDifferences';

export type Call = (
  fn: FunctionName,
  t: Nested,
  p: Nested | undefined,
  o?: Record<string, unknown>,
) => Promise<Nested>;

export function caller(adapter: ConformanceAdapter): Call {
  return (fn, t, p, o) => adapter.call(fn, t, p, o, contextFor(fn, t, p));
}

/** Throws (so that fast-check reports the counterexample) unless `got` ≈ `expected` within `tol`. */
export function assertClose(
  got: Nested,
  expected: Nested,
  tol: { rel: number; abs: number },
  what: string,
): void {
  const m = worstMismatch(got, expected, tol);
  if (m.ratio > 1) {
    throw new Error(
      `${what}: got ${show(got)}, expected ${show(expected)}; worst [${m.index}] ${m.got} vs ${m.expected}${m.note ? ` (${m.note})` : ''}`,
    );
  }
}

const add = (a: Nested, b: Nested): Nested => {
  const x = flatten(a).data;
  const y = flatten(b).data;
  return x.map((v, i) => v + y[i]!);
};

/**
 * fast-check properties with a fixed seed: CE ≥ 0, logit shift invariance, one-hot ≡ integer labels,
 * H(t, q) = H(t) + KL(t ‖ q), sum = mean × Σ w, sigmoid ≡ binary ∘ sigmoid, softmax ≡ nll ∘ logSoftmax,
 * and (in `finiteDifferences.ts`) gradient ≈ central finite differences.
 */
export function propertiesGroup(adapter: ConformanceAdapter, api: TestApi, numRuns: number): void {
  const call = caller(adapter);
  const tol = PROPERTY_TOLERANCE[adapter.precision];
  const params = { seed: SEED, numRuns };
  api.describe(`properties (fast-check, seed ${SEED})`, () => {
    api.test('cross-entropy ≥ 0 in every family', async () => {
      await fc.assert(
        fc.asyncProperty(batch(), binaryBatch(), async (b, bb) => {
          const none = { reduction: 'none' };
          const q = softmaxRows(b.logits);
          const values = [
            await call('softmaxCrossEntropy', b.labels, b.logits, none),
            await call('softmaxCrossEntropy', b.dist, b.logits, none),
            await call('categoricalCrossEntropy', b.labels, q, none),
            await call('softmaxFocalLoss', b.labels, b.logits, none),
            await call('sigmoidCrossEntropy', bb.targets, bb.logits, none),
            await call('binaryCrossEntropy', bb.targets, bb.probabilities, none),
            await call('binaryFocalLoss', bb.targets, bb.probabilities, none),
          ];
          for (const v of values) {
            const neg = flatten(v).data.filter((x) => !(x >= 0));
            if (neg.length > 0) throw new Error(`negative or NaN cross-entropy ${show(v)}`);
          }
        }),
        params,
      );
    });
    api.test('shifting every logit of a row by c leaves softmax cross-entropy unchanged', async () => {
      await fc.assert(
        fc.asyncProperty(batch(), fc.double({ min: -100, max: 100, noNaN: true }), async (b, c) => {
          const shifted = b.logits.map((r) => r.map((v) => v + c));
          const o = { reduction: 'none', labelSmoothing: 0.1 };
          const a = await call('softmaxCrossEntropy', b.labels, b.logits, o);
          const s = await call('softmaxCrossEntropy', b.labels, shifted, o);
          assertClose(s, a, { rel: tol.rel, abs: tol.abs * 100 }, `shift by ${c}`);
        }),
        params,
      );
    });
    api.test('one-hot targets ≡ integer labels (with weights, classWeights, smoothing)', async () => {
      await fc.assert(
        fc.asyncProperty(batch(), fc.double({ min: 0, max: 1, noNaN: true }), async (b, ls) => {
          if (!b.weights.some((w) => w > 0)) return;
          const o = { weights: b.weights, classWeights: b.classWeights, labelSmoothing: ls };
          const hot = oneHot(b.labels, b.C);
          const q = softmaxRows(b.logits);
          for (const [fn, p] of [
            ['softmaxCrossEntropy', b.logits],
            ['softmaxFocalLoss', b.logits],
            ['categoricalCrossEntropy', q],
          ] as const) {
            assertClose(await call(fn, hot, p, o), await call(fn, b.labels, p, o), tol, fn);
          }
        }),
        params,
      );
    });
    api.test('H(t, q) = H(t) + KL(t ‖ q)', async () => {
      await fc.assert(
        fc.asyncProperty(batch({ scale: 5 }), async (b) => {
          const q = softmaxRows(b.logits);
          const none = { reduction: 'none' };
          const h = await call('categoricalCrossEntropy', b.dist, q, none);
          const e = await call('entropy', b.dist, undefined, none);
          const kl = await call('klDivergence', b.dist, q, none);
          assertClose(add(e, kl), flatten(h).data, tol, 'H + KL');
          const klLogits = await call('klDivergence', b.dist, b.logits, { ...none, from: 'logits' });
          assertClose(klLogits, kl, tol, "KL from: 'logits' vs from probabilities");
        }),
        params,
      );
    });
    api.test('sum = mean × Σ w = sumOverCount × count = sumOverNonzeroWeights × #(w ≠ 0)', async () => {
      await fc.assert(
        fc.asyncProperty(batch(), async (b) => {
          const o = { weights: b.weights, classWeights: b.classWeights };
          const W = b.labels.reduce((acc, y, i) => acc + b.weights[i]! * b.classWeights[y]!, 0);
          const nonzero = b.labels.filter((y, i) => b.weights[i]! * b.classWeights[y]! !== 0).length;
          if (W === 0) return;
          const r = async (reduction: string) =>
            (await call('softmaxCrossEntropy', b.labels, b.logits, { ...o, reduction })) as number;
          const sum = await r('sum');
          assertClose((await r('mean')) * W, sum, tol, 'mean × Σw');
          assertClose((await r('sumOverCount')) * b.n, sum, tol, 'sumOverCount × count');
          assertClose(
            (await r('sumOverNonzeroWeights')) * nonzero,
            sum,
            tol,
            'sumOverNonzeroWeights × #nonzero',
          );
        }),
        params,
      );
    });
    api.test(
      'sigmoidCrossEntropy(t, x) = binaryCrossEntropy(t, σ(x)); softmax CE = nllLoss ∘ logSoftmax',
      async () => {
        await fc.assert(
          fc.asyncProperty(binaryBatch(), batch(), async (bb, b) => {
            const sig = (await call('sigmoid', bb.logits, undefined)) as number[][];
            const o = { weights: bb.weights, reduction: 'none' };
            assertClose(
              await call('binaryCrossEntropy', bb.targets, sig, o),
              await call('sigmoidCrossEntropy', bb.targets, bb.logits, o),
              tol,
              'binary ∘ sigmoid',
            );
            const lsm = (await call('logSoftmax', b.logits, undefined)) as number[][];
            const so = { classWeights: b.classWeights, labelSmoothing: 0.2, reduction: 'none' };
            assertClose(
              await call('nllLoss', b.labels, lsm, so),
              await call('softmaxCrossEntropy', b.labels, b.logits, so),
              tol,
              'nll ∘ logSoftmax',
            );
          }),
          params,
        );
      },
    );
    finiteDifferenceProperties(adapter, api, Math.max(5, Math.round(numRuns / 4)));
  });
}
