// @ts-check
/**
 * Statistics of the timing samples and the ratio table. Kept free of any timing or I/O so that the
 * harness's own logic is unit-tested (stats.test.mjs).
 */

/**
 * Quantile of sorted data by linear interpolation between order statistics (type 7, the default of
 * R and NumPy): h = (n − 1) p, value = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * @param {readonly number[]} sorted ascending, non-empty
 * @param {number} p in [0, 1]
 */
export function quantileSorted(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = /** @type {number} */ (sorted[lo]);
  const b = /** @type {number} */ (sorted[hi]);
  return a + (h - lo) * (b - a);
}

/**
 * Median, quartiles and range of a sample.
 * @param {readonly number[]} samples
 * @returns {{ n: number, median: number, q1: number, q3: number, min: number, max: number, iqrRel: number }}
 *   iqrRel = (q3 − q1) / median, the relative spread.
 */
export function summarize(samples) {
  const sorted = [...samples].sort((x, y) => x - y);
  const median = quantileSorted(sorted, 0.5);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  return {
    n: sorted.length,
    median,
    q1,
    q3,
    min: sorted.length ? /** @type {number} */ (sorted[0]) : Number.NaN,
    max: sorted.length ? /** @type {number} */ (sorted[sorted.length - 1]) : Number.NaN,
    iqrRel: (q3 - q1) / median,
  };
}

/**
 * Paired time ratios of two methods timed in the same interleaved repetitions: the ratio of each
 * repetition (a's time over b's), summarised. Pairing by repetition cancels slow drifts of the machine
 * (other processes on the 2 shared cores) that would widen a ratio of two independent medians.
 * Repetitions where either sample is missing are skipped.
 * @param {readonly (number | undefined)[]} a per-repetition ns/element of method a
 * @param {readonly (number | undefined)[]} b per-repetition ns/element of method b, same length
 */
export function pairedRatio(a, b) {
  /** @type {number[]} */
  const ratios = [];
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || !(y > 0)) continue;
    ratios.push(x / y);
  }
  return summarize(ratios);
}

/**
 * Every method's paired time ratio to every other: matrix[a][b] = median over repetitions of
 * time(a) / time(b). Below 1: a is faster than b.
 * @param {Record<string, readonly (number | undefined)[]>} samplesByMethod
 * @returns {Record<string, Record<string, { median: number, q1: number, q3: number }>>}
 */
export function ratioMatrix(samplesByMethod) {
  /** @type {Record<string, Record<string, { median: number, q1: number, q3: number }>>} */
  const out = {};
  const names = Object.keys(samplesByMethod);
  for (const a of names) {
    /** @type {Record<string, { median: number, q1: number, q3: number }>} */
    const row = {};
    for (const b of names) {
      const s = pairedRatio(
        /** @type {readonly (number | undefined)[]} */ (samplesByMethod[a]),
        /** @type {readonly (number | undefined)[]} */ (samplesByMethod[b]),
      );
      row[b] = { median: s.median, q1: s.q1, q3: s.q3 };
    }
    out[a] = row;
  }
  return out;
}

/**
 * Relative error of a scalar against a reference: |got − ref| / |ref| (absolute when ref is 0).
 * NaN when got is not finite and ref is (so a NaN can never pass a tolerance).
 * @param {number} got @param {number} ref
 */
export function relativeError(got, ref) {
  if (!Number.isFinite(got)) return got === ref ? 0 : Number.POSITIVE_INFINITY;
  const d = Math.abs(got - ref);
  return ref === 0 ? d : d / Math.abs(ref);
}

/**
 * Norm-wise relative error of a vector against a reference: max_i |got_i − ref_i| / max_i |ref_i|.
 * Infinity when lengths differ or any entry is not finite.
 * @param {ArrayLike<number>} got @param {ArrayLike<number>} ref
 */
export function normwiseError(got, ref) {
  if (got.length !== ref.length) return Number.POSITIVE_INFINITY;
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < ref.length; i++) {
    const g = /** @type {number} */ (got[i]);
    const r = /** @type {number} */ (ref[i]);
    if (!Number.isFinite(g)) return Number.POSITIVE_INFINITY;
    const d = Math.abs(g - r);
    if (d > maxDiff) maxDiff = d;
    if (Math.abs(r) > maxRef) maxRef = Math.abs(r);
  }
  return maxRef === 0 ? maxDiff : maxDiff / maxRef;
}
