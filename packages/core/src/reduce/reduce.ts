/**
 * From the running sums of a kernel call to the reported value, and the matching gradient scale.
 */
import { fail } from '../errors';
import { accumulatorSum, accumulatorWeight } from '../kernels/index';
import type { Accumulator } from '../kernels/types';
import type { OnEmpty, Reduction } from '../options/types';

/**
 * Natural log of the base; exactly 1 for `Math.E` (nats).
 * @example
 * ```ts
 * logBase(Math.E); // 1
 * ```
 */
export function logBase(base: number): number {
  return base === Math.E ? 1 : Math.log(base);
}

/**
 * The denominator of a scalar reduction: Σ w_n (`'mean'`), the count of non-ignored positions
 * (`'sumOverCount'`), the count of non-zero weights (`'sumOverNonzeroWeights'`), 1 (`'sum'`, `'none'`).
 * @example
 * ```ts
 * reductionDenominator({ sum: 6, sumComp: 0, weight: 4, weightComp: 0, count: 3, nonzero: 2 }, 'sumOverCount'); // 3
 * ```
 */
export function reductionDenominator(acc: Accumulator, reduction: Reduction): number {
  switch (reduction) {
    case 'mean':
      return accumulatorWeight(acc);
    case 'sumOverCount':
      return acc.count;
    case 'sumOverNonzeroWeights':
      return acc.nonzero;
    default:
      return 1;
  }
}

/**
 * The scalar a reduction gives, in the unit of `base`: Σ a_n / denominator / ln(base). When the
 * denominator is 0, `onEmpty` decides: 0, NaN, or an `EMPTY_INPUT` error.
 *
 * `'none'` is not a scalar; for it this returns Σ a_n / ln(base) (what the gradient of `'none'` is
 * the gradient of).
 *
 * @throws XentError `EMPTY_INPUT` for `onEmpty: 'throw'` and a zero denominator.
 * @example
 * ```ts
 * // two positions with a = 1 and 3, weights 1 and 1: the mean is (1 + 3) / 2 = 2
 * const acc = { sum: 4, sumComp: 0, weight: 2, weightComp: 0, count: 2, nonzero: 2 };
 * reduceValue('softmaxCrossEntropy', acc, 'mean', 'zero', Math.E); // 2
 * ```
 */
export function reduceValue(
  fn: string,
  acc: Accumulator,
  reduction: Reduction,
  onEmpty: OnEmpty,
  base: number,
): number {
  const sum = accumulatorSum(acc);
  const denominator = reductionDenominator(acc, reduction);
  if (denominator === 0) return emptyValue(fn, reduction, onEmpty);
  const value = reduction === 'sum' || reduction === 'none' ? sum : sum / denominator;
  return value / logBase(base);
}

/**
 * What an empty reduction gives under `onEmpty`.
 * @example
 * ```ts
 * emptyValue('f', 'mean', 'zero'); // 0
 * emptyValue('f', 'mean', 'throw'); // throws EMPTY_INPUT
 * ```
 */
export function emptyValue(fn: string, reduction: Reduction, onEmpty: OnEmpty): number {
  if (onEmpty === 'throw') {
    fail(
      'EMPTY_INPUT',
      fn,
      'targets',
      `at least one counted position for reduction '${reduction}' (onEmpty: 'throw')`,
      'none (empty input, all ignored, or all weights 0)',
    );
  }
  return onEmpty === 'nan' ? Number.NaN : 0;
}

/**
 * The factor that turns the kernel's ∂(Σ a_n)/∂x into the gradient of the reported value:
 * 1 / (denominator · ln(base)); for an empty reduction 0 (`onEmpty: 'zero'`) or NaN (`'nan'`).
 * @example
 * ```ts
 * // Σ w = 4: the mean's gradient is the kernel's divided by 4
 * gradientScale({ sum: 6, sumComp: 0, weight: 4, weightComp: 0, count: 3, nonzero: 2 }, 'mean', 'zero', Math.E); // 0.25
 * ```
 */
export function gradientScale(
  acc: Accumulator,
  reduction: Reduction,
  onEmpty: OnEmpty,
  base: number,
): number {
  const denominator = reductionDenominator(acc, reduction);
  if (denominator === 0) return onEmpty === 'nan' ? Number.NaN : 0;
  return 1 / (denominator * logBase(base));
}
