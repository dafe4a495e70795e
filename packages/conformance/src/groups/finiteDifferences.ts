import fc from 'fast-check';
import type { ConformanceAdapter, DifferentiableLossName, Nested } from '../adapter';
import { type Batch, type BinaryBatch, batch, binaryBatch, SEED, softmaxRows } from '../arbitraries';
import { contextFor } from '../cases';
import { flatten, gradScale, show, worstMismatch } from '../compare';
import type { TestApi } from '../runner';
import { FINITE_DIFFERENCE } from '../tolerances';

interface Setup {
  readonly targets: Nested;
  readonly predictions: number[][];
  readonly options: Record<string, unknown>;
}

/** Each differentiable loss with a family-typical set of options; `probabilities` marks inputs in (0, 1). */
const SETUPS: readonly {
  fn: DifferentiableLossName;
  probabilities?: boolean;
  make: (b: Batch, bb: BinaryBatch) => Setup;
}[] = [
  {
    fn: 'softmaxCrossEntropy',
    make: (b) => ({
      targets: b.labels,
      predictions: b.logits,
      options: { labelSmoothing: 0.1, classWeights: b.classWeights },
    }),
  },
  {
    fn: 'softmaxCrossEntropy',
    make: (b) => ({ targets: b.dist, predictions: b.logits, options: { reduction: 'sum' } }),
  },
  {
    fn: 'softmaxFocalLoss',
    make: (b) => ({ targets: b.labels, predictions: b.logits, options: { gamma: 2, alpha: 0.25 } }),
  },
  {
    fn: 'softmaxFocalLoss',
    make: (b) => ({ targets: b.dist, predictions: b.logits, options: { gamma: 0.5, reduction: 'none' } }),
  },
  {
    fn: 'nllLoss',
    make: (b) => ({
      targets: b.labels,
      predictions: softmaxRows(b.logits).map((r) => r.map(Math.log)),
      options: { labelSmoothing: 0.2 },
    }),
  },
  {
    fn: 'klDivergence',
    make: (b) => ({ targets: b.dist, predictions: b.logits, options: { from: 'logits' } }),
  },
  {
    fn: 'sigmoidCrossEntropy',
    make: (_, bb) => ({
      targets: bb.targets,
      predictions: bb.logits,
      options: { posWeight: 2, weights: bb.weights },
    }),
  },
  {
    fn: 'sigmoidFocalLoss',
    make: (_, bb) => ({
      targets: bb.targets,
      predictions: bb.logits,
      options: { gamma: 1.5, alpha: 0.25, reduction: 'none' },
    }),
  },
  {
    fn: 'binaryCrossEntropy',
    probabilities: true,
    make: (_, bb) => ({
      targets: bb.targets,
      predictions: bb.probabilities,
      options: { labelSmoothing: 0.1 },
    }),
  },
  {
    fn: 'binaryFocalLoss',
    probabilities: true,
    make: (_, bb) => ({
      targets: bb.targets,
      predictions: bb.probabilities,
      options: { gamma: 2, posWeight: 0.5 },
    }),
  },
  {
    fn: 'categoricalCrossEntropy',
    probabilities: true,
    make: (b) => ({ targets: b.labels, predictions: b.dist, options: { classWeights: b.classWeights } }),
  },
  {
    fn: 'categoricalFocalLoss',
    probabilities: true,
    make: (b) => ({ targets: b.dist, predictions: softmaxRows(b.dist), options: { gamma: 1 } }),
  },
  {
    fn: 'klDivergence',
    probabilities: true,
    make: (b) => ({ targets: softmaxRows(b.dist), predictions: b.dist, options: { reduction: 'sum' } }),
  },
];

const sumOf = (v: Nested): number => flatten(v).data.reduce((a, b) => a + b, 0);

/**
 * Gradient ≈ central finite difference of the adapter's own values, for every differentiable loss.
 * Float32 adapters check the logit forms only (a float32 step large enough to beat rounding would leave
 * (0, 1) for probabilities; the fixtures check those gradients against the reference instead).
 */
export function finiteDifferenceProperties(adapter: ConformanceAdapter, api: TestApi, numRuns: number): void {
  const fd = FINITE_DIFFERENCE[adapter.precision];
  if (!adapter.valueAndGrad && !adapter.gradient) return;
  for (const s of SETUPS) {
    if (s.probabilities && adapter.precision === 'float32') continue;
    const name = `${s.fn}(${Object.keys(s.make(sample, sampleBinary).options).join(', ') || 'defaults'})`;
    api.test(`gradient ≈ central finite difference: ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(batch({ maxN: 3, maxC: 4, scale: 4 }), binaryBatch(), async (b, bb) => {
          const { targets, predictions, options } = s.make(b, bb);
          const ctx = contextFor(s.fn, targets, predictions);
          const grad = adapter.valueAndGrad
            ? (await adapter.valueAndGrad(s.fn, targets, predictions, options, ctx)).grad
            : await adapter.gradient!(s.fn, targets, predictions, options, ctx);
          const unchecked = { ...options, validate: false };
          const value = async (p: number[][]) => sumOf(await adapter.call(s.fn, targets, p, unchecked, ctx));
          const numeric: number[][] = [];
          for (let i = 0; i < predictions.length; i++) {
            const row: number[] = [];
            for (let j = 0; j < predictions[i]!.length; j++) {
              const x = predictions[i]![j]!;
              const h = fd.step * Math.max(1, Math.abs(x));
              const at = (d: number) =>
                predictions.map((r, k) => (k === i ? r.map((v, l) => (l === j ? x + d : v)) : r));
              row.push(((await value(at(h))) - (await value(at(-h)))) / (2 * h));
            }
            numeric.push(row);
          }
          const m = worstMismatch(grad, numeric, { rel: fd.rel, abs: fd.abs }, gradScale(numeric));
          if (m.ratio > 1) {
            throw new Error(
              `${s.fn}: gradient ${show(grad)} vs finite differences ${show(numeric)} at [${m.index}]${m.note ? ` (${m.note})` : ''}`,
            );
          }
        }),
        { seed: SEED, numRuns },
      );
    });
  }
}

const sample: Batch = {
  n: 1,
  C: 2,
  logits: [[0, 0]],
  labels: [0],
  dist: [[0.5, 0.5]],
  weights: [1],
  classWeights: [1, 1],
};
const sampleBinary: BinaryBatch = { logits: [[0]], probabilities: [[0.5]], targets: [[1]], weights: [[1]] };
