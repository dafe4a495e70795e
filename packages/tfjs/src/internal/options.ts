import type * as tf from '@tensorflow/tfjs-core';
import { resolveOptions as coreResolveOptions, type LossName } from '@xent/core';
import type { OnEmpty, Reduction, TensorInput } from '../types';
import { toTensor } from './convert';
import { describe, fail } from './errors';

/**
 * Option resolution for the tensor adapter: core decides which options each function takes, their domains
 * and defaults (SPEC.md "Options"); this module only hands it views of tensor-valued options.
 */

export type Family = 'softmax' | 'sigmoid' | 'entropy' | 'kl';
export type PredictionKind = 'logits' | 'probabilities' | 'logProbabilities';

export interface LossSpec {
  readonly fn: string;
  readonly family: Family;
  readonly kind: PredictionKind;
  readonly focal: boolean;
}

export interface Resolved {
  readonly fn: string;
  readonly reduction: Reduction;
  readonly base: number;
  readonly onEmpty: OnEmpty;
  readonly validate: boolean;
  readonly axis: number;
  readonly weights: TensorInput | null;
  readonly classWeights: TensorInput | null;
  readonly posWeight: number | TensorInput | null;
  readonly ignoreIndex: number | null;
  readonly ignoreValue: number | null;
  readonly labelSmoothing: number;
  readonly epsilon: number;
  /** null for the non-focal losses */
  readonly gamma: number | null;
  /** scalar α, per-class α (softmax focal), or null */
  readonly alpha: number | TensorInput | null;
  readonly from: 'probabilities' | 'logits';
  /** reduce each sample (index along axis 0) separately: the `layersLoss` form, shape [N] */
  readonly perSample: boolean;
  /** receives the per-position numerators and weights of a call (for LossMeter), or null */
  readonly collect: ((stats: BatchStats) => void) | null;
  /** return ∂(Σ dy · value)/∂targets for this upstream gradient dy instead of the value (kernel path) */
  readonly targetsGradient: tf.Tensor | null;
}

/** What one call contributes to a meter: per-position a_n, w_n (null: 1) and counted flags (null: all). */
export interface BatchStats {
  readonly a: ArrayLike<number>;
  readonly weight: ArrayLike<number> | null;
  readonly counted: ArrayLike<number> | null;
}

/** Internal option key through which LossMeter collects a call's per-position results. */
export const COLLECT: unique symbol = Symbol('xent.collect') as never;

/** Internal option key: the upstream gradient for which the composite form returns the targets' gradient. */
export const TARGETS_GRADIENT: unique symbol = Symbol('xent.targetsGradient') as never;

/** Internal option key (a symbol, so it is invisible to users and to the unknown-option check). */
export const PER_SAMPLE: unique symbol = Symbol('xent.perSample') as never;

/** A tensor-valued option as the `{ data, shape }` view core's option checks read. */
export function viewOf(fn: string, name: string, value: unknown): unknown {
  if (value === undefined || typeof value === 'number') return value;
  const t = toTensor(fn, name, value);
  return { data: t.dataSync(), shape: t.shape };
}

/**
 * Checks every option against what `spec.fn` takes and its domain, and fills in the defaults — core's
 * `resolveOptions`, given views of the tensor-valued options (weights, classWeights, posWeight, α); the
 * original values are kept for the tensor math. Call inside `tf.tidy` (the views may create tensors).
 */
export function resolveOptions(spec: LossSpec, options: unknown): Resolved {
  const { fn } = spec;
  let forCore = options;
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
    const o = options as Record<string, unknown>;
    forCore = {
      ...o,
      weights: viewOf(fn, 'weights', o.weights),
      classWeights: viewOf(fn, 'classWeights', o.classWeights),
      posWeight: viewOf(fn, 'posWeight', o.posWeight),
      alpha: viewOf(fn, 'alpha', o.alpha),
    };
  }
  const c = coreResolveOptions(fn as LossName, forCore);
  const o = (options ?? {}) as Record<string | symbol, unknown>;
  return {
    fn,
    reduction: c.reduction,
    base: c.base,
    onEmpty: c.onEmpty,
    validate: c.validate,
    axis: c.axis,
    weights: (o.weights ?? null) as TensorInput | null,
    classWeights: (o.classWeights ?? null) as TensorInput | null,
    posWeight: (o.posWeight ?? null) as number | TensorInput | null,
    ignoreIndex: c.ignoreIndex,
    ignoreValue: c.ignoreValue,
    labelSmoothing: c.labelSmoothing,
    epsilon: c.epsilon,
    gamma: c.gamma,
    alpha: c.alpha === null ? null : typeof c.alpha === 'number' ? c.alpha : (o.alpha as TensorInput),
    from: c.from,
    perSample: o[PER_SAMPLE] === true,
    collect: (o[COLLECT] ?? null) as Resolved['collect'],
    targetsGradient: (o[TARGETS_GRADIENT] ?? null) as tf.Tensor | null,
  };
}

function bad(fn: string, name: string, what: string, value: unknown): never {
  return fail('INVALID_OPTION', fn, name, what, describe(value));
}

/** Normalises a possibly negative axis for a tensor of `rank`; INVALID_OPTION when out of range. */
export function normalizeAxis(fn: string, axis: number, rank: number): number {
  if (rank < 1 || axis < -rank || axis >= rank) {
    bad(fn, 'axis', rank < 1 ? 'used with input of rank ≥ 1' : `an integer in [${-rank}, ${rank - 1}]`, axis);
  }
  return axis < 0 ? axis + rank : axis;
}
