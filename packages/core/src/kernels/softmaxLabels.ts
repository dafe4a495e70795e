/**
 * The fast path of the softmax kernel: logits, integer labels, no smoothing and no focal term (the
 * common training case, W1 of the benchmarks). Per row: one scan for the maximum and arg-max, one pass
 * of table-driven exponentials around the arg-max (no branch per class), one log1p, and the running
 * sums kept in locals. A row holding +∞ or only −∞/NaN goes to the general row.
 *
 * @internal
 */
import { addRun, recordPosition } from './accumulator';
import { expFast } from './exp';
import { log1pFast, log1pUnit } from './log1p';
import { createRowScratch, createRowState, type RowScratch, type RowState } from './rows';
import { generalLogitsRow, nanRow, validLabel, zeroRow } from './softmaxRows';
import type { SoftmaxFamilyParams } from './types';

/**
 * Fast path: logits, integer labels, no smoothing, no focal term. One scan for the maximum, one pass of
 * table-driven exponentials (written into `grad` when it is wanted, then scaled in place).
 */
export function labelsLogitsKernel(p: SoftmaxFamilyParams): void {
  const { outer, classes, inner } = p.layout;
  const x = p.predictions;
  const labels = p.labels!;
  const ignore = p.ignoreIndex;
  const cw = p.classWeights;
  const sw = p.sampleWeights;
  const per = p.perPosition;
  const grad = p.grad;
  const acc = p.acc;
  const rowSpan = classes * inner;
  let scratch: RowScratch | null = null;
  let state: RowState | null = null;
  let sum = 0;
  let sumComp = 0;
  let wsum = 0;
  let wComp = 0;
  let count = 0;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const n = o * inner + i;
      const base = o * rowSpan + i;
      const y = labels[n]!;
      if (y === ignore) {
        zeroRow(grad, base, classes, inner);
        if (per !== null) per[n] = 0;
        continue;
      }
      const s = sw === null ? 1 : sw[n]!;
      if (s !== 0 && !validLabel(y, classes)) {
        nanRow(grad, base, classes, inner);
        if (per !== null) per[n] = Number.NaN;
        recordPosition(acc, Number.NaN, cw === null ? s : Number.NaN);
        continue;
      }
      const cy = cw === null || s === 0 ? 1 : cw[y]!;
      const w = s * cy;
      const k = s * cy; // the scale of this row's term and gradient
      if (k === 0) {
        // weight 0 or class weight 0: the term is removed, not evaluated
        zeroRow(grad, base, classes, inner);
        if (per !== null) per[n] = 0;
        recordPosition(acc, 0, w);
        continue;
      }
      // C = 2 in closed form, without data-dependent branches; NaN sends the row down the general way
      let a = classes === 2 ? twoClassRow(x, base, inner, y, k, grad) : Number.NaN;
      if (Number.isNaN(a)) {
        // max and arg-max
        let m = Number.NEGATIVE_INFINITY;
        let am = -1;
        for (let c = 0, j = base; c < classes; c++, j += inner) {
          const v = x[j]!;
          if (v > m) {
            m = v;
            am = c;
          }
        }
        if (m === Number.POSITIVE_INFINITY || am < 0) {
          scratch ??= createRowScratch(classes);
          state ??= createRowState();
          const a = generalLogitsRow(p, base, y, s, scratch, state);
          if (per !== null) per[n] = a;
          recordPosition(acc, a, w);
          continue;
        }
        // Σ_{c≠argmax} e^(x_c − max): two loops around the arg-max, so no branch inside them
        let sp = 0;
        const yj = base + y * inner;
        const amj = base + am * inner;
        const end = base + rowSpan;
        if (grad === null) {
          for (let j = base; j < amj; j += inner) sp += expFast(x[j]! - m);
          for (let j = amj + inner; j < end; j += inner) sp += expFast(x[j]! - m);
        } else {
          for (let j = base; j < amj; j += inner) {
            const e = expFast(x[j]! - m);
            grad[j] = e;
            sp += e;
          }
          grad[amj] = 1;
          for (let j = amj + inner; j < end; j += inner) {
            const e = expFast(x[j]! - m);
            grad[j] = e;
            sp += e;
          }
        }
        // −log q_y = (max − x_y) + log1p(Σ_{c≠argmax} e^(x_c − max)); NaN entries make sp NaN
        a = k * (m - x[yj]! + log1pFast(sp));
        if (grad !== null) {
          const S = 1 + sp;
          const scale = k / S;
          const ey = grad[yj]!;
          for (let c = 0, j = base; c < classes; c++, j += inner) grad[j] = grad[j]! * scale;
          // q_y − 1 = −(S − e_y)/S with S − e_y = Σ_{c≠argmax} e_c when y is the arg-max
          grad[yj] = (-k * (y === am ? sp : S - ey)) / S;
        }
      }
      if (per !== null) per[n] = a;
      // the running sums of the common path live in locals (no object writes per row); see addRun. Neumaier's
      // step (accumulator.ts sumError) is written out: this loop exceeds V8's inlining budget, and a call
      // that returns a double would box it on the heap once per row
      const t1 = sum + a;
      sumComp += t1 - t1 !== 0 ? 0 : Math.abs(sum) >= Math.abs(a) ? sum - t1 + a : a - t1 + sum;
      sum = t1;
      const w1 = wsum + w; // w = k ≠ 0 here
      wComp += w1 - w1 !== 0 ? 0 : Math.abs(wsum) >= Math.abs(w) ? wsum - w1 + w : w - w1 + wsum;
      wsum = w1;
      count++;
    }
  }
  addRun(acc, sum, sumComp, wsum, wComp, count, count);
}

/**
 * One row of two classes: −log q_y = softplus(d) with d = x_other − x_y, formed as
 * max(d, 0) + log1p(e^−|d|) (both terms ≥ 0), and ∂/∂x_other = −∂/∂x_y = k σ(d). Returns NaN, writing
 * nothing, when d is NaN (a NaN logit, or two equal infinities), for the general row to handle.
 */
function twoClassRow(
  x: ArrayLike<number>,
  base: number,
  inner: number,
  y: number,
  k: number,
  grad: Float64Array | null,
): number {
  const jy = base + y * inner;
  const jo = base + (1 - y) * inner;
  const d = x[jo]! - x[jy]!;
  if (Number.isNaN(d)) return Number.NaN;
  const e = expFast(-Math.abs(d));
  if (grad !== null) {
    const inv = 1 / (1 + e);
    const qo = d >= 0 ? inv : e * inv; // σ(d) = 1 − q_y, the other class's probability
    grad[jo] = k * qo;
    grad[jy] = -k * qo;
  }
  return k * (Math.max(d, 0) + log1pUnit(e));
}
