/**
 * A table-driven exponential for the kernels' hot loops.
 *
 * Method (P. T. P. Tang, "Table-driven implementation of the exponential function in IEEE
 * floating-point arithmetic", ACM TOMS 15(2), 1989): write x = (32·M + j)·ln2/N + r with N = 128,
 * k = round(x·N/ln 2), j = k mod N, M = ⌊k/N⌋ and |r| ≤ ln2/(2N) ≈ 0.0027. Then
 * exp(x) = 2^M · 2^(j/N) · exp(r). 2^(j/N) comes from a table of hi/lo float64 pairs (together
 * good to ~2^-106, see `expTable.ts`, generated with mpmath), exp(r) − 1 from its degree-5 Taylor
 * polynomial (truncation ≤ r⁶/720 < 6e-19 relative), and r is formed in two pieces (ln2/N split into a
 * 32-bit head, so k·head is exact, and a tail) so that its rounding error stays below 2⁻⁵³·|r|.
 * The result is assembled as 2^M · (T_hi + (T_lo + T_hi·p(r))), one rounding at the end.
 *
 * Accuracy (measured by `exp.test.ts` against mpmath at 50 digits over a sweep of 2·10⁵ points and
 * the edges): < 1 ulp everywhere, correctly rounded on the vast majority of inputs. Outside
 * [−708, 709] (subnormal results, overflow) and for NaN it defers to `Math.exp`; below −745.2 it
 * returns +0 and above 709.79 +∞, as `Math.exp` does.
 *
 * Rounding k without `Math.round` (not inlined by V8): adding 1.5·2⁵² to x·N/ln2 leaves
 * round-to-nearest(x·N/ln2) in the low bits; subtracting it back gives k as a float64.
 *
 * @internal
 */
import { EXP_TABLE_HI, EXP_TABLE_LO } from './expTable';

/** 2^M for M = −1022 … 1023, indexed by M + 1022 (all normal numbers, so the scaling is exact). */
const POW2 = /* @__PURE__ */ (() => {
  const t = new Float64Array(2046);
  let v = 1;
  for (let m = 0; m <= 1023; m++) {
    t[m + 1022] = v;
    v *= 2;
  }
  v = 1;
  for (let m = 0; m >= -1022; m--) {
    t[m + 1022] = v;
    v /= 2;
  }
  return t;
})();

/**
 * The table as interleaved pairs [T_hi(j), T_lo(j)] at 2j, 2j + 1: both loads hit one cache line and
 * one bounds check (measured ~20 % faster than two separate arrays in V8).
 */
const TABLE = /* @__PURE__ */ (() => {
  const t = new Float64Array(256);
  for (let j = 0; j < 128; j++) {
    t[2 * j] = EXP_TABLE_HI[j]!;
    t[2 * j + 1] = EXP_TABLE_LO[j]!;
  }
  return t;
})();

/**
 * e^x to within 1 ulp (see the module comment), ~3–5× faster than `Math.exp` in V8's optimised code.
 * exp(−∞) = +0, exp(+∞) = +∞, exp(NaN) = NaN.
 * @internal
 */
export function expFast(x: number): number {
  if (x >= -708 && x <= 709) {
    // The constants are written as literals (module-level bindings cost a load each in V8's optimised
    // code): 184.66… = INV_LN2_N, 0.0054… = LN2_N_HI, 1.49…e-12 = LN2_N_LO (expTable.ts; a test checks
    // that they agree), 6755399441055744 = 1.5 · 2^52, and the Taylor coefficients 1/2, 1/6, 1/24, 1/120.
    const kf = x * 184.6649652337873 + 6755399441055744 - 6755399441055744;
    const k = kf | 0;
    const r = x - kf * 0.00541521234663378 - kf * 1.4907929134926466e-12;
    const j = (k & 127) << 1;
    const r2 = r * r;
    // p(r) = r + r²/2 + r³/6 + r⁴/24 + r⁵/120, evaluated in Estrin-like form for parallelism.
    const p = r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120));
    const hi = TABLE[j]!;
    return POW2[(k >> 7) + 1022]! * (hi + (TABLE[j + 1]! + hi * p));
  }
  return Math.exp(x);
}
