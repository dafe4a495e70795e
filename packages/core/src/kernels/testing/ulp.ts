/**
 * Test helpers: ulp-based and relative error measures against float64-pair references.
 * @internal
 */

const buf = new DataView(new ArrayBuffer(8));

/** The spacing of float64 numbers at |x| (2^(e−52) for normal x, 2^−1074 for subnormal x). */
export function ulp(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return Number.NaN;
  if (a < 2.2250738585072014e-308) return 5e-324;
  buf.setFloat64(0, a);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, bits + 1n);
  return buf.getFloat64(0) - a;
}

/**
 * Error of `got` against the exact value hi + lo, in ulps of hi. Exact matches of non-finite values are 0;
 * any other mismatch of non-finite values is +∞.
 */
export function ulpError(got: number, hi: number, lo: number): number {
  if (!Number.isFinite(hi) || Number.isNaN(hi)) {
    return Object.is(got, hi) || (Number.isNaN(got) && Number.isNaN(hi)) ? 0 : Number.POSITIVE_INFINITY;
  }
  if (!Number.isFinite(got)) return Number.POSITIVE_INFINITY;
  return Math.abs(got - hi - lo) / ulp(hi === 0 ? 5e-324 : hi);
}

/** Decodes the JSON spelling of special numbers ("Infinity", "-Infinity", "NaN"). */
export function num(v: number | string): number {
  if (typeof v === 'number') return v;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (v === 'NaN') return Number.NaN;
  throw new Error(`not a number spelling: ${v}`);
}
