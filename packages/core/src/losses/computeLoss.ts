/**
 * The one entry point of the per-view losses: resolve the options, plan shapes, validate once, run one
 * kernel, reduce.
 */
import { describeValue, fail } from '../errors';
import { createAccumulator } from '../kernels/index';
import { isLossName, LOSS_INFO, type LossName } from '../options/names';
import { resolveOptions } from '../options/resolveOptions';
import type { ResolvedOptions } from '../options/types';
import { gradientScale, logBase, reduceValue } from '../reduce/reduce';
import { checkView, type TensorView } from '../view';
import { runDivergence } from './divergence';
import { runSigmoidFamily } from './sigmoidFamily';
import { runSoftmaxFamily } from './softmaxFamily';
import type { LossConfig, LossResult, RunOutput, RunTargets } from './types';

/**
 * Runs the kernel of loss `fn` over checked views with resolved options, adding Σ a_n, Σ w_n and the
 * counts to `run.acc`. For `entropy`, `predictions` is null and `targets` holds p; for `klDivergence`,
 * `targets` is p and `predictions` is q. Used by {@link computeLoss} and by the meters.
 * @example
 * ```ts
 * const acc = { sum: 0, sumComp: 0, weight: 0, weightComp: 0, count: 0, nonzero: 0 };
 * runLoss('entropy', { data: [0.5, 0.5], shape: [2] }, null, resolveOptions('entropy'), { acc, perPosition: false, grad: false });
 * acc.count; // 1
 * ```
 */
export function runLoss(
  fn: LossName,
  targets: TensorView,
  predictions: TensorView | null,
  options: ResolvedOptions,
  run: RunTargets,
): RunOutput {
  const family = LOSS_INFO[fn].family;
  const firstName = family === 'entropy' || family === 'kl' ? 'p' : 'targets';
  checkView(fn, firstName, targets);
  if (family === 'entropy') return runDivergence(fn, targets, null, options, run);
  if (predictions === null) {
    return fail('INVALID_INPUT', fn, family === 'kl' ? 'q' : 'predictions', 'a { data, shape } view', 'null');
  }
  checkView(fn, family === 'kl' ? 'q' : 'predictions', predictions);
  if (family === 'kl') return runDivergence(fn, targets, predictions, options, run);
  if (family === 'sigmoid') return runSigmoidFamily(fn, targets, predictions, options, run);
  return runSoftmaxFamily(fn, targets, predictions, options, run);
}

/**
 * Computes loss `fn` over views: `computeLoss(fn, targets, predictions, options, { grad })`.
 * For `entropy(p, options)` pass p as `targets` and `null` as `predictions`; for
 * `klDivergence(p, q, options)` pass p and q. The result holds the reduced value in the unit of `base`,
 * the per-position values for `reduction: 'none'`, and ∂value/∂predictions when asked for (float64,
 * laid out like the predictions; for `'none'` the gradient of the sum of the values).
 *
 * Every check of SPEC "Bad input" runs here (options, shapes, then values unless `validate: false`);
 * the adapters convert their input kinds to views and call this once.
 *
 * @throws XentError with the code SPEC "Bad input" gives for each kind of bad input.
 * @example
 * ```ts
 * // the worked example: true pneumonia, predicted 0.51 → −ln 0.51 ≈ 0.6733 nats
 * computeLoss('binaryCrossEntropy', { data: [1], shape: [] }, { data: [0.51], shape: [] }).value; // 0.6733445532637656
 * ```
 */
export function computeLoss(
  fn: LossName,
  targets: TensorView,
  predictions: TensorView | null,
  options?: unknown,
  config?: LossConfig,
): LossResult {
  if (!isLossName(fn)) fail('INVALID_INPUT', 'computeLoss', 'fn', 'the name of a loss', describeValue(fn));
  const o = resolveOptions(fn, options);
  const acc = createAccumulator();
  const wantGrad = config?.grad === true && fn !== 'entropy';
  const out = runLoss(fn, targets, predictions, o, {
    acc,
    perPosition: o.reduction === 'none',
    grad: wantGrad,
  });
  const value = reduceValue(fn, acc, o.reduction, o.onEmpty, o.base);
  const lnb = logBase(o.base);
  const values = out.perPosition;
  if (values !== null && lnb !== 1)
    for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / lnb;
  const grad = out.grad;
  if (grad !== null) {
    const scale = gradientScale(acc, o.reduction, o.onEmpty, o.base);
    if (scale !== 1) for (let i = 0; i < grad.length; i++) grad[i] = (grad[i] as number) * scale;
  }
  return { value, values, positionShape: out.positionShape, grad, acc };
}
