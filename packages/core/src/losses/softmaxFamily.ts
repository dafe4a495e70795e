/**
 * The class-axis losses on views: softmaxCrossEntropy, categoricalCrossEntropy, their focal forms and
 * nllLoss. One shape plan, one validation pass, one kernel call.
 */
import { describeValue, fail } from '../errors';
import { softmaxFamilyKernel } from '../kernels/index';
import { LOSS_INFO, type LossName } from '../options/names';
import type { ResolvedOptions } from '../options/types';
import { planClassAxis, targetKind } from '../shape/axis';
import { broadcastTo } from '../shape/broadcast';
import { checkDistributions, checkLabels } from '../validate/values';
import type { TensorView } from '../view';
import type { RunOutput, RunTargets } from './types';

function perClass(fn: string, name: string, data: ArrayLike<number>, classes: number): ArrayLike<number> {
  if (data.length !== classes) {
    fail('SHAPE_MISMATCH', fn, name, `one value per class (length ${classes})`, `length ${data.length}`);
  }
  return data;
}

/** Runs one class-axis loss over views, adding to `run.acc`. */
export function runSoftmaxFamily(
  fn: LossName,
  targets: TensorView,
  predictions: TensorView,
  o: ResolvedOptions,
  run: RunTargets,
): RunOutput {
  const plan = planClassAxis(fn, predictions.shape, o.axis);
  const kind = targetKind(fn, targets.shape, predictions.shape, plan);
  const { classes } = plan;
  if (kind === 'distributions' && o.ignoreIndex !== null) {
    fail(
      'INVALID_OPTION',
      fn,
      'ignoreIndex',
      'absent with distribution targets (it applies to integer labels)',
      describeValue(o.ignoreIndex),
    );
  }
  const classWeights = o.classWeights === null ? null : perClass(fn, 'classWeights', o.classWeights, classes);
  let alpha: ArrayLike<number> | null = null;
  if (typeof o.alpha === 'number') alpha = new Float64Array(classes).fill(o.alpha);
  else if (o.alpha !== null) alpha = perClass(fn, 'alpha', o.alpha, classes);
  const sampleWeights = o.weights === null ? null : broadcastTo(fn, 'weights', o.weights, plan.positionShape);

  const info = LOSS_INFO[fn];
  const predictionKind =
    info.predictions === 'probabilities'
      ? 'probabilities'
      : info.predictions === 'logits'
        ? 'logits'
        : 'logProbabilities';
  if (o.validate) {
    if (kind === 'labels') checkLabels(fn, 'targets', targets.data, classes, o.ignoreIndex);
    else checkDistributions(fn, 'targets', targets.data, plan);
    if (predictionKind === 'probabilities')
      checkDistributions(fn, 'predictions', predictions.data, plan, true);
  }
  const perPosition = run.perPosition ? new Float64Array(plan.positions) : null;
  const grad = run.grad ? new Float64Array(predictions.data.length) : null;
  softmaxFamilyKernel({
    layout: plan,
    predictions: predictions.data,
    predictionKind,
    labels: kind === 'labels' ? targets.data : null,
    distributions: kind === 'distributions' ? targets.data : null,
    ignoreIndex: o.ignoreIndex,
    classWeights,
    labelSmoothing: o.labelSmoothing,
    epsilon: o.epsilon,
    gamma: o.gamma,
    alpha,
    sampleWeights,
    perPosition,
    grad,
    acc: run.acc,
  });
  return { positionShape: plan.positionShape, perPosition, grad };
}
