/**
 * The one way a loss of this package runs: convert the inputs and the array-valued options to views,
 * call core once, convert the result back.
 */
import { computeLoss, type LossName, type LossResult, type ResultByReduction } from '@xent/core';
import type { ArrayInput, ArrayOutput, ValueAndGrad } from '../types';
import { fromData, type InputKind, toView } from './convert';

const ARRAY_OPTIONS = ['weights', 'posWeight', 'classWeights', 'alpha'] as const;

/** Converts the array-valued options (nested arrays, typed arrays, views) to core's views. */
export function convertOptions(fn: string, options: unknown): unknown {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return options;
  const o = options as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const key of ARRAY_OPTIONS) {
    const v = o[key];
    if (v === undefined || typeof v === 'number') continue;
    out ??= { ...o };
    const { view } = toView(fn, key, v);
    // classWeights and alpha are one per class: core takes their flat data when the rank is 1
    out[key] = (key === 'classWeights' || key === 'alpha') && view.shape.length === 1 ? view.data : view;
  }
  return out ?? options;
}

/** The output of a loss call: the value in the kind asked for, and the gradient when computed. */
function output(result: LossResult, kind: InputKind): ArrayOutput {
  if (result.values === null) return result.value;
  return fromData(kind, result.values, result.positionShape);
}

/** Runs loss `fn` over user inputs; `predictions` is null for entropy. */
export function runArrayLoss(
  fn: LossName,
  targets: ArrayInput,
  predictions: ArrayInput | null,
  options: unknown,
  grad: boolean,
): { value: ArrayOutput; grad: ArrayOutput | null } {
  const family2 = fn === 'entropy' || fn === 'klDivergence';
  const t = toView(fn, family2 ? 'p' : 'targets', targets);
  const p = predictions === null ? null : toView(fn, family2 ? 'q' : 'predictions', predictions);
  const result = computeLoss(fn, t.view, p === null ? null : p.view, convertOptions(fn, options), { grad });
  const kind = p === null ? t.kind : p.kind;
  const g = result.grad === null || p === null ? null : fromData(p.kind, result.grad, p.view.shape);
  return { value: output(result, kind), grad: g };
}

/**
 * What a loss returns for options `R`: a number for the scalar reductions, an {@link ArrayOutput} for
 * `reduction: 'none'`, either when the reduction is only known as a {@link Reduction}.
 */
export type LossValue<R> = R extends object
  ? 'reduction' extends keyof R
    ? ReductionValue<Exclude<R[Extract<keyof R, 'reduction'>], undefined>>
    : number
  : number; // no options (undefined) is the default reduction

/** The result kind of a reduction type `X` (see {@link LossValue}). */
export type ReductionValue<X> = ResultByReduction<X, number, ArrayOutput, number | ArrayOutput>;

/** The call signature of a loss with targets and predictions, typed by its options. */
export interface LossFunction<O> {
  /**
   * The loss of `predictions` against `targets`: a number for the scalar reductions; for
   * `reduction: 'none'` the per-position values in the kind of `predictions` (a number for rank-1
   * multi-class or rank-0 input).
   */
  (targets: ArrayInput, predictions: ArrayInput, options?: undefined): number;
  <R extends O | undefined>(targets: ArrayInput, predictions: ArrayInput, options: R): LossValue<R>;
  /**
   * The value and ∂value/∂predictions in one pass (for `reduction: 'none'`, the gradient of the sum of
   * the values), float64 in the kind of `predictions`.
   */
  valueAndGrad(targets: ArrayInput, predictions: ArrayInput, options?: undefined): ValueAndGrad<number>;
  valueAndGrad<R extends O | undefined>(
    targets: ArrayInput,
    predictions: ArrayInput,
    options: R,
  ): ValueAndGrad<LossValue<R>>;
  /** The loss's name, as core and the meters know it. */
  readonly lossName: LossName;
}

/** Builds the exported function of a loss with targets and predictions. */
export function makeLoss<O>(fn: LossName): LossFunction<O> {
  const f = ((targets: ArrayInput, predictions: ArrayInput, options?: O) =>
    runArrayLoss(fn, targets, predictions, options, false).value) as LossFunction<O>;
  const valueAndGrad = (targets: ArrayInput, predictions: ArrayInput, options?: O) => {
    const r = runArrayLoss(fn, targets, predictions, options, true);
    return { value: r.value, grad: r.grad as ArrayOutput };
  };
  Object.defineProperty(f, 'name', { value: fn });
  Object.defineProperty(f, 'lossName', { value: fn, enumerable: true });
  Object.defineProperty(f, 'valueAndGrad', { value: valueAndGrad, enumerable: true });
  return f;
}
