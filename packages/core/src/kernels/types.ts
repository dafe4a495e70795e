/**
 * The contract between core's two levels.
 *
 * Below: kernels (`src/kernels/`) — unvalidated float64 loops over flat row-major data, sizes and strides.
 * They allocate nothing in the hot loop, never read options objects, never throw, and never build an
 * N × C temporary. Above: the public functions (`src/losses/`), which resolve and validate options, plan
 * shapes, broadcast weights, call one kernel, and reduce.
 *
 * Conventions shared by every kernel:
 * - A tensor with a class axis is seen as [outer, classes, inner]: element (o, c, i) sits at
 *   `o * classes * inner + c * inner + i`, and its position is `n = o * inner + i`
 *   (positions = outer * inner). The class axis is read in place through the stride `inner`.
 * - `sampleWeights`, when not null, holds s_n per position, already broadcast (length = positions).
 *   A position with s_n = 0 contributes exactly 0 to every sum and to the gradient — the kernel does not
 *   evaluate its loss at all (so an infinite or NaN loss there cannot leak).
 * - An ignored position (label === ignoreIndex, or target === ignoreValue) contributes nothing: no
 *   numerator, no weight, no count, gradient 0, and `perPosition` 0.
 * - Everything is in nats; the caller divides value and gradient by ln(base).
 * - `grad`, when not null, receives ∂(Σ_n a_n)/∂predictions (unscaled: the caller multiplies by the
 *   reduction's 1/denominator). It has the layout of `predictions` and every entry is written.
 * - `perPosition`, when not null, receives a_n for every position (0 where ignored or weight 0).
 */

/** Row-major view of a tensor around its class axis. */
export interface ClassLayout {
  readonly outer: number;
  readonly classes: number;
  readonly inner: number;
}

/**
 * Running sums of one kernel call, all compensated (Neumaier: `sum` + `sumComp` is the value).
 * The caller creates it with {@link createAccumulator} and reads it with `accumulatorSum` and
 * `accumulatorWeight` (accumulator.ts).
 */
export interface Accumulator {
  /** Σ a_n (numerators) */
  sum: number;
  sumComp: number;
  /** Σ w_n (the weighted mean's denominator) */
  weight: number;
  weightComp: number;
  /** number of positions that are not ignored (Keras' sum_over_batch_size denominator) */
  count: number;
  /** number of counted positions with w_n ≠ 0 (TF.js' SUM_BY_NONZERO_WEIGHTS denominator) */
  nonzero: number;
}

export type SoftmaxPredictionKind = 'logits' | 'probabilities' | 'logProbabilities';

/** Parameters of the softmax/categorical/nll kernels and their focal forms. */
export interface SoftmaxFamilyParams {
  readonly layout: ClassLayout;
  readonly predictions: ArrayLike<number>;
  readonly predictionKind: SoftmaxPredictionKind;
  /** integer labels per position (length = positions), or null when `distributions` is given */
  readonly labels: ArrayLike<number> | null;
  /** target distributions, same layout as predictions, or null when `labels` is given */
  readonly distributions: ArrayLike<number> | null;
  readonly ignoreIndex: number | null;
  /** cw_c, length = classes, or null */
  readonly classWeights: ArrayLike<number> | null;
  /** ε of label smoothing: t' = (1 − ε) t + ε / C */
  readonly labelSmoothing: number;
  /** clip bound for probability inputs (0 = none): q ← min(max(q, ε), 1 − ε), gradient 0 when clipped */
  readonly epsilon: number;
  /** focal γ, or null for plain cross-entropy */
  readonly gamma: number | null;
  /** focal α per class (length = classes), or null */
  readonly alpha: ArrayLike<number> | null;
  readonly sampleWeights: ArrayLike<number> | null;
  readonly perPosition: Float64Array | null;
  readonly grad: Float64Array | null;
  readonly acc: Accumulator;
}

export type SigmoidPredictionKind = 'logits' | 'probabilities';

/** Parameters of the sigmoid/binary kernels and their focal forms (one position per element). */
export interface SigmoidFamilyParams {
  /** number of elements (= positions) */
  readonly size: number;
  readonly predictions: ArrayLike<number>;
  readonly predictionKind: SigmoidPredictionKind;
  /** targets in [0, 1], length = size */
  readonly targets: ArrayLike<number>;
  readonly ignoreValue: number | null;
  /** pw per element, already broadcast (length = size), or null */
  readonly posWeight: ArrayLike<number> | null;
  /** binary smoothing: t' = (1 − ε) t + ε / 2 */
  readonly labelSmoothing: number;
  readonly epsilon: number;
  readonly gamma: number | null;
  /** focal α ∈ [0, 1], or null */
  readonly alpha: number | null;
  readonly sampleWeights: ArrayLike<number> | null;
  readonly perPosition: Float64Array | null;
  readonly grad: Float64Array | null;
  readonly acc: Accumulator;
}

/** Parameters of the KL-divergence kernel (KL(p ‖ q) along the class axis) and of entropy (q null). */
export interface DivergenceParams {
  readonly layout: ClassLayout;
  /** p, the reference distribution, same layout */
  readonly p: ArrayLike<number>;
  /** q (probabilities or logits, see qKind), same layout; null for entropy H(p) */
  readonly q: ArrayLike<number> | null;
  readonly qKind: SigmoidPredictionKind;
  readonly epsilon: number;
  readonly sampleWeights: ArrayLike<number> | null;
  readonly perPosition: Float64Array | null;
  /** ∂(Σ a_n)/∂q, or null (always null for entropy) */
  readonly grad: Float64Array | null;
  readonly acc: Accumulator;
}

export function createAccumulator(): Accumulator {
  return { sum: 0, sumComp: 0, weight: 0, weightComp: 0, count: 0, nonzero: 0 };
}

/*
 * What `src/kernels/index.ts` exports to the level above (the names are the contract):
 *
 *   softmaxFamilyKernel(params: SoftmaxFamilyParams): void
 *   sigmoidFamilyKernel(params: SigmoidFamilyParams): void
 *   divergenceKernel(params: DivergenceParams): void          // KL when q is given, entropy when q is null
 *   logSumExpKernel(layout, x, out): void                     // out has `positions` entries
 *   logSoftmaxKernel(layout, x, out): void                    // out has the layout of x
 *   softmaxKernel(layout, x, out): void
 *   logSigmoidKernel(size, x, out): void
 *   sigmoidKernel(size, x, out): void
 *   createAccumulator(): Accumulator
 *   accumulatorSum(acc), accumulatorWeight(acc): number        // the compensated totals
 *   mergeAccumulators(into, from): void                        // for meters: exact merge of two runs
 *
 * Each kernel adds to `acc` (it never resets it), so a meter can feed several batches into one.
 */
