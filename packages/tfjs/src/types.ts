import type { Scalar, Tensor, TensorLike } from '@tensorflow/tfjs-core';
import type { ResultByReduction } from '@xent/core';

/** A tensor, or anything `tf.tensor` accepts (nested arrays, typed arrays, a bare number). */
export type TensorInput = Tensor | TensorLike;

/** How per-position losses are combined (SPEC.md "Reductions"). */
export type Reduction = 'none' | 'sum' | 'mean' | 'sumOverCount' | 'sumOverNonzeroWeights';

/** What a scalar reduction returns when its denominator is 0. */
export type OnEmpty = 'zero' | 'nan' | 'throw';

/** Options every loss takes. */
export interface CommonOptions {
  /** Per-position sample weights, finite and ≥ 0, broadcast (NumPy rules) to the position shape. */
  weights?: TensorInput | undefined;
  /** Default `'mean'`. */
  reduction?: Reduction | undefined;
  /** Log base: `Math.E` (nats, default), `2` (bits), `10`, … */
  base?: number | undefined;
  /** Default `'zero'`. */
  onEmpty?: OnEmpty | undefined;
  /**
   * Default `true`: check labels, probability ranges and sums. The check reads the checked tensors back to
   * JavaScript (`dataSync`: free on the cpu backend, a copy on wasm, a GPU→CPU synchronisation on
   * webgl/webgpu) and loops over them once; `false` skips it. Shape and option checks always run.
   */
  validate?: boolean | undefined;
}

/** Options of `softmaxCrossEntropy` and `nllLoss`. */
export interface SoftmaxOptions extends CommonOptions {
  /** Class axis, negative counts from the end. Default `-1`. */
  axis?: number | undefined;
  /** One finite weight ≥ 0 per class. */
  classWeights?: TensorInput | undefined;
  /** Integer label that counts nowhere. Integer targets only. */
  ignoreIndex?: number | undefined;
  /** ε ∈ [0, 1]: t' = (1 − ε) t + ε / C. Default `0`. */
  labelSmoothing?: number | undefined;
}

/** Options of `categoricalCrossEntropy`. */
export interface CategoricalOptions extends SoftmaxOptions {
  /** Clip predictions to [ε, 1 − ε] (nearest float32 bounds) before use; ε ∈ [0, 0.5). Default `0`. */
  epsilon?: number | undefined;
}

/** Focal parameters of the softmax/categorical focal losses. */
export interface SoftmaxFocalOptions extends SoftmaxOptions {
  /** Focusing parameter γ ≥ 0. Default `2`. */
  gamma?: number | undefined;
  /** α, a finite scalar ≥ 0 or one per class. Default none. */
  alpha?: number | TensorInput | undefined;
}

/** Options of `categoricalFocalLoss`. */
export interface CategoricalFocalOptions extends SoftmaxFocalOptions {
  epsilon?: number | undefined;
}

/** Options of `sigmoidCrossEntropy`. */
export interface SigmoidOptions extends CommonOptions {
  /** Weight ≥ 0 of the positive term, broadcast to the element shape (scalar or one per label). */
  posWeight?: number | TensorInput | undefined;
  /** Target value whose elements count nowhere (e.g. −1 for "uncertain"). */
  ignoreValue?: number | undefined;
  /** ε ∈ [0, 1]: t' = (1 − ε) t + ε / 2. Default `0`. */
  labelSmoothing?: number | undefined;
}

/** Options of `binaryCrossEntropy`. */
export interface BinaryOptions extends SigmoidOptions {
  epsilon?: number | undefined;
}

/** Options of `sigmoidFocalLoss`. */
export interface SigmoidFocalOptions extends SigmoidOptions {
  /** Default `2`. */
  gamma?: number | undefined;
  /** α ∈ [0, 1]: α_t = α t' + (1 − α)(1 − t'). Default none. */
  alpha?: number | undefined;
}

/** Options of `binaryFocalLoss`. */
export interface BinaryFocalOptions extends SigmoidFocalOptions {
  epsilon?: number | undefined;
}

/** Options of `entropy`. */
export interface EntropyOptions extends CommonOptions {
  axis?: number | undefined;
}

/** Options of `klDivergence`. */
export interface KlDivergenceOptions extends EntropyOptions {
  /** What q holds. Default `'probabilities'`. */
  from?: 'probabilities' | 'logits' | undefined;
  /** Clip q (probabilities only). Default `0`. */
  epsilon?: number | undefined;
}

/** Options of the primitives `logSumExp`, `logSoftmax`, `softmax`. */
export interface AxisOptions {
  axis?: number | undefined;
}

/**
 * What a loss returns for options `O`: a `Scalar` for the scalar reductions (the default `'mean'`,
 * `'sum'`, `'sumOverCount'`, `'sumOverNonzeroWeights'`), a `Tensor` of the position shape for
 * `reduction: 'none'`, and `Tensor` when the reduction is only known at run time as a {@link Reduction}.
 * So `optimizer.minimize(() => sigmoidCrossEntropy(y, z))` type-checks without a cast.
 */
export type LossTensor<O> = O extends object
  ? 'reduction' extends keyof O
    ? ReductionTensor<Exclude<O['reduction' & keyof O], undefined>>
    : Scalar
  : Scalar;

/** The tensor kind of a reduction type `X` (see {@link LossTensor}). */
export type ReductionTensor<X> = ResultByReduction<X, Scalar, Tensor, Tensor>;
