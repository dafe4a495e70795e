import { runPrimitive } from './internal/primitive';
import type { ArrayInput, ArrayOutput } from './types';

/**
 * log σ(x) element-wise: the log-probability of the positive class from a logit.
 *
 * Formula: log σ(x) = −log(1 + e^−x) = −softplus(−x).
 *
 * Stable form: min(x, 0) − log1p(e^−|x|), so x = −1000 gives −1000 (not −∞) and x = 40 gives
 * −4.2e-18 (not 0). logSigmoid(+∞) = 0, logSigmoid(−∞) = −∞. The result keeps the kind and shape of
 * `x` (a number for a number).
 *
 * It takes no options.
 *
 * Equivalents: PyTorch `F.logsigmoid`, TF.js `tf.logSigmoid`, Keras `ops.log_sigmoid`.
 *
 * @throws XentError `INVALID_OPTION` for any option; `INVALID_INPUT` for ragged or non-numeric input.
 *
 * @example
 * ```ts
 * // logit 0 is probability 1/2
 * logSigmoid(0); // -0.6931471805599453
 * logSigmoid(-1000); // -1000
 * ```
 */
export function logSigmoid(x: ArrayInput, options?: Record<string, never>): ArrayOutput {
  return runPrimitive('logSigmoid', x, options);
}
