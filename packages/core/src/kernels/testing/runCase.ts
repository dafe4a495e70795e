/**
 * Test helpers: runs one fixture case through its kernel and checks every output (compensated sum,
 * weight, counts, per-position values, gradient) against the 50-digit reference.
 * @internal
 */
import { accumulatorSum, accumulatorWeight, createAccumulator } from '../accumulator';
import { divergenceKernel } from '../divergence';
import { sigmoidFamilyKernel } from '../sigmoidFamily';
import { softmaxFamilyKernel } from '../softmaxFamily';
import type { Accumulator, SigmoidPredictionKind, SoftmaxPredictionKind } from '../types';
import { arr, compare, type FixtureCase, scalar, type Worst } from './fixtures';
import { GRAD_ABS, GRAD_REL, VALUE_ABS, VALUE_REL } from './tolerances';
import { num } from './ulp';

/**
 * How the predictions are handed to the kernel: a Float64Array, a plain array, or a Float32Array (only
 * for cases whose every prediction is exact in float32).
 */
export type InputKind = 'float64' | 'array' | 'float32';

function preds(data: Float64Array, kind: InputKind): ArrayLike<number> {
  if (kind === 'float32') {
    const f = Float32Array.from(data);
    if (!f.every((v, i) => Object.is(v, data[i]) || (Number.isNaN(v) && Number.isNaN(data[i]!)))) {
      throw new Error('a float32 run needs predictions that are exact in float32');
    }
    return f;
  }
  return kind === 'float64' ? data : Array.from(data);
}

interface Outputs {
  acc: Accumulator;
  perPosition: Float64Array;
  grad: Float64Array | null;
}

function runKernel(c: FixtureCase, kind: InputKind): Outputs {
  const p = c.params;
  const acc = createAccumulator();
  const layout = { outer: p.outer as number, classes: p.classes as number, inner: p.inner as number };
  if (c.kernel === 'softmaxFamily') {
    const x = arr(p.predictions)!;
    const perPosition = new Float64Array(layout.outer * layout.inner);
    const grad = new Float64Array(x.length);
    softmaxFamilyKernel({
      layout,
      predictions: preds(x, kind),
      predictionKind: p.predictionKind as SoftmaxPredictionKind,
      labels: arr(p.labels),
      distributions: arr(p.distributions),
      ignoreIndex: scalar(p.ignoreIndex),
      classWeights: arr(p.classWeights),
      labelSmoothing: scalar(p.labelSmoothing)!,
      epsilon: scalar(p.epsilon)!,
      gamma: scalar(p.gamma),
      alpha: arr(p.alpha),
      sampleWeights: arr(p.sampleWeights),
      perPosition,
      grad,
      acc,
    });
    return { acc, perPosition, grad };
  }
  if (c.kernel === 'sigmoidFamily') {
    const x = arr(p.predictions)!;
    const perPosition = new Float64Array(x.length);
    const grad = new Float64Array(x.length);
    sigmoidFamilyKernel({
      size: x.length,
      predictions: preds(x, kind),
      predictionKind: p.predictionKind as SigmoidPredictionKind,
      targets: arr(p.targets)!,
      ignoreValue: scalar(p.ignoreValue),
      posWeight: arr(p.posWeight),
      labelSmoothing: scalar(p.labelSmoothing)!,
      epsilon: scalar(p.epsilon)!,
      gamma: scalar(p.gamma),
      alpha: scalar(p.alpha),
      sampleWeights: arr(p.sampleWeights),
      perPosition,
      grad,
      acc,
    });
    return { acc, perPosition, grad };
  }
  if (c.kernel === 'divergence') {
    const q = arr(p.q);
    const perPosition = new Float64Array(layout.outer * layout.inner);
    const grad = q === null ? null : new Float64Array(q.length);
    divergenceKernel({
      layout,
      p: arr(p.p)!,
      q: q === null ? null : preds(q, kind),
      qKind: p.qKind as SigmoidPredictionKind,
      epsilon: scalar(p.epsilon)!,
      sampleWeights: arr(p.sampleWeights),
      perPosition,
      grad,
      acc,
    });
    return { acc, perPosition, grad };
  }
  throw new Error(`not a loss kernel: ${c.kernel}`);
}

/**
 * Runs a loss-kernel case and adds every comparison to `values` (sums and per-position values) and
 * `grads`. Counts must match exactly (a mismatch is recorded as a value failure). KL values are
 * compared absolutely against Σ|p log p| + Σ|p log q| (SPEC.md "Limits").
 */
export function checkLossCase(c: FixtureCase, kind: InputKind, values: Worst, grads: Worst): void {
  const out = runKernel(c, kind);
  const e = c.expected;
  const kl = c.kernel === 'divergence' && c.params.q !== null;
  const scales = kl ? arr(e.scale)! : null;
  let totalScale: number | undefined;
  if (scales !== null) totalScale = scales.reduce((a, b) => a + b, 0);
  const sumExp = num(e.sum!);
  values.add(compare(`${c.id} sum`, accumulatorSum(out.acc), sumExp, VALUE_REL, VALUE_ABS, totalScale));
  values.add(compare(`${c.id} weight`, accumulatorWeight(out.acc), num(e.weight!), VALUE_REL, VALUE_ABS));
  values.add(compare(`${c.id} count`, out.acc.count, e.count!, 0, 0));
  values.add(compare(`${c.id} nonzero`, out.acc.nonzero, e.nonzero!, 0, 0));
  const per = arr(e.perPosition)!;
  for (let n = 0; n < per.length; n++) {
    const sc = scales === null ? undefined : scales[n]!;
    values.add(compare(`${c.id} a[${n}]`, out.perPosition[n]!, per[n]!, VALUE_REL, VALUE_ABS, sc));
  }
  const g = arr(e.grad);
  if (g !== null && out.grad !== null) {
    for (let j = 0; j < g.length; j++) {
      grads.add(compare(`${c.id} grad[${j}]`, out.grad[j]!, g[j]!, GRAD_REL, GRAD_ABS));
    }
  }
}
