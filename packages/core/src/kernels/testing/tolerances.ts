/**
 * Every tolerance of the kernel tests, in one place (SPEC.md "Accuracy").
 * @internal
 */

/** expFast: at most one ulp from the exact value (Tang's bound is ~0.54 ulp; subnormal results are double-rounded). */
export const EXP_ULPS = 1;

/** log1pFast: at most one ulp from the exact value. */
export const LOG1P_ULPS = 1;

/** Loss values (float64): relative 1e-12, absolute 1e-300 near 0. */
export const VALUE_REL = 1e-12;
export const VALUE_ABS = 1e-300;

/** Gradients (float64): relative 1e-10, absolute 1e-14. */
export const GRAD_REL = 1e-10;
export const GRAD_ABS = 1e-14;

/** Central finite differences (h = 1e-6 · max(1, |x|)): relative 1e-6, absolute 1e-8. */
export const FD_REL = 1e-6;
export const FD_ABS = 1e-8;
