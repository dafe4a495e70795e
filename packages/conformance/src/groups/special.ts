import type { ConformanceAdapter, DifferentiableLossName, Nested } from '../adapter';
import { contextFor } from '../cases';
import { flatten, show, worstMismatch } from '../compare';
import type { TestApi } from '../runner';
import { SPECIAL_CASES } from '../specialCases';
import { FLOAT32, FLOAT64 } from '../tolerances';

async function gradientOf(
  adapter: ConformanceAdapter,
  fn: DifferentiableLossName,
  targets: Nested,
  predictions: Nested,
  options: Record<string, unknown> | undefined,
): Promise<Nested | undefined> {
  const ctx = contextFor(fn, targets, predictions);
  if (adapter.valueAndGrad) return (await adapter.valueAndGrad(fn, targets, predictions, options, ctx)).grad;
  if (adapter.gradient) return adapter.gradient(fn, targets, predictions, options, ctx);
  return undefined;
}

/** Gradients that must be finite where the value is finite: ±∞ logits, saturated focal terms, clip bounds. */
const FINITE_GRADIENTS: readonly {
  name: string;
  fn: DifferentiableLossName;
  targets: Nested;
  predictions: Nested;
  options?: Record<string, unknown>;
}[] = [
  {
    name: 'softmax with a +∞ logit',
    fn: 'softmaxCrossEntropy',
    targets: [0, 1],
    predictions: [
      [Infinity, 0, 1],
      [0, 1, -Infinity],
    ],
  },
  {
    name: 'softmax focal, γ = 0.5, +∞ logit',
    fn: 'softmaxFocalLoss',
    targets: [0],
    predictions: [[Infinity, 0, 1]],
    options: { gamma: 0.5 },
  },
  {
    name: 'sigmoid focal, γ = 0.5, ±∞ and ±1e4',
    fn: 'sigmoidFocalLoss',
    targets: [1, 0, 1, 0],
    predictions: [Infinity, -Infinity, 1e4, -1e4],
    options: { gamma: 0.5 },
  },
  {
    name: 'binary focal, γ = 0.25, at 0 and 1',
    fn: 'binaryFocalLoss',
    targets: [1, 0],
    predictions: [1, 0],
    options: { gamma: 0.25 },
  },
  {
    name: 'binary focal, γ = 0.5, at subnormal probabilities (1/q overflows there)',
    fn: 'binaryFocalLoss',
    targets: [0, 0, 0, 0],
    predictions: [5e-324, 1e-310, 1.401298464324817e-45, 1e-40],
    options: { gamma: 0.5 },
  },
  {
    name: 'binary at the clip bounds of epsilon',
    fn: 'binaryCrossEntropy',
    targets: [1, 0],
    predictions: [0, 1],
    options: { epsilon: 1e-3 },
  },
  {
    name: 'smoothing with ignored positions',
    fn: 'softmaxCrossEntropy',
    targets: [-100, 1],
    predictions: [
      [1, 2, 3],
      [Infinity, 0, 0],
    ],
    options: { ignoreIndex: -100, labelSmoothing: 0.1, reduction: 'sum' },
  },
];

/**
 * Special values with closed forms (see `specialCases.ts`), finite gradients at ±∞ and saturation, and
 * inputs that are never mutated.
 */
export function specialGroup(adapter: ConformanceAdapter, api: TestApi): void {
  const tol = adapter.precision === 'float32' ? FLOAT32 : FLOAT64;
  api.describe('special values (closed forms)', () => {
    for (const c of SPECIAL_CASES) {
      if (c.float64Only && adapter.precision === 'float32') continue;
      api.test(`${c.name} = ${c.why}`, async () => {
        const ctx = contextFor(c.fn, c.targets, c.predictions);
        const got = await adapter.call(c.fn, c.targets, c.predictions, c.options, ctx);
        const m = worstMismatch(got, c.expected, tol);
        const where = `${c.fn}(${show(c.targets)}, ${show(c.predictions)}, ${show(c.options)})`;
        api
          .expect(
            m.ratio <= 1,
            `${where}: got ${show(got)}, expected ${show(c.expected)} (${c.why})${m.note ? `: ${m.note}` : ''}`,
          )
          .toBe(true);
      });
    }
    api.test('the worked example reads 0.6733 and 0.0202 nats to four places', async () => {
      const ctx = contextFor('binaryCrossEntropy', 1, 0.51);
      const a = (await adapter.call('binaryCrossEntropy', 1, 0.51, undefined, ctx)) as number;
      const b = (await adapter.call('binaryCrossEntropy', 1, 0.98, undefined, ctx)) as number;
      api.expect(a.toFixed(4)).toBe('0.6733');
      api.expect(b.toFixed(4)).toBe('0.0202');
    });
    if (adapter.valueAndGrad || adapter.gradient) {
      for (const g of FINITE_GRADIENTS) {
        api.test(`finite gradient: ${g.name}`, async () => {
          const grad = await gradientOf(adapter, g.fn, g.targets, g.predictions, g.options);
          const bad = flatten(grad).data.filter((v) => !Number.isFinite(v));
          api.expect(bad.length, `${g.fn} gradient ${show(grad)} has non-finite entries`).toBe(0);
        });
      }
    }
    api.test('inputs are never mutated', async () => {
      const targets = [0, 2];
      const predictions = [
        [2, 0.5, -1],
        [0.1, 0.2, 3],
      ];
      const options = { weights: [1, 2], classWeights: [1, 0.5, 2], labelSmoothing: 0.1 };
      const before = JSON.stringify([targets, predictions, options]);
      const ctx = contextFor('softmaxCrossEntropy', targets, predictions);
      await adapter.call('softmaxCrossEntropy', targets, predictions, options, ctx);
      await gradientOf(adapter, 'softmaxCrossEntropy', targets, predictions, options);
      api.expect(JSON.stringify([targets, predictions, options])).toBe(before);
    });
  });
}
