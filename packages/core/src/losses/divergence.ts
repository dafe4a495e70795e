/**
 * entropy H(p) and klDivergence KL(p ‖ q) on views, along the class axis.
 */
import { divergenceKernel } from '../kernels/index';
import type { LossName } from '../options/names';
import type { ResolvedOptions } from '../options/types';
import { checkSameShape, planClassAxis } from '../shape/axis';
import { broadcastTo } from '../shape/broadcast';
import { checkDistributions } from '../validate/values';
import type { TensorView } from '../view';
import type { RunOutput, RunTargets } from './types';

/** Runs entropy (q null) or KL (q given), adding to `run.acc`. */
export function runDivergence(
  fn: LossName,
  p: TensorView,
  q: TensorView | null,
  o: ResolvedOptions,
  run: RunTargets,
): RunOutput {
  if (q !== null) checkSameShape(fn, p.shape, q.shape, 'p');
  const plan = planClassAxis(fn, p.shape, o.axis, 'p');
  const sampleWeights = o.weights === null ? null : broadcastTo(fn, 'weights', o.weights, plan.positionShape);
  if (o.validate) {
    checkDistributions(fn, 'p', p.data, plan);
    if (q !== null && o.from === 'probabilities') checkDistributions(fn, 'q', q.data, plan, true);
  }
  const perPosition = run.perPosition ? new Float64Array(plan.positions) : null;
  const grad = run.grad && q !== null ? new Float64Array(q.data.length) : null;
  divergenceKernel({
    layout: plan,
    p: p.data,
    q: q === null ? null : q.data,
    qKind: o.from,
    epsilon: o.epsilon,
    sampleWeights,
    perPosition,
    grad,
    acc: run.acc,
  });
  return { positionShape: plan.positionShape, perPosition, grad };
}
