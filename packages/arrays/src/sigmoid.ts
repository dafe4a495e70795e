import { runPrimitive } from './internal/primitive';
import type { ArrayInput, ArrayOutput } from './types';

/**
 * The logistic function σ(x) element-wise: a probability from a logit.
 *
 * Formula: σ(x) = 1 / (1 + e^−x).
 *
 * Stable form: built from e^−|x| (≤ 1), so nothing overflows: σ(x) = 1/(1 + e^−x) for x ≥ 0 and
 * eˣ/(1 + eˣ) below, which keeps tiny probabilities (σ(−700) ≈ 1e-304) instead of rounding them to 0.
 * σ(+∞) = 1, σ(−∞) = 0. The result keeps the kind and shape of `x`.
 *
 * It takes no options.
 *
 * Equivalents: PyTorch `torch.sigmoid`, TF.js `tf.sigmoid`, Keras `ops.sigmoid`.
 *
 * @throws XentError `INVALID_OPTION` for any option; `INVALID_INPUT` for ragged or non-numeric input.
 *
 * @example
 * ```ts
 * sigmoid(0); // 0.5
 * // the worked example's logit back to its probability
 * sigmoid(Math.log(0.51 / 0.49)); // 0.51
 * ```
 */
export function sigmoid(x: ArrayInput, options?: Record<string, never>): ArrayOutput {
  return runPrimitive('sigmoid', x, options);
}
