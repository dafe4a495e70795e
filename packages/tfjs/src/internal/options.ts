import type { OnEmpty, Reduction, TensorInput } from '../types';
import { describe, fail } from './errors';

/**
 * Option resolution: which options each function takes, their domains and defaults (SPEC.md "Options").
 * An option given as `undefined` is absent; an option the function does not take is an INVALID_OPTION error.
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
}

/** What one call contributes to a meter: per-position a_n, w_n (null: 1) and counted flags (null: all). */
export interface BatchStats {
  readonly a: ArrayLike<number>;
  readonly weight: ArrayLike<number> | null;
  readonly counted: ArrayLike<number> | null;
}

/** Internal option key through which LossMeter collects a call's per-position results. */
export const COLLECT: unique symbol = Symbol('xent.collect') as never;

/** Internal option key (a symbol, so it is invisible to users and to the unknown-option check). */
export const PER_SAMPLE: unique symbol = Symbol('xent.perSample') as never;

const COMMON = ['weights', 'reduction', 'base', 'onEmpty', 'validate'];
const SOFTMAX = [...COMMON, 'axis', 'classWeights', 'ignoreIndex', 'labelSmoothing'];
const SIGMOID = [...COMMON, 'posWeight', 'ignoreValue', 'labelSmoothing'];
const FOCAL = ['alpha', 'gamma'];

/** The option names `spec`'s function takes. */
export function allowedOptions(spec: LossSpec): readonly string[] {
  let names: string[];
  if (spec.family === 'softmax') names = [...SOFTMAX];
  else if (spec.family === 'sigmoid') names = [...SIGMOID];
  else if (spec.family === 'entropy') names = [...COMMON, 'axis'];
  else names = [...COMMON, 'axis', 'from', 'epsilon'];
  if (spec.focal) names.push(...FOCAL);
  if (spec.kind === 'probabilities' && spec.family !== 'kl') names.push('epsilon');
  return names;
}

const REDUCTIONS: readonly Reduction[] = ['none', 'sum', 'mean', 'sumOverCount', 'sumOverNonzeroWeights'];
const ON_EMPTY: readonly OnEmpty[] = ['zero', 'nan', 'throw'];

function bad(fn: string, name: string, what: string, value: unknown): never {
  return fail('INVALID_OPTION', fn, name, what, describe(value));
}

function num(fn: string, name: string, value: unknown, ok: (v: number) => boolean, what: string): number {
  if (typeof value !== 'number' || !ok(value)) bad(fn, name, what, value);
  return value as number;
}

/** Checks every option against `spec` and fills in the defaults. */
export function resolveOptions(
  spec: LossSpec,
  options: unknown,
  extraAllowed: readonly string[] = [],
): Resolved {
  const { fn } = spec;
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    bad(fn, 'options', 'an object', options);
  }
  const o = (options ?? {}) as Record<string, unknown>;
  const allowed = new Set([...allowedOptions(spec), ...extraAllowed]);
  for (const key of Object.keys(o)) {
    if (o[key] === undefined) continue;
    if (!allowed.has(key)) {
      bad(fn, key, `one of the options ${fn} takes (${[...allowed].join(', ')})`, o[key]);
    }
  }
  const reduction = (o.reduction ?? 'mean') as Reduction;
  if (!REDUCTIONS.includes(reduction)) bad(fn, 'reduction', `one of ${REDUCTIONS.join(', ')}`, o.reduction);
  const onEmpty = (o.onEmpty ?? 'zero') as OnEmpty;
  if (!ON_EMPTY.includes(onEmpty)) bad(fn, 'onEmpty', `one of ${ON_EMPTY.join(', ')}`, o.onEmpty);
  const validate = o.validate ?? true;
  if (typeof validate !== 'boolean') bad(fn, 'validate', 'true or false', validate);
  const base =
    o.base === undefined
      ? Math.E
      : num(fn, 'base', o.base, (v) => Number.isFinite(v) && v > 0 && v !== 1, 'a finite number > 0 and ≠ 1');
  const axis = o.axis === undefined ? -1 : num(fn, 'axis', o.axis, Number.isInteger, 'an integer');
  const labelSmoothing =
    o.labelSmoothing === undefined
      ? 0
      : num(fn, 'labelSmoothing', o.labelSmoothing, (v) => v >= 0 && v <= 1, 'a number in [0, 1]');
  const epsilon =
    o.epsilon === undefined
      ? 0
      : num(fn, 'epsilon', o.epsilon, (v) => v >= 0 && v < 0.5, 'a number in [0, 0.5)');
  const ignoreIndex =
    o.ignoreIndex === undefined
      ? null
      : num(fn, 'ignoreIndex', o.ignoreIndex, Number.isInteger, 'an integer');
  const ignoreValue =
    o.ignoreValue === undefined
      ? null
      : num(fn, 'ignoreValue', o.ignoreValue, (v) => !Number.isNaN(v), 'a number (not NaN)');
  const gamma = spec.focal
    ? o.gamma === undefined
      ? 2
      : num(fn, 'gamma', o.gamma, (v) => Number.isFinite(v) && v >= 0, 'a finite number ≥ 0')
    : null;
  let alpha: number | TensorInput | null = null;
  if (o.alpha !== undefined) {
    if (spec.family === 'sigmoid') {
      alpha = num(fn, 'alpha', o.alpha, (v) => v >= 0 && v <= 1, 'a number in [0, 1]');
    } else if (typeof o.alpha === 'number') {
      alpha = num(
        fn,
        'alpha',
        o.alpha,
        (v) => Number.isFinite(v) && v >= 0,
        'a finite number ≥ 0 or one per class',
      );
    } else {
      alpha = o.alpha as TensorInput;
    }
  }
  const from = (o.from ?? 'probabilities') as 'probabilities' | 'logits';
  if (from !== 'probabilities' && from !== 'logits') bad(fn, 'from', "'probabilities' or 'logits'", o.from);
  if (spec.family === 'kl' && from === 'logits' && o.epsilon !== undefined) {
    bad(fn, 'epsilon', "absent with from: 'logits' (logits are not clipped)", o.epsilon);
  }
  return {
    fn,
    reduction,
    base,
    onEmpty,
    validate,
    axis,
    weights: (o.weights ?? null) as TensorInput | null,
    classWeights: (o.classWeights ?? null) as TensorInput | null,
    posWeight: (o.posWeight ?? null) as number | TensorInput | null,
    ignoreIndex,
    ignoreValue,
    labelSmoothing,
    epsilon,
    gamma,
    alpha,
    from,
    perSample: (options as Record<symbol, unknown> | undefined)?.[PER_SAMPLE] === true,
    collect: ((options as Record<symbol, unknown> | undefined)?.[COLLECT] ?? null) as Resolved['collect'],
  };
}

/** Normalises a possibly negative axis for a tensor of `rank`; INVALID_OPTION when out of range. */
export function normalizeAxis(fn: string, axis: number, rank: number): number {
  if (rank < 1 || axis < -rank || axis >= rank) {
    bad(fn, 'axis', rank < 1 ? 'used with input of rank ≥ 1' : `an integer in [${-rank}, ${rank - 1}]`, axis);
  }
  return axis < 0 ? axis + rank : axis;
}
