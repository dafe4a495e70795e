/**
 * The stable primitives as kernels: logSumExp, logSoftmax and softmax along the class axis (read in
 * place through the stride `inner`), logSigmoid and sigmoid element-wise.
 *
 * Along the axis, with m the row maximum, v_c = x_c − m ≤ 0 and sp = Σ_{c≠argmax} e^(v_c):
 *   logSumExp = m + log1p(sp)     logSoftmax_c = v_c − log1p(sp)     softmax_c = e^(v_c) / (1 + sp)
 * Nothing overflows (every exponent is ≤ 0) and log1p keeps the digits when one class dominates;
 * logSoftmax adds two terms ≤ 0, so it never cancels. Special rows: a row holding +∞ gives logSumExp
 * +∞ and shares the probability equally among its k entries at +∞ (softmax 1/k, logSoftmax −log k,
 * the others 0 / −∞); a row of only −∞ gives logSumExp −∞ and NaN for logSoftmax and softmax (no
 * distribution exists); a NaN entry makes the whole row NaN.
 *
 * logSigmoid(x) = −softplus(−x) = min(x, 0) − log1p(e^−|x|); sigmoid from e^−|x| (scalar.ts).
 *
 * @internal
 */
import { expFast } from './exp';
import { log1pFast } from './log1p';
import { sigmoid, softplus } from './scalar';
import type { ClassLayout } from './types';

const NEG_INF = Number.NEGATIVE_INFINITY;
const POS_INF = Number.POSITIVE_INFINITY;

/** Row maximum, or NaN when the row holds a NaN. −∞ for an all-−∞ (or empty) row. */
function rowMax(x: ArrayLike<number>, base: number, classes: number, stride: number): number {
  let m = NEG_INF;
  for (let c = 0, j = base; c < classes; c++, j += stride) {
    const v = x[j]!;
    if (v > m) m = v;
    else if (Number.isNaN(v)) return Number.NaN;
  }
  return m;
}

/** Number of +∞ entries of a row. */
function countInf(x: ArrayLike<number>, base: number, classes: number, stride: number): number {
  let k = 0;
  for (let c = 0, j = base; c < classes; c++, j += stride) if (x[j] === POS_INF) k++;
  return k;
}

/** Σ_c e^(x_c − m) minus the 1 of the first maximum (so log1p of it is the row's log-sum-exp − m). */
function sumOthers(x: ArrayLike<number>, base: number, classes: number, stride: number, m: number): number {
  let sp = 0;
  let seen = false;
  for (let c = 0, j = base; c < classes; c++, j += stride) {
    const v = x[j]!;
    if (v === m && !seen) seen = true;
    else sp += expFast(v - m);
  }
  return sp;
}

/** out[n] = log Σ_c e^(x_nc) for every position n (out has outer · inner entries). */
export function logSumExpKernel(layout: ClassLayout, x: ArrayLike<number>, out: Float64Array): void {
  const { outer, classes, inner } = layout;
  const rowSpan = classes * inner;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * rowSpan + i;
      const m = rowMax(x, base, classes, inner);
      out[o * inner + i] = m - m === 0 ? m + log1pFast(sumOthers(x, base, classes, inner, m)) : m;
    }
  }
}

/** Writes the row's result: log-probabilities (log = true) or probabilities, for every entry. */
function normalizeRows(layout: ClassLayout, x: ArrayLike<number>, out: Float64Array, log: boolean): void {
  const { outer, classes, inner } = layout;
  const rowSpan = classes * inner;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * rowSpan + i;
      const m = rowMax(x, base, classes, inner);
      if (m - m === 0) {
        const sp = sumOthers(x, base, classes, inner, m);
        if (log) {
          const lse = log1pFast(sp);
          for (let c = 0, j = base; c < classes; c++, j += inner) out[j] = x[j]! - m - lse;
        } else {
          const S = 1 + sp;
          for (let c = 0, j = base; c < classes; c++, j += inner) out[j] = expFast(x[j]! - m) / S;
        }
      } else if (m === POS_INF) {
        const k = countInf(x, base, classes, inner);
        const inInf = log ? -Math.log(k) : 1 / k;
        const outInf = log ? NEG_INF : 0;
        for (let c = 0, j = base; c < classes; c++, j += inner) out[j] = x[j] === POS_INF ? inInf : outInf;
      } else {
        for (let c = 0, j = base; c < classes; c++, j += inner) out[j] = Number.NaN;
      }
    }
  }
}

/** out = log softmax(x) along the class axis (out has the layout of x). */
export function logSoftmaxKernel(layout: ClassLayout, x: ArrayLike<number>, out: Float64Array): void {
  normalizeRows(layout, x, out, true);
}

/** out = softmax(x) along the class axis (out has the layout of x). */
export function softmaxKernel(layout: ClassLayout, x: ArrayLike<number>, out: Float64Array): void {
  normalizeRows(layout, x, out, false);
}

/** out[n] = log σ(x[n]) = −softplus(−x[n]). */
export function logSigmoidKernel(size: number, x: ArrayLike<number>, out: Float64Array): void {
  for (let n = 0; n < size; n++) out[n] = -softplus(-x[n]!);
}

/** out[n] = σ(x[n]). */
export function sigmoidKernel(size: number, x: ArrayLike<number>, out: Float64Array): void {
  for (let n = 0; n < size; n++) out[n] = sigmoid(x[n]!);
}
