import type { Accumulator } from '../kernels/types';

/** What a per-view loss call should compute besides the value. */
export interface LossConfig {
  /** also compute ∂value/∂predictions (for `reduction: 'none'`, of the sum of the values) */
  readonly grad?: boolean | undefined;
}

/** The result of one per-view loss call. */
export interface LossResult {
  /**
   * The reduced value in the unit of `base`; for `reduction: 'none'` the sum of `values` (what the
   * gradient is the gradient of).
   */
  readonly value: number;
  /** `reduction: 'none'`: a_n per position (0 where ignored), in the unit of `base`; otherwise null */
  readonly values: Float64Array | null;
  /** the shape of the positions (`[]` for a rank-1 multi-class input or a rank-0 binary one) */
  readonly positionShape: readonly number[];
  /** ∂value/∂predictions, laid out like the predictions, when `config.grad`; otherwise null */
  readonly grad: Float64Array | null;
  /** the running sums of the call (Σ a_n, Σ w_n, counts), in nats */
  readonly acc: Accumulator;
}

/** Where a kernel run writes: the sums, and optionally per-position values and the gradient. */
export interface RunTargets {
  readonly acc: Accumulator;
  readonly perPosition: boolean;
  readonly grad: boolean;
}

/** What a kernel run produced besides the sums. */
export interface RunOutput {
  readonly positionShape: readonly number[];
  readonly perPosition: Float64Array | null;
  readonly grad: Float64Array | null;
}
