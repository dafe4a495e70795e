import * as tf from '@tensorflow/tfjs-core';
import { binaryCrossEntropy } from './binaryCrossEntropy';
import { binaryFocalLoss } from './binaryFocalLoss';
import { categoricalCrossEntropy } from './categoricalCrossEntropy';
import { categoricalFocalLoss } from './categoricalFocalLoss';
import { entropy } from './entropy';
import { describe, fail } from './internal/errors';
import { type BatchStats, COLLECT } from './internal/options';
import { klDivergence } from './klDivergence';
import { nllLoss } from './nllLoss';
import { sigmoidCrossEntropy } from './sigmoidCrossEntropy';
import { sigmoidFocalLoss } from './sigmoidFocalLoss';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';
import { softmaxFocalLoss } from './softmaxFocalLoss';
import type { TensorInput } from './types';

// biome-ignore lint/suspicious/noExplicitAny: the meter accepts every loss signature
type AnyLoss = (...args: any[]) => tf.Tensor;

const LOSSES: Record<string, AnyLoss> = {
  softmaxCrossEntropy,
  categoricalCrossEntropy,
  nllLoss,
  softmaxFocalLoss,
  categoricalFocalLoss,
  sigmoidCrossEntropy,
  binaryCrossEntropy,
  sigmoidFocalLoss,
  binaryFocalLoss,
  klDivergence,
  entropy,
};

/** The serialisable state of a {@link LossMeter}. */
export interface LossMeterState {
  readonly loss: string;
  readonly options: Record<string, unknown>;
  readonly sum: number;
  readonly sumComp: number;
  readonly weight: number;
  readonly weightComp: number;
  readonly count: number;
  readonly nonzero: number;
}

function neumaier(sum: number, comp: number, v: number): [number, number] {
  const t = sum + v;
  const c = comp + (Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum);
  return [t, c];
}

function plainOptions(fn: string, options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (v instanceof tf.Tensor) out[k] = Array.from(v.dataSync());
    else if (ArrayBuffer.isView(v)) out[k] = Array.from(v as unknown as ArrayLike<number>);
    else if (typeof v === 'number' && !Number.isFinite(v))
      fail('INVALID_OPTION', fn, k, 'finite', describe(v));
    else out[k] = v;
  }
  return out;
}

/**
 * A streaming, mergeable loss over tensor batches: `value` is exactly what one call over all batches
 * concatenated gives (sums kept in float64 with Neumaier compensation), so partial results from workers or
 * machines combine through `merge` and `toJSON` / `LossMeter.fromJSON`.
 *
 * Options are fixed at construction (a scalar `reduction` only; no `weights` — give each batch's own to
 * `update`). Before any update, `value` follows `onEmpty`. Per-position losses are computed in float32 on the
 * active backend and accumulated in float64. Keras: a `keras.metrics.Mean` fed per-batch losses (which loses
 * the weighting of unequal batches); PyTorch / TF.js: no equivalent.
 *
 * @throws {XentError} INVALID_OPTION (`weights` or `reduction: 'none'` at construction, merging meters of
 *   different losses or options, an unknown loss), EMPTY_INPUT (`onEmpty: 'throw'` and nothing counted)
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
  readonly #name: string;
  readonly #options: Record<string, unknown>;
  #sum = 0;
  #sumComp = 0;
  #weight = 0;
  #weightComp = 0;
  #count = 0;
  #nonzero = 0;

  constructor(f: AnyLoss, options: Record<string, unknown> = {}) {
    const name = Object.keys(LOSSES).find((k) => LOSSES[k] === f);
    if (name === undefined) fail('INVALID_OPTION', 'LossMeter', 'f', 'one of the xent losses', describe(f));
    this.#fn = f;
    this.#name = name;
    if (typeof options !== 'object' || options === null)
      fail('INVALID_OPTION', name, 'options', 'an object', describe(options));
    if (options.weights !== undefined) {
      fail(
        'INVALID_OPTION',
        name,
        'weights',
        'given per batch to update() (not at construction)',
        describe(options.weights),
      );
    }
    if (options.reduction === 'none') {
      fail('INVALID_OPTION', name, 'reduction', 'a scalar reduction for a meter', "'none'");
    }
    this.#options = plainOptions(name, options);
  }

  /** Adds one batch (`entropy` meters: `update(p)`). */
  update(
    targets: TensorInput,
    predictions?: TensorInput,
    batch?: { weights?: TensorInput | undefined },
  ): void {
    const opts: Record<string | symbol, unknown> = { ...this.#options, reduction: 'sum' };
    if (batch?.weights !== undefined) opts.weights = batch.weights;
    let stats: BatchStats | null = null;
    opts[COLLECT] = (s: BatchStats) => {
      stats = s;
    };
    const out = this.#name === 'entropy' ? this.#fn(targets, opts) : this.#fn(targets, predictions, opts);
    out.dispose();
    const s = stats as BatchStats | null;
    if (s === null) return;
    for (let i = 0; i < s.a.length; i++) {
      [this.#sum, this.#sumComp] = neumaier(this.#sum, this.#sumComp, s.a[i]!);
      const counted = s.counted === null ? 1 : s.counted[i]!;
      if (counted === 0) continue;
      const w = s.weight === null ? 1 : s.weight[i]!;
      [this.#weight, this.#weightComp] = neumaier(this.#weight, this.#weightComp, w);
      this.#count += 1;
      if (w !== 0) this.#nonzero += 1;
    }
  }

  /** Adds another meter's results (same loss and options). */
  merge(other: LossMeter): this {
    if (other.#name !== this.#name || JSON.stringify(other.#options) !== JSON.stringify(this.#options)) {
      fail(
        'INVALID_OPTION',
        this.#name,
        'other',
        `a meter of the same loss and options`,
        `a ${other.#name} meter`,
      );
    }
    [this.#sum, this.#sumComp] = neumaier(this.#sum, this.#sumComp, other.#sum);
    [this.#sum, this.#sumComp] = neumaier(this.#sum, this.#sumComp, other.#sumComp);
    [this.#weight, this.#weightComp] = neumaier(this.#weight, this.#weightComp, other.#weight);
    [this.#weight, this.#weightComp] = neumaier(this.#weight, this.#weightComp, other.#weightComp);
    this.#count += other.#count;
    this.#nonzero += other.#nonzero;
    return this;
  }

  /** The reduction over everything seen so far, in the meter's base. */
  get value(): number {
    const reduction = (this.#options.reduction as string | undefined) ?? 'mean';
    const base = (this.#options.base as number | undefined) ?? Math.E;
    const onEmpty = (this.#options.onEmpty as string | undefined) ?? 'zero';
    const scale = base === Math.E ? 1 : Math.log(base);
    const sum = this.#sum + this.#sumComp;
    if (reduction === 'sum') return sum / scale;
    const den =
      reduction === 'mean'
        ? this.#weight + this.#weightComp
        : reduction === 'sumOverCount'
          ? this.#count
          : this.#nonzero;
    if (den === 0) {
      if (onEmpty === 'throw') {
        fail(
          'EMPTY_INPUT',
          this.#name,
          'meter',
          `at least one counted position for reduction '${reduction}'`,
          'none',
        );
      }
      return onEmpty === 'nan' ? Number.NaN : 0;
    }
    return sum / den / scale;
  }

  /** Forgets everything seen. */
  reset(): void {
    this.#sum = 0;
    this.#sumComp = 0;
    this.#weight = 0;
    this.#weightComp = 0;
    this.#count = 0;
    this.#nonzero = 0;
  }

  /** A JSON-safe snapshot for {@link LossMeter.fromJSON}. */
  toJSON(): LossMeterState {
    return {
      loss: this.#name,
      options: { ...this.#options },
      sum: this.#sum,
      sumComp: this.#sumComp,
      weight: this.#weight,
      weightComp: this.#weightComp,
      count: this.#count,
      nonzero: this.#nonzero,
    };
  }

  /** Restores a meter from {@link LossMeter.toJSON}'s state. */
  static fromJSON(state: LossMeterState): LossMeter {
    const f = state !== null && typeof state === 'object' ? LOSSES[state.loss] : undefined;
    if (f === undefined)
      fail('INVALID_OPTION', 'LossMeter.fromJSON', 'state', 'a LossMeter state', describe(state));
    const m = new LossMeter(f, state.options);
    m.#sum = state.sum;
    m.#sumComp = state.sumComp;
    m.#weight = state.weight;
    m.#weightComp = state.weightComp;
    m.#count = state.count;
    m.#nonzero = state.nonzero;
    return m;
  }
}
