import * as tf from '@tensorflow/tfjs-core';
import {
  createMeterState,
  type LossName,
  type MeterJSON,
  type MeterState,
  mergeMeterStates,
  meterStateFromJSON,
  meterStateToJSON,
  meterStateValue,
  resetMeterState,
  updateMeterStateFromPositions,
} from '@xent/core';
import { toTensor } from './internal/convert';
import { describe, fail } from './internal/errors';
import { type AnyLoss, LOSSES, lossNameOf } from './internal/losses';
import { type BatchStats, COLLECT } from './internal/options';
import type { TensorInput } from './types';

/** The JSON form of a {@link LossMeter} (the same as `@xent/arrays`' meters write and read). */
export type LossMeterState = MeterJSON;

/**
 * The options as core's meter state takes them: tensor-, typed-array- and nested-array-valued options as
 * plain numbers (flat for rank ≤ 1, a `{ data, shape }` view above), so that a meter's options are fixed and
 * serialisable.
 */
function plainOptions(fn: string, options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (v instanceof tf.Tensor) {
      // a tensor's own (float32) values; a scalar tensor is a number
      const data = Array.from(toTensor(fn, k, v).dataSync());
      out[k] = v.rank === 0 ? data[0] : v.rank === 1 ? data : { data, shape: [...v.shape] };
    } else if (ArrayBuffer.isView(v)) {
      out[k] = Array.from(v as unknown as ArrayLike<number>);
    } else if (Array.isArray(v) && v.some(Array.isArray)) {
      // nested numbers as given (no float32 rounding), as a { data, shape } view
      const t = tf.tidy(() => toTensor(fn, k, v).shape);
      out[k] = { data: (v as unknown[]).flat(Number.POSITIVE_INFINITY), shape: t };
    } else {
      out[k] = v;
    }
  }
  return out;
}

const isUpdateOptions = (x: unknown): x is { weights?: TensorInput | undefined } =>
  typeof x === 'object' &&
  x !== null &&
  !Array.isArray(x) &&
  !ArrayBuffer.isView(x) &&
  !(x instanceof tf.Tensor) &&
  !('data' in x);

/**
 * A streaming, mergeable loss over tensor batches: `value` is exactly what one call over all batches
 * concatenated gives (sums kept in float64 with Neumaier compensation, in `@xent/core`'s meter state), so
 * partial results from workers or machines combine through `merge` and `toJSON` / `LossMeter.fromJSON` —
 * also with meters of `@xent/arrays`, whose JSON form is the same.
 *
 * Options are fixed at construction (a scalar `reduction` only; no `weights` — give each batch's own to
 * `update`). Batches concatenate along the first axis that is not the class axis; a batch of another shape
 * is a `SHAPE_MISMATCH`. Before any update, `value` follows `onEmpty`. Per-position losses are computed in
 * float32 on the active backend and accumulated in float64. Keras: a `keras.metrics.Mean` fed per-batch
 * losses (which loses the weighting of unequal batches); PyTorch / TF.js: no equivalent.
 *
 * @throws {XentError} INVALID_INPUT (not a loss of this package, a corrupt JSON state), INVALID_OPTION
 *   (`weights` or `reduction: 'none'` at construction, an option the loss does not take, merging meters of
 *   different losses or options), SHAPE_MISMATCH (a batch that does not concatenate), EMPTY_INPUT
 *   (`onEmpty: 'throw'` and nothing counted)
 * @example
 * ```ts
 * const m = new LossMeter(sigmoidCrossEntropy);
 * m.update([1], [0]);
 * m.update([0], [0]);
 * m.value; // ln 2 = 0.693147…
 * ```
 */
export class LossMeter {
  readonly #fn: AnyLoss;
  readonly #state: MeterState;

  constructor(f: AnyLoss, options: Record<string, unknown> = {}) {
    const name = lossNameOf(f);
    if (name === undefined)
      fail('INVALID_INPUT', 'LossMeter', 'loss', 'a loss function of @xent/tfjs', describe(f));
    if (typeof options !== 'object' || options === null || Array.isArray(options))
      fail('INVALID_OPTION', name, 'options', 'an object', describe(options));
    this.#fn = f;
    this.#state = createMeterState(name as LossName, plainOptions(name, options));
  }

  /**
   * Adds one batch with its own sample `weights` (`entropy` meters: `update(p, { weights })`); a batch that
   * throws leaves the meter as it was.
   * @throws {XentError} INVALID_OPTION (an option other than `weights`), INVALID_INPUT (a second input to
   *   an entropy meter), SHAPE_MISMATCH (a batch that does not concatenate), and whatever the loss throws
   */
  update(
    targets: TensorInput,
    predictions?: TensorInput | { weights?: TensorInput | undefined },
    batch?: { weights?: TensorInput | undefined },
  ): void {
    const name = this.#state.fn;
    const entropyMeter = name === 'entropy';
    let b = batch;
    if (entropyMeter) {
      if (predictions !== undefined && !isUpdateOptions(predictions)) {
        fail(
          'INVALID_INPUT',
          'entropy (LossMeter.update)',
          'options',
          'an object { weights } (entropy takes p alone)',
          describe(predictions),
        );
      }
      b = (predictions as { weights?: TensorInput | undefined } | undefined) ?? batch;
    }
    if (b !== undefined && !isUpdateOptions(b)) {
      fail('INVALID_OPTION', `${name} (LossMeter.update)`, 'options', 'an object { weights }', describe(b));
    }
    for (const k of Object.keys(b ?? {})) {
      if (k !== 'weights' && (b as Record<string, unknown>)[k] !== undefined) {
        fail(
          'INVALID_OPTION',
          `${name} (LossMeter.update)`,
          k,
          "'weights' only (other options are fixed at construction)",
          `an option '${k}'`,
        );
      }
    }
    tf.tidy(() => {
      // core's canonical options, with a posWeight view ({ data, shape }) as the tensor the loss takes
      const opts: Record<string | symbol, unknown> = { ...this.#state.optionsJSON, reduction: 'sum' };
      const pw = this.#state.optionsJSON.posWeight as
        | { data: number[]; shape: number[] }
        | number
        | undefined;
      if (pw !== undefined && typeof pw === 'object') opts.posWeight = tf.tensor(pw.data, pw.shape);
      if (b?.weights !== undefined) opts.weights = b.weights;
      let stats: BatchStats | null = null;
      opts[COLLECT] = (s: BatchStats) => {
        stats = s;
      };
      const ref = entropyMeter
        ? toTensor(name, 'p', targets)
        : toTensor(name, name === 'klDivergence' ? 'q' : 'predictions', predictions);
      this.#fn(...(entropyMeter ? [ref, opts] : [targets, ref, opts]));
      const s = stats as BatchStats | null;
      if (s !== null) updateMeterStateFromPositions(this.#state, ref.shape, s.a, s.weight, s.counted);
    });
  }

  /** Adds another meter's results (same loss, options and batch shape). */
  merge(other: LossMeter): this {
    if (!(other instanceof LossMeter))
      fail('INVALID_INPUT', 'LossMeter.merge', 'other', 'a LossMeter of @xent/tfjs', describe(other));
    mergeMeterStates(this.#state, other.#state);
    return this;
  }

  /** The reduction over everything seen so far, in the meter's base. */
  get value(): number {
    return meterStateValue(this.#state);
  }

  /** Forgets everything seen. */
  reset(): void {
    resetMeterState(this.#state);
  }

  /** A JSON-safe snapshot for {@link LossMeter.fromJSON}. */
  toJSON(): LossMeterState {
    return meterStateToJSON(this.#state);
  }

  /**
   * Restores a meter from {@link LossMeter.toJSON}'s state (an object, or the string `JSON.stringify` made
   * of it), including one written by an `@xent/arrays` meter.
   * @throws {XentError} INVALID_INPUT for anything that is not a meter's JSON form
   */
  static fromJSON(state: LossMeterState | string): LossMeter {
    const restored = meterStateFromJSON(state);
    const m = new LossMeter(LOSSES[restored.fn]!, { ...restored.optionsJSON });
    m.#state.acc = restored.acc;
    m.#state.batchShape = restored.batchShape;
    return m;
  }
}
