/**
 * Value checks over flat data (SPEC "Bad input"). They run once per call, before any kernel, and are
 * skipped by `validate: false`; messages are built only when a check fails.
 */
import { describeValue, fail } from '../errors';
import type { ClassLayout } from '../kernels/types';

/**
 * How far a distribution's sum may be from 1.
 * @example
 * ```ts
 * SUM_TOLERANCE === 1e-4; // true
 * ```
 */
export const SUM_TOLERANCE = 1e-4;

/**
 * Checks integer labels: each an integer in [0, classes) or equal to `ignoreIndex`.
 * @throws XentError `INVALID_LABEL` (NaN included) naming the first bad entry.
 * @example
 * ```ts
 * checkLabels('f', 'targets', [0, 3], 3, null); // throws INVALID_LABEL
 * ```
 */
export function checkLabels(
  fn: string,
  argument: string,
  data: ArrayLike<number>,
  classes: number,
  ignoreIndex: number | null,
): void {
  for (let i = 0; i < data.length; i++) {
    const y = data[i] as number;
    if (y === ignoreIndex) continue;
    if (!(y >= 0 && y < classes && Number.isInteger(y))) {
      const also = ignoreIndex === null ? '' : ` or ${ignoreIndex} (ignoreIndex)`;
      fail(
        'INVALID_LABEL',
        fn,
        argument,
        `integers in [0, ${classes})${also}`,
        `${describeValue(y)} at index ${i}`,
      );
    }
  }
}

/**
 * Checks probabilities (or binary targets) element-wise: each in [0, 1], or equal to `ignoreValue`.
 * NaN is an error unless `allowNaN` (predictions: a NaN prediction propagates to the value instead).
 * @throws XentError `INVALID_PROBABILITY` naming the first bad entry.
 * @example
 * ```ts
 * checkProbabilities('f', 'predictions', [1.2]); // throws INVALID_PROBABILITY
 * ```
 */
export function checkProbabilities(
  fn: string,
  argument: string,
  data: ArrayLike<number>,
  ignoreValue: number | null = null,
  allowNaN = false,
): void {
  for (let i = 0; i < data.length; i++) {
    const p = data[i] as number;
    if (p >= 0 && p <= 1) continue;
    if (p === ignoreValue || (allowNaN && Number.isNaN(p))) continue;
    const also = ignoreValue === null ? '' : ` or ${ignoreValue} (ignoreValue)`;
    fail(
      'INVALID_PROBABILITY',
      fn,
      argument,
      `probabilities in [0, 1]${also}`,
      `${describeValue(p)} at index ${i}`,
    );
  }
}

/**
 * Checks distributions along the class axis of `layout`: every entry in [0, 1] and every sum within
 * {@link SUM_TOLERANCE} of 1. Nothing is renormalised. With `allowNaN`, a row holding NaN is left for
 * the value to show.
 * @throws XentError `INVALID_PROBABILITY` naming the first bad entry or row.
 * @example
 * ```ts
 * checkDistributions('f', 'p', [0.5, 0.4], { outer: 1, classes: 2, inner: 1 }); // throws INVALID_PROBABILITY
 * ```
 */
export function checkDistributions(
  fn: string,
  argument: string,
  data: ArrayLike<number>,
  layout: ClassLayout,
  allowNaN = false,
): void {
  checkProbabilities(fn, argument, data, null, allowNaN);
  const { outer, classes, inner } = layout;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const start = o * classes * inner + i;
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += data[start + c * inner] as number;
      if (Number.isNaN(sum)) continue; // NaN entries passed the range check only when allowed
      if (Math.abs(sum - 1) > SUM_TOLERANCE) {
        fail(
          'INVALID_PROBABILITY',
          fn,
          argument,
          `distributions summing to 1 (within ${SUM_TOLERANCE}) along the class axis`,
          `a sum of ${sum} at position ${o * inner + i}`,
        );
      }
    }
  }
}
