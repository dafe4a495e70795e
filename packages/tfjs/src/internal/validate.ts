import { describe, fail } from './errors';

/**
 * Value checks that read tensor data (on by default, skipped by `validate: false`). They run once over the
 * flat data in its own layout ([outer, classes, inner] around the class axis), build a message only on failure,
 * and cost one synchronous read of each checked tensor plus one pass over it.
 */

/** Tolerance on the sum of a distribution along its class axis (SPEC.md "Bad input"). */
export const SUM_TOLERANCE = 1e-4;

export interface Layout {
  readonly outer: number;
  readonly classes: number;
  readonly inner: number;
}

/** Every label an integer in [0, classes) or equal to `ignoreIndex`. */
export function checkLabels(
  fn: string,
  data: ArrayLike<number>,
  classes: number,
  ignoreIndex: number | null,
): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v === ignoreIndex) continue;
    if (!(Number.isInteger(v) && v >= 0 && v < classes)) {
      const allowed = ignoreIndex === null ? '' : ` or the ignoreIndex ${ignoreIndex}`;
      fail(
        'INVALID_LABEL',
        fn,
        'targets',
        `integer class indices in [0, ${classes})${allowed}`,
        `${describe(v)} at position ${i}`,
      );
    }
  }
}

/**
 * Distributions along the class axis: entries in [0, 1] and sums within 1e-4 of 1. `allowNaN` lets NaN through
 * (NaN predictions propagate to the value; NaN targets are errors).
 */
export function checkDistributions(
  fn: string,
  argument: string,
  data: ArrayLike<number>,
  layout: Layout,
  allowNaN: boolean,
): void {
  const { outer, classes, inner } = layout;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const start = o * classes * inner + i;
      let sum = 0;
      let comp = 0;
      let sawNaN = false;
      for (let c = 0; c < classes; c++) {
        const v = data[start + c * inner]!;
        if (Number.isNaN(v)) {
          if (!allowNaN) {
            fail(
              'INVALID_PROBABILITY',
              fn,
              argument,
              'probabilities in [0, 1]',
              `NaN at flat index ${start + c * inner}`,
            );
          }
          sawNaN = true;
          continue;
        }
        if (!(v >= 0 && v <= 1)) {
          fail(
            'INVALID_PROBABILITY',
            fn,
            argument,
            'probabilities in [0, 1]',
            `${describe(v)} at flat index ${start + c * inner}`,
          );
        }
        const t = sum + v;
        comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
        sum = t;
      }
      const total = sum + comp;
      if (!sawNaN && !(Math.abs(total - 1) <= SUM_TOLERANCE)) {
        fail(
          'INVALID_PROBABILITY',
          fn,
          argument,
          `a distribution summing to 1 (±${SUM_TOLERANCE}) along the class axis`,
          `a sum of ${total} at position ${o * inner + i}`,
        );
      }
    }
  }
}

/** Element-wise values in [0, 1] (or equal to `ignoreValue`); NaN passes only when `allowNaN`. */
export function checkUnitInterval(
  fn: string,
  argument: string,
  data: ArrayLike<number>,
  allowNaN: boolean,
  ignoreValue: number | null,
): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v >= 0 && v <= 1) continue;
    if (v === ignoreValue || (allowNaN && Number.isNaN(v))) continue;
    const extra = ignoreValue === null ? '' : ` or the ignoreValue ${ignoreValue}`;
    fail(
      'INVALID_PROBABILITY',
      fn,
      argument,
      `values in [0, 1]${extra}`,
      `${describe(v)} at flat index ${i}`,
    );
  }
}
