/**
 * The element-wise losses on views: sigmoidCrossEntropy, binaryCrossEntropy and their focal forms.
 * Targets and predictions have one shape (rank 0 included); each element is a position.
 */
import { sigmoidFamilyKernel } from '../kernels/index';
import { LOSS_INFO, type LossName } from '../options/names';
import type { ResolvedOptions } from '../options/types';
import { checkSameShape } from '../shape/axis';
import { broadcastTo } from '../shape/broadcast';
import { checkProbabilities } from '../validate/values';
import type { TensorView } from '../view';
import type { RunOutput, RunTargets } from './types';

/** Runs one element-wise loss over views, adding to `run.acc`. */
export function runSigmoidFamily(
  fn: LossName,
  targets: TensorView,
  predictions: TensorView,
  o: ResolvedOptions,
  run: RunTargets,
): RunOutput {
  checkSameShape(fn, targets.shape, predictions.shape);
  const shape = predictions.shape;
  const posWeight = o.posWeight === null ? null : broadcastTo(fn, 'posWeight', o.posWeight, shape);
  const sampleWeights = o.weights === null ? null : broadcastTo(fn, 'weights', o.weights, shape);
  const predictionKind = LOSS_INFO[fn].predictions === 'probabilities' ? 'probabilities' : 'logits';
  if (o.validate) {
    checkProbabilities(fn, 'targets', targets.data, o.ignoreValue);
    if (predictionKind === 'probabilities')
      checkProbabilities(fn, 'predictions', predictions.data, null, true);
  }
  const size = predictions.data.length;
  const perPosition = run.perPosition ? new Float64Array(size) : null;
  const grad = run.grad ? new Float64Array(size) : null;
  sigmoidFamilyKernel({
    size,
    predictions: predictions.data,
    predictionKind,
    targets: targets.data,
    ignoreValue: o.ignoreValue,
    posWeight,
    labelSmoothing: o.labelSmoothing,
    epsilon: o.epsilon,
    gamma: o.gamma,
    alpha: typeof o.alpha === 'number' ? o.alpha : null,
    sampleWeights,
    perPosition,
    grad,
    acc: run.acc,
  });
  return { positionShape: shape, perPosition, grad };
}
