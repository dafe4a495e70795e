import type { EntropyOptions as CoreOptions } from '@xent/core';
import { type LossValue, runArrayLoss } from './internal/makeLoss';
import type { ArrayInput } from './types';

/** Options of {@link entropy}; `weights` takes any array input. */
export type EntropyOptions = CoreOptions<ArrayInput>;

/** The signature of {@link entropy}, typed by its options. */
export interface EntropyFunction {
  (p: ArrayInput, options?: undefined): number;
  <R extends EntropyOptions | undefined>(p: ArrayInput, options: R): LossValue<R>;
  /** The loss's name, as core and the meters know it. */
  readonly lossName: 'entropy';
}

/**
 * Shannon entropy H(p) = −Σ_c p_c log p_c of distributions along a class axis: the uncertainty of a
 * prediction, e.g. to flag studies for a second read.
 *
 * Stable form: terms with p_c = 0 are skipped (0 · log 0 = 0); sums are compensated. A distribution
 * must sum to 1 within 1e-4; nothing is renormalised.
 *
 * Defaults: `axis: -1`, `reduction: 'mean'`, `base: Math.E` (`base: 2` gives bits), `onEmpty: 'zero'`,
 * `validate: true`. Options: `axis`, `weights`, `reduction`, `base`, `onEmpty`, `validate`.
 *
 * Equivalents: `scipy.stats.entropy(p)` along axis 0 there; `torch.distributions.Categorical(probs=p)
 * .entropy()`. Keras and TF.js have none.
 *
 * @throws XentError `INVALID_PROBABILITY` for entries outside [0, 1] or rows not summing to 1;
 * `INVALID_OPTION`; `INVALID_INPUT`; `SHAPE_MISMATCH` for a scalar; `EMPTY_INPUT` with
 * `onEmpty: 'throw'`.
 *
 * @example
 * ```ts
 * entropy([0.5, 0.5]); // 0.6931471805599453
 * entropy([0.5, 0.5], { base: 2 }); // 1
 * ```
 */
export const entropy: EntropyFunction = Object.defineProperties(
  ((p: ArrayInput, options?: EntropyOptions) =>
    runArrayLoss('entropy', p, null, options, false).value) as EntropyFunction,
  { name: { value: 'entropy' }, lossName: { value: 'entropy', enumerable: true } },
);
