/**
 * The state of a streaming, mergeable loss meter, adapter-neutral: the loss name, its fixed options,
 * and the compensated running sums of every batch seen. Two states of the same loss and options merge
 * exactly; the JSON form carries a state between workers, processes or machines.
 */
import { describeValue, fail } from '../errors';
import { createAccumulator, mergeAccumulators, recordPosition } from '../kernels/index';
import type { Accumulator } from '../kernels/types';
import { runLoss } from '../losses/computeLoss';
import { isLossName, LOSS_INFO, type LossName, OPTIONS_TAKEN } from '../options/names';
import { resolveOptions, resolveWeights } from '../options/resolveOptions';
import type { ResolvedOptions } from '../options/types';
import { reduceValue } from '../reduce/reduce';
import type { TensorView } from '../view';

/** The mutable state of one meter. */
export interface MeterState {
  readonly fn: LossName;
  readonly options: ResolvedOptions;
  /** the options in canonical JSON form (what two meters must share to merge) */
  readonly optionsJSON: Readonly<Record<string, unknown>>;
  readonly key: string;
  acc: Accumulator;
  /**
   * The shape of a batch without the axis batches concatenate along (the first axis that is not the class
   * axis; for a rank-1 multi-class batch, its class axis alone): every batch must share it. Null before the
   * first batch.
   */
  batchShape: readonly number[] | null;
}

/** The JSON form of a meter (numbers that JSON cannot hold are written as `"NaN"`, `"Infinity"`, `"-Infinity"`). */
export interface MeterJSON {
  readonly format: 'xent.LossMeter';
  readonly version: 1;
  readonly loss: LossName;
  readonly options: Readonly<Record<string, unknown>>;
  readonly sums: Readonly<Record<keyof Accumulator, number | string>>;
  /** the shape every batch shares, once a batch was seen (see {@link MeterState.batchShape}) */
  readonly batchShape?: readonly number[];
}

function canonicalOptions(fn: LossName, o: ResolvedOptions): Record<string, unknown> {
  const all: Record<string, unknown> = {
    axis: o.axis,
    reduction: o.reduction,
    classWeights: o.classWeights === null ? undefined : Array.from(o.classWeights),
    posWeight:
      o.posWeight === null
        ? undefined
        : { data: Array.from(o.posWeight.data), shape: [...o.posWeight.shape] },
    ignoreIndex: o.ignoreIndex ?? undefined,
    ignoreValue: o.ignoreValue ?? undefined,
    labelSmoothing: o.labelSmoothing,
    epsilon: o.from === 'logits' ? undefined : o.epsilon,
    gamma: o.gamma ?? undefined,
    alpha: o.alpha === null ? undefined : typeof o.alpha === 'number' ? o.alpha : Array.from(o.alpha),
    from: o.from,
    base: o.base,
    onEmpty: o.onEmpty,
    validate: o.validate,
  };
  const out: Record<string, unknown> = {};
  for (const key of OPTIONS_TAKEN[fn]) if (all[key] !== undefined) out[key] = all[key];
  return out;
}

/**
 * Creates the state of a meter of loss `fn` with fixed `options`.
 * @throws XentError `INVALID_OPTION` for `weights` (given per batch to update instead) or a
 * non-scalar `reduction: 'none'`, and whatever {@link resolveOptions} throws.
 * @example
 * ```ts
 * createMeterState('binaryCrossEntropy', { reduction: 'sum' }).optionsJSON.reduction; // 'sum'
 * createMeterState('binaryCrossEntropy', { weights: [1] }); // throws INVALID_OPTION
 * ```
 */
export function createMeterState(fn: LossName, options?: unknown): MeterState {
  if (!isLossName(fn))
    fail('INVALID_INPUT', 'LossMeter', 'loss', 'one of the xent losses', describeValue(fn));
  const o = resolveOptions(fn, options);
  if (o.weights !== null) {
    fail(
      'INVALID_OPTION',
      'LossMeter',
      'weights',
      'given per batch to update(), not at construction',
      'weights',
    );
  }
  if (o.reduction === 'none') {
    fail('INVALID_OPTION', 'LossMeter', 'reduction', "a scalar reduction (not 'none')", "'none'");
  }
  const optionsJSON = canonicalOptions(fn, o);
  return {
    fn,
    options: o,
    optionsJSON,
    key: JSON.stringify([fn, optionsJSON]),
    acc: createAccumulator(),
    batchShape: null,
  };
}

/** The shape of a batch without its concatenation axis (see {@link MeterState.batchShape}). */
function batchShapeOf(state: MeterState, shape: readonly number[]): number[] {
  if (LOSS_INFO[state.fn].family === 'sigmoid') return shape.slice(1);
  if (shape.length <= 1) return [...shape];
  const a = state.options.axis < 0 ? state.options.axis + shape.length : state.options.axis;
  const along = a === 0 ? 1 : 0;
  return shape.filter((_, i) => i !== along);
}

/** Checks that a batch of `shape` concatenates with the batches seen, and records its shape. */
function admitBatch(state: MeterState, shape: readonly number[]): number[] {
  const b = batchShapeOf(state, shape);
  if (state.batchShape !== null && !sameShape(state.batchShape, b)) {
    fail(
      'SHAPE_MISMATCH',
      `${state.fn} (LossMeter.update)`,
      'batch',
      `of a shape that concatenates with the batches seen ([N, ${state.batchShape.join(', ')}] along the batch axis)`,
      `shape [${shape.join(', ')}]`,
    );
  }
  return b;
}

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * Adds one batch to the state. For `entropy`, `predictions` is null and `targets` holds p.
 * `weights` are this batch's sample weights (broadcast to its positions).
 * @example
 * ```ts
 * const s = createMeterState('sigmoidCrossEntropy');
 * updateMeterState(s, { data: [1, 0], shape: [2] }, { data: [0, 0], shape: [2] }, [1, 3]);
 * s.acc.count; // 2
 * s.acc.weight; // 4
 * ```
 */
export function updateMeterState(
  state: MeterState,
  targets: TensorView,
  predictions: TensorView | null,
  weights?: unknown,
): void {
  const o =
    weights === undefined ? state.options : { ...state.options, weights: resolveWeights(state.fn, weights) };
  const shape = admitBatch(state, (predictions ?? targets).shape);
  // run into a fresh accumulator first, so a batch that throws leaves the state as it was
  const batch = createAccumulator();
  runLoss(state.fn, targets, predictions, o, { acc: batch, perPosition: false, grad: false });
  mergeAccumulators(state.acc, batch);
  state.batchShape = shape;
}

/**
 * Adds one batch whose per-position numerators were computed elsewhere (an adapter's own kernels, e.g.
 * on a GPU): `a[n]`, the weight `w[n]` of each position (null: 1 each) and whether it counts (`counted[n]`
 * 0 for an ignored position; null: all count). `shape` is the batch's predictions' shape (p for entropy).
 * @throws XentError `SHAPE_MISMATCH` for a batch that does not concatenate with those seen.
 * @example
 * ```ts
 * const s = createMeterState('sigmoidCrossEntropy');
 * updateMeterStateFromPositions(s, [2], [Math.LN2, 0], [1, 3], null);
 * s.acc.weight; // 4
 * ```
 */
export function updateMeterStateFromPositions(
  state: MeterState,
  shape: readonly number[],
  a: ArrayLike<number>,
  w: ArrayLike<number> | null,
  counted: ArrayLike<number> | null,
): void {
  const b = admitBatch(state, shape);
  const batch = createAccumulator();
  for (let n = 0; n < a.length; n++) {
    if (counted !== null && counted[n] === 0) continue;
    recordPosition(batch, a[n]!, w === null ? 1 : w[n]!);
  }
  mergeAccumulators(state.acc, batch);
  state.batchShape = b;
}

/**
 * Merges `from` into `into` exactly (compensated sums and counts).
 * @throws XentError `INVALID_OPTION` when the two meters are of different losses or options.
 * @example
 * ```ts
 * const a = createMeterState('entropy');
 * const b = createMeterState('entropy');
 * updateMeterState(b, { data: [0.5, 0.5], shape: [2] }, null);
 * mergeMeterStates(a, b);
 * a.acc.count; // 1
 * mergeMeterStates(a, createMeterState('entropy', { base: 2 })); // throws INVALID_OPTION
 * ```
 */
export function mergeMeterStates(into: MeterState, from: MeterState): void {
  if (into.key !== from.key) {
    fail(
      'INVALID_OPTION',
      'LossMeter.merge',
      'other',
      `a meter of the same loss and options (${into.key})`,
      from.key,
    );
  }
  if (into.batchShape !== null && from.batchShape !== null && !sameShape(into.batchShape, from.batchShape)) {
    fail(
      'SHAPE_MISMATCH',
      'LossMeter.merge',
      'other',
      `a meter of batches that concatenate with this one's ([N, ${into.batchShape.join(', ')}])`,
      `batches of [N, ${from.batchShape.join(', ')}]`,
    );
  }
  mergeAccumulators(into.acc, from.acc);
  into.batchShape ??= from.batchShape;
}

/**
 * The meter's reduction over everything seen; before any update it follows `onEmpty`.
 * @example
 * ```ts
 * Number.isNaN(meterStateValue(createMeterState('entropy', { onEmpty: 'nan' }))); // true
 * ```
 */
export function meterStateValue(state: MeterState): number {
  const o = state.options;
  return reduceValue(state.fn, state.acc, o.reduction, o.onEmpty, o.base);
}

/**
 * Forgets every batch.
 * @example
 * ```ts
 * const s = createMeterState('entropy');
 * updateMeterState(s, { data: [0.5, 0.5], shape: [2] }, null);
 * resetMeterState(s);
 * s.acc.count; // 0
 * ```
 */
export function resetMeterState(state: MeterState): void {
  state.acc = createAccumulator();
  state.batchShape = null;
}

const encode = (v: number): number | string => (Number.isFinite(v) ? v : String(v));
const decode = (v: unknown): number => (typeof v === 'string' ? Number(v) : (v as number));

/**
 * The JSON form of a state.
 * @example
 * ```ts
 * meterStateToJSON(createMeterState('entropy')).format; // 'xent.LossMeter'
 * ```
 */
export function meterStateToJSON(state: MeterState): MeterJSON {
  const a = state.acc;
  return {
    format: 'xent.LossMeter',
    version: 1,
    loss: state.fn,
    options: state.optionsJSON,
    sums: {
      sum: encode(a.sum),
      sumComp: encode(a.sumComp),
      weight: encode(a.weight),
      weightComp: encode(a.weightComp),
      count: a.count,
      nonzero: a.nonzero,
    },
    ...(state.batchShape === null ? {} : { batchShape: [...state.batchShape] }),
  };
}

/**
 * Rebuilds a state from its JSON form (an object, or the string `JSON.stringify` made of it).
 * @throws XentError `INVALID_INPUT` for anything that is not a meter's JSON form.
 * @example
 * ```ts
 * meterStateFromJSON(JSON.stringify(meterStateToJSON(createMeterState('entropy')))).fn; // 'entropy'
 * meterStateFromJSON('{}'); // throws INVALID_INPUT
 * ```
 */
export function meterStateFromJSON(json: unknown): MeterState {
  const j = (typeof json === 'string' ? safeParse(json) : json) as Partial<MeterJSON> | null;
  const sums = j?.sums as Record<string, unknown> | undefined;
  const keys = ['sum', 'sumComp', 'weight', 'weightComp', 'count', 'nonzero'] as const;
  if (
    j === null ||
    typeof j !== 'object' ||
    j.format !== 'xent.LossMeter' ||
    j.version !== 1 ||
    !isLossName(j.loss) ||
    typeof j.options !== 'object' ||
    j.options === null ||
    typeof sums !== 'object' ||
    sums === null ||
    !keys.every((k) => validSum(k, sums[k])) ||
    !consistentCounts(sums) ||
    (j.batchShape !== undefined &&
      !(Array.isArray(j.batchShape) && j.batchShape.every((d) => Number.isInteger(d) && d >= 0)))
  ) {
    return fail(
      'INVALID_INPUT',
      'LossMeter.fromJSON',
      'state',
      'the JSON form of a LossMeter (format xent.LossMeter, version 1)',
      describeValue(json),
    );
  }
  const state = createMeterState(j.loss, j.options);
  state.acc = {
    sum: decode(sums.sum),
    sumComp: decode(sums.sumComp),
    weight: decode(sums.weight),
    weightComp: decode(sums.weightComp),
    count: decode(sums.count),
    nonzero: decode(sums.nonzero),
  };
  state.batchShape = j.batchShape === undefined ? null : [...j.batchShape];
  return state;
}

/**
 * Counts and weights that some sequence of batches could have produced: no more non-zero weights than
 * positions, a weight only where a non-zero one was counted, and a finite total weight.
 */
function consistentCounts(sums: Record<string, unknown>): boolean {
  const count = sums.count as number;
  const nonzero = sums.nonzero as number;
  const weight = decode(sums.weight) + decode(sums.weightComp);
  return nonzero <= count && Number.isFinite(weight) && (nonzero === 0) === (weight === 0);
}

function validSum(key: string, value: unknown): boolean {
  const v = decode(value);
  if (
    typeof v !== 'number' ||
    (typeof value === 'string' && !['NaN', 'Infinity', '-Infinity'].includes(value))
  )
    return false;
  if (key === 'count' || key === 'nonzero') return Number.isInteger(v) && v >= 0;
  // weights are finite and ≥ 0, so their sum is too; a loss sum may be ±∞ or NaN (an infinite loss)
  if (key === 'weight') return Number.isFinite(v) && v >= 0;
  if (key === 'weightComp') return Number.isFinite(v);
  return true;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
