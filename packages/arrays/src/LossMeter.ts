import {
  createMeterState,
  describeValue,
  type MeterJSON,
  type MeterState,
  mergeMeterStates,
  meterStateFromJSON,
  meterStateToJSON,
  meterStateValue,
  type Reduction,
  resetMeterState,
  updateMeterState,
  XentError,
} from '@xent/core';
import type { EntropyFunction, EntropyOptions } from './entropy';
import { toView } from './internal/convert';
import { convertOptions, type LossFunction } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** A loss a meter can stream: any loss function of this package. */
// biome-ignore lint/suspicious/noExplicitAny: any options type
export type MeterLoss = LossFunction<any> | EntropyFunction;

/** The options of a meter: the loss's options without `weights`, with a scalar `reduction`. */
export type MeterOptions<F extends MeterLoss> = Omit<
  F extends LossFunction<infer O> ? O : EntropyOptions,
  'weights' | 'reduction'
> & { reduction?: Exclude<Reduction, 'none'> | undefined };

/** The per-batch options of {@link LossMeter.update}: this batch's own sample weights. */
export interface MeterUpdateOptions {
  weights?: ArrayInput | undefined;
}

/** The JSON form of a meter, as {@link LossMeter.toJSON} returns it. */
export type LossMeterJSON = MeterJSON;

const isOptions = (x: unknown): x is MeterUpdateOptions =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) && !('data' in x);

/**
 * A streaming, mergeable loss: feed it batches, read the loss over everything seen — exactly what one
 * call over the concatenated batches gives (to 1e-12), however the data was split, across workers,
 * processes or machines.
 *
 * `new LossMeter(f, options)` fixes the loss and every option but the per-batch `weights`;
 * `update(targets, predictions, { weights })` adds a batch (for {@link entropy}: `update(p, { weights })`);
 * `merge(other)` adds another meter of the same loss and options; `value` is the meter's reduction
 * (`'mean'` by default: Σ a / Σ w over all batches); `reset()` forgets; `toJSON()` and
 * {@link LossMeter.fromJSON} carry the state (compensated sums and counts) between processes.
 * Batches concatenate along the first axis that is not the class axis; a rank-1 multi-class update adds
 * one position. Before any update, `value` follows `onEmpty` (0 by default).
 *
 * Equivalents: Keras `metrics.Mean`-wrapped losses and torchmetrics' `MeanMetric`, which average batch
 * means (wrong when batch sizes differ); this meter keeps the numerator and denominator apart.
 *
 * @throws XentError `INVALID_OPTION` for `weights` or `reduction: 'none'` at construction and for
 * merging meters of different losses or options; whatever the loss throws for a bad batch (the meter is
 * then left as it was).
 *
 * @example
 * ```ts
 * const a = new LossMeter(binaryCrossEntropy);
 * a.update([1, 1], [0.51, 0.98]);
 * const b = new LossMeter(binaryCrossEntropy);
 * b.update([0], [0.1]);
 * a.merge(LossMeter.fromJSON(JSON.parse(JSON.stringify(b.toJSON()))));
 * a.value; // 0.2663025920797038, as binaryCrossEntropy([1, 1, 0], [0.51, 0.98, 0.1])
 * ```
 */
export class LossMeter<F extends MeterLoss = MeterLoss> {
  /** @internal the adapter-neutral state in core */
  private state: MeterState;

  constructor(loss: F, options?: MeterOptions<F>) {
    const fn = (loss as { lossName?: unknown } | null)?.lossName;
    if (typeof loss !== 'function' || typeof fn !== 'string') {
      throw new XentError(
        'INVALID_INPUT',
        'LossMeter',
        'loss',
        'a loss function of @xent/arrays',
        describeValue(loss),
      );
    }
    this.state = createMeterState(fn as MeterState['fn'], convertOptions('LossMeter', options));
  }

  /** The name of the meter's loss. */
  get lossName(): MeterState['fn'] {
    return this.state.fn;
  }

  /**
   * Adds one batch. For {@link entropy} meters the batch is `update(p, { weights }?)`.
   * @throws XentError whatever the loss throws for this batch; the meter is then unchanged.
   */
  update(
    targets: ArrayInput,
    predictions?: ArrayInput | MeterUpdateOptions,
    options?: MeterUpdateOptions,
  ): this {
    const fn = this.state.fn;
    let p: ArrayInput | undefined = predictions as ArrayInput | undefined;
    let o = options;
    if (fn === 'entropy') {
      if (predictions !== undefined && !isOptions(predictions)) {
        throw new XentError(
          'INVALID_INPUT',
          'entropy (LossMeter.update)',
          'options',
          'an object { weights } (entropy takes p alone)',
          describeValue(predictions),
        );
      }
      o = (predictions as MeterUpdateOptions | undefined) ?? options;
      p = undefined;
    }
    const pair = fn === 'entropy' || fn === 'klDivergence';
    const t = toView(fn, pair ? 'p' : 'targets', targets).view;
    const q = fn === 'entropy' ? null : toView(fn, pair ? 'q' : 'predictions', p).view;
    if (o !== undefined && !isOptions(o)) {
      throw new XentError(
        'INVALID_OPTION',
        `${fn} (LossMeter.update)`,
        'options',
        'an object { weights }',
        describeValue(o),
      );
    }
    const keys =
      o === undefined ? [] : Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
    for (const k of keys) {
      if (k !== 'weights') {
        throw new XentError(
          'INVALID_OPTION',
          `${fn} (LossMeter.update)`,
          k,
          "'weights' only (other options are fixed at construction)",
          `an option '${k}'`,
        );
      }
    }
    const w =
      o?.weights === undefined
        ? undefined
        : typeof o.weights === 'number'
          ? o.weights
          : toView(fn, 'weights', o.weights).view;
    updateMeterState(this.state, t, q, w);
    return this;
  }

  /**
   * Adds everything `other` has seen (it is left unchanged).
   * @throws XentError `INVALID_OPTION` when `other` is of another loss or other options.
   */
  merge(other: LossMeter): this {
    if (!(other instanceof LossMeter)) {
      throw new XentError('INVALID_INPUT', 'LossMeter.merge', 'other', 'a LossMeter', describeValue(other));
    }
    mergeMeterStates(this.state, other.state);
    return this;
  }

  /** The meter's reduction over every batch seen, in the unit of `base`; before any update it follows `onEmpty`. */
  get value(): number {
    return meterStateValue(this.state);
  }

  /** Forgets every batch (the loss and options stay). */
  reset(): this {
    resetMeterState(this.state);
    return this;
  }

  /** The state as plain JSON (non-finite sums as strings), for {@link LossMeter.fromJSON}. */
  toJSON(): LossMeterJSON {
    return meterStateToJSON(this.state);
  }

  /**
   * Rebuilds a meter from {@link LossMeter.toJSON}'s output (or the string `JSON.stringify` made of it).
   * @throws XentError `INVALID_INPUT` for anything else.
   */
  static fromJSON(state: unknown): LossMeter {
    const meter = Object.create(LossMeter.prototype) as LossMeter;
    meter.state = meterStateFromJSON(state);
    return meter;
  }
}
