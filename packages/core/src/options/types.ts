/**
 * The option types of every loss (SPEC "Options"). Array-valued options are typed by a parameter `A`:
 * core takes {@link ViewLike} (a number, flat numbers or a `{ data, shape }` view); each adapter
 * instantiates the types with what its users hold (nested arrays, tensors).
 */
import type { ViewLike } from '../view';

/** How the per-position values become the result (SPEC "Reductions"). */
export type Reduction = 'none' | 'sum' | 'mean' | 'sumOverCount' | 'sumOverNonzeroWeights';

/**
 * The result type of a loss whose `reduction` option has type `X`, for an adapter whose scalar result is `S`
 * and whose per-position result is `A`: `S` for the scalar reductions (and when no reduction is given), `A`
 * for `'none'`, and `S | A` or `A` as the adapter chooses when `X` is only known as {@link Reduction}
 * (`Wide`).
 */
export type ResultByReduction<X, S, A, Wide> = [X] extends [never]
  ? S
  : [X] extends ['none']
    ? A
    : 'none' extends X
      ? Wide
      : S;

/** What a reduction gives when its denominator is 0. */
export type OnEmpty = 'zero' | 'nan' | 'throw';

/**
 * The reductions, for checks and docs.
 * @example
 * ```ts
 * REDUCTIONS.includes('sumOverCount'); // true
 * ```
 */
export const REDUCTIONS: readonly Reduction[] = [
  'none',
  'sum',
  'mean',
  'sumOverCount',
  'sumOverNonzeroWeights',
];

/**
 * The `onEmpty` values.
 * @example
 * ```ts
 * ON_EMPTY; // ['zero', 'nan', 'throw']
 * ```
 */
export const ON_EMPTY: readonly OnEmpty[] = ['zero', 'nan', 'throw'];

/** Options every loss takes. */
export interface CommonOptions<A = ViewLike> {
  /** How per-position values are combined; default `'mean'`. */
  reduction?: Reduction | undefined;
  /** Per-position sample weights, finite and ≥ 0, broadcast by NumPy's rules to the positions. */
  weights?: A | undefined;
  /** Log base: `Math.E` (nats, default), `2` (bits), `10`, …; finite, > 0 and ≠ 1. */
  base?: number | undefined;
  /** What to return when the reduction's denominator is 0; default `'zero'`. */
  onEmpty?: OnEmpty | undefined;
  /** `false` skips the value checks (label range, probability range, sums, NaN targets); default `true`. */
  validate?: boolean | undefined;
}

/** Options of the class-axis cross-entropies (`softmaxCrossEntropy`, `nllLoss`). */
export interface SoftmaxCrossEntropyOptions<A = ViewLike> extends CommonOptions<A> {
  /** The class axis; negative counts from the end; default `-1`. */
  axis?: number | undefined;
  /** One finite weight ≥ 0 per class. */
  classWeights?: ArrayLike<number> | undefined;
  /** Integer targets equal to this count nowhere. */
  ignoreIndex?: number | undefined;
  /** ε ∈ [0, 1]: t' = (1 − ε) t + ε / C; default `0`. */
  labelSmoothing?: number | undefined;
}

/** Options of `nllLoss` (the same as `softmaxCrossEntropy`). */
export type NllLossOptions<A = ViewLike> = SoftmaxCrossEntropyOptions<A>;

/** Options of `categoricalCrossEntropy`. */
export interface CategoricalCrossEntropyOptions<A = ViewLike> extends SoftmaxCrossEntropyOptions<A> {
  /** ε ∈ [0, 0.5): predictions are clipped to [ε, 1 − ε] first; default `0` (exact). */
  epsilon?: number | undefined;
}

/** Options of `sigmoidCrossEntropy`. */
export interface SigmoidCrossEntropyOptions<A = ViewLike> extends CommonOptions<A> {
  /** Weight ≥ 0 of the positive term, broadcast to the elements (scalar or one per label). */
  posWeight?: A | undefined;
  /** Elements whose target equals this count nowhere (e.g. −1 for "uncertain"). */
  ignoreValue?: number | undefined;
  /** ε ∈ [0, 1]: t' = (1 − ε) t + ε / 2; default `0`. */
  labelSmoothing?: number | undefined;
}

/** Options of `binaryCrossEntropy`. */
export interface BinaryCrossEntropyOptions<A = ViewLike> extends SigmoidCrossEntropyOptions<A> {
  /** ε ∈ [0, 0.5): predictions are clipped to [ε, 1 − ε] first; default `0` (exact). */
  epsilon?: number | undefined;
}

/** Focal parameters of the class-axis focal losses. */
export interface SoftmaxFocalLossOptions<A = ViewLike> extends SoftmaxCrossEntropyOptions<A> {
  /** γ ≥ 0, finite; default `2`. */
  gamma?: number | undefined;
  /** α: a finite scalar ≥ 0 or one per class; default none (1). */
  alpha?: number | ArrayLike<number> | undefined;
}

/** Options of `categoricalFocalLoss`. */
export interface CategoricalFocalLossOptions<A = ViewLike> extends SoftmaxFocalLossOptions<A> {
  /** ε ∈ [0, 0.5): predictions are clipped to [ε, 1 − ε] first; default `0`. */
  epsilon?: number | undefined;
}

/** Options of `sigmoidFocalLoss`. */
export interface SigmoidFocalLossOptions<A = ViewLike> extends SigmoidCrossEntropyOptions<A> {
  /** γ ≥ 0, finite; default `2`. */
  gamma?: number | undefined;
  /** α ∈ [0, 1]: α_t = α t' + (1 − α)(1 − t'); default none (1). */
  alpha?: number | undefined;
}

/** Options of `binaryFocalLoss`. */
export interface BinaryFocalLossOptions<A = ViewLike> extends SigmoidFocalLossOptions<A> {
  /** ε ∈ [0, 0.5): predictions are clipped to [ε, 1 − ε] first; default `0`. */
  epsilon?: number | undefined;
}

/** Options of `entropy`. */
export interface EntropyOptions<A = ViewLike> extends CommonOptions<A> {
  /** The class axis; default `-1`. */
  axis?: number | undefined;
}

/** Options of `klDivergence`. */
export interface KlDivergenceOptions<A = ViewLike> extends CommonOptions<A> {
  /** The class axis; default `-1`. */
  axis?: number | undefined;
  /** What q holds: `'probabilities'` (default) or `'logits'` (q = softmax along `axis`). */
  from?: 'probabilities' | 'logits' | undefined;
  /** ε ∈ [0, 0.5) clip of q; only with `from: 'probabilities'`; default `0`. */
  epsilon?: number | undefined;
}

/** Options of `logSumExp`, `logSoftmax` and `softmax`. */
export interface AxisOptions {
  /** The axis to reduce / normalise along; default `-1`. */
  axis?: number | undefined;
}

/** The options type of each loss, by name. */
export interface LossOptionsMap<A = ViewLike> {
  softmaxCrossEntropy: SoftmaxCrossEntropyOptions<A>;
  categoricalCrossEntropy: CategoricalCrossEntropyOptions<A>;
  sigmoidCrossEntropy: SigmoidCrossEntropyOptions<A>;
  binaryCrossEntropy: BinaryCrossEntropyOptions<A>;
  softmaxFocalLoss: SoftmaxFocalLossOptions<A>;
  categoricalFocalLoss: CategoricalFocalLossOptions<A>;
  sigmoidFocalLoss: SigmoidFocalLossOptions<A>;
  binaryFocalLoss: BinaryFocalLossOptions<A>;
  nllLoss: NllLossOptions<A>;
  entropy: EntropyOptions<A>;
  klDivergence: KlDivergenceOptions<A>;
}

/** Every option of every loss, resolved: defaults filled in, domains checked, arrays as views. */
export interface ResolvedOptions {
  readonly fn: string;
  readonly axis: number;
  readonly reduction: Reduction;
  readonly weights: import('../view').TensorView | null;
  readonly classWeights: ArrayLike<number> | null;
  readonly posWeight: import('../view').TensorView | null;
  readonly ignoreIndex: number | null;
  readonly ignoreValue: number | null;
  readonly labelSmoothing: number;
  readonly epsilon: number;
  /** focal γ (default 2 for the focal losses), null for the others */
  readonly gamma: number | null;
  /** focal α: a scalar, one per class, or null */
  readonly alpha: number | ArrayLike<number> | null;
  readonly from: 'probabilities' | 'logits';
  readonly base: number;
  readonly onEmpty: OnEmpty;
  readonly validate: boolean;
}
