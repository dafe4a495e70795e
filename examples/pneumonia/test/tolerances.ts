/**
 * Every tolerance of the example's tests, relative to the reference value (|got − want| ≤ rel · |want| + abs).
 *
 * - `exact`: AUROC and confusion-matrix rates are ratios of integers; float64 division leaves at most a
 *   few ulps.
 * - `sum`: mean cross-entropy, Brier score and ECE are compensated float64 sums of terms each within a few
 *   ulps (Math.exp / Math.log1p are not correctly rounded in V8).
 * - `temperature`: Newton's method stops when a step changes β = 1/T by less than 1e-12 relative; the
 *   cross-entropy at T is flat at its minimum, so it is held to `sum`.
 * - `kernel`: float32 kernels on the wasm backend against the cpu backend's, which sum in another order.
 */
export const TOL = {
  exact: { rel: 4e-16, abs: 0 },
  sum: { rel: 1e-13, abs: 1e-16 },
  temperature: { rel: 1e-9, abs: 0 },
  kernel: { rel: 1e-4, abs: 1e-4 },
} as const;

export type Tolerance = { rel: number; abs: number };

/** Error in units of the tolerance: ≤ 1 passes. */
export function scaledError(got: number, want: number, tol: Tolerance): number {
  if (Number.isNaN(want)) return Number.isNaN(got) ? 0 : Number.POSITIVE_INFINITY;
  const err = Math.abs(got - want) / (tol.rel * Math.abs(want) + tol.abs);
  return Number.isNaN(err) ? Number.POSITIVE_INFINITY : err;
}
