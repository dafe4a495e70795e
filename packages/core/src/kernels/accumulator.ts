/**
 * Compensated running sums for the kernels (A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur
 * Summation endlicher Summen", ZAMM 54, 1974): each addition s + x keeps its exact rounding error
 * ((s − t) + x when |s| ≥ |x|, else (x − t) + s, with t = fl(s + x)) in a separate compensation term,
 * so the total sum + comp carries an error of about one rounding of the result, independent of the
 * number of terms (for sums whose condition number is modest; all loss numerators are ≥ 0).
 *
 * Non-finite partial sums are not compensated: once the running sum is ±∞ or NaN the compensation is
 * left alone (∞ − ∞ would otherwise poison it with NaN), so the total is exactly ±∞ or NaN.
 *
 * @internal
 */
import type { Accumulator } from './types';

export { createAccumulator } from './types';

/** Adds x to the numerator sum of `acc`, compensated. */
export function addToSum(acc: Accumulator, x: number): void {
  const s = acc.sum;
  const t = s + x;
  if (t - t === 0) {
    acc.sumComp += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  }
  acc.sum = t;
}

/** Adds w to the weight sum of `acc`, compensated. */
export function addToWeight(acc: Accumulator, w: number): void {
  const s = acc.weight;
  const t = s + w;
  if (t - t === 0) {
    acc.weightComp += Math.abs(s) >= Math.abs(w) ? s - t + w : w - t + s;
  }
  acc.weight = t;
}

/**
 * The compensated numerator total Σ a_n. When the running sum is ±∞ or NaN that value is returned
 * unchanged.
 */
export function accumulatorSum(acc: Accumulator): number {
  return acc.sum - acc.sum === 0 ? acc.sum + acc.sumComp : acc.sum;
}

/** The compensated total weight Σ w_n (the weighted mean's denominator). */
export function accumulatorWeight(acc: Accumulator): number {
  return acc.weight - acc.weight === 0 ? acc.weight + acc.weightComp : acc.weight;
}

/**
 * Adds the run `from` into `into` (for meters that combine batches, workers or processes): both the sum
 * and its compensation are added through the compensated path, so merging loses no more than one more
 * rounding than a single run over the concatenated data. `from` is not modified.
 */
export function mergeAccumulators(into: Accumulator, from: Accumulator): void {
  addToSum(into, from.sum);
  addToSum(into, from.sumComp);
  addToWeight(into, from.weight);
  addToWeight(into, from.weightComp);
  into.count += from.count;
  into.nonzero += from.nonzero;
}

/**
 * Records one position in `acc`: its numerator a (skipped when 0, so a weight-0 position's sum is exact)
 * and its weight w (counted, and counted as non-zero when w ≠ 0).
 */
export function recordPosition(acc: Accumulator, a: number, w: number): void {
  if (a !== 0) addToSum(acc, a);
  if (w !== 0) {
    addToWeight(acc, w);
    acc.nonzero++;
  }
  acc.count++;
}

/**
 * The rounding error of t = fl(s + x) (Neumaier's step, exact), or 0 when t is ±∞ or NaN. For hot loops
 * that keep their running sum in local variables (no object writes per position) and hand it over with
 * {@link addRun} at the end. The two largest kernels write this step out inline (see softmaxLabels.ts).
 */
export function sumError(s: number, x: number, t: number): number {
  if (t - t !== 0) return 0;
  return Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
}

/**
 * Adds a locally accumulated run (sum + its compensation, weight + its compensation, counts) to `acc`,
 * through the compensated path, as {@link mergeAccumulators} does.
 */
export function addRun(
  acc: Accumulator,
  sum: number,
  sumComp: number,
  weight: number,
  weightComp: number,
  count: number,
  nonzero: number,
): void {
  addToSum(acc, sum);
  addToSum(acc, sumComp);
  addToWeight(acc, weight);
  addToWeight(acc, weightComp);
  acc.count += count;
  acc.nonzero += nonzero;
}
