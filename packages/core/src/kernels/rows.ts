/**
 * Row helpers shared by the class-axis kernels: the max/arg-max scan, the shifted exponentials and the
 * handling of rows holding +∞ (several +∞ logits share the probability equally) or NaN.
 * @internal
 */
import { expFast } from './exp';
import { log1pFast } from './log1p';

/**
 * Per-row scratch for the general (non-fast) paths: C entries each, allocated once per kernel call,
 * never per row.
 */
export interface RowScratch {
  /** v_c = x_c − max (or 0 / −∞ in a row holding +∞) */
  readonly shifted: Float64Array;
  /** e^(v_c) */
  readonly exps: Float64Array;
  /** g_c, the per-class gradient weight (see softmaxFamily.ts) */
  readonly g: Float64Array;
}

export function createRowScratch(classes: number): RowScratch {
  return {
    shifted: new Float64Array(classes),
    exps: new Float64Array(classes),
    g: new Float64Array(classes),
  };
}

/**
 * The state of a logit row after {@link scanRow}: `status` 0 = finite maximum, 1 = the row holds +∞
 * (and no NaN), 2 = NaN row (a NaN entry, or every entry −∞).
 */
export interface RowState {
  status: number;
  /** the maximum (finite rows) */
  max: number;
  /** index of the first maximum */
  argmax: number;
  /** the largest value among the other classes (−∞ when none) */
  second: number;
  /** Σ_{c ≠ argmax} e^(v_c) */
  sumOthers: number;
  /** log Σ_c e^(v_c) = log1p(sumOthers) */
  lse: number;
}

export function createRowState(): RowState {
  return { status: 0, max: 0, argmax: 0, second: 0, sumOthers: 0, lse: 0 };
}

/**
 * Scans the row x[base + c·stride], c < classes: finds max, arg-max and second max, fills
 * `scratch.shifted` and `scratch.exps`, and sums the exponentials of every class but the arg-max (so that
 * log Σ e^(v) = log1p(sumOthers) keeps its digits when one class dominates). In a row holding +∞ the
 * shifted values are 0 for the +∞ entries and −∞ for the rest, which gives each +∞ entry probability 1/k.
 */
export function scanRow(
  x: ArrayLike<number>,
  base: number,
  classes: number,
  stride: number,
  scratch: RowScratch,
  st: RowState,
): void {
  let m = Number.NEGATIVE_INFINITY;
  let m2 = Number.NEGATIVE_INFINITY;
  let am = -1;
  let nan = false;
  for (let c = 0, j = base; c < classes; c++, j += stride) {
    const v = x[j]!;
    if (v > m) {
      m2 = m;
      m = v;
      am = c;
    } else if (v > m2) {
      m2 = v;
    } else if (Number.isNaN(v)) {
      nan = true;
    }
  }
  st.argmax = am;
  if (nan || am < 0) {
    st.status = 2;
    st.max = Number.NaN;
    st.second = Number.NaN;
    st.sumOthers = Number.NaN;
    st.lse = Number.NaN;
    return;
  }
  const sh = scratch.shifted;
  const ex = scratch.exps;
  let sp = 0;
  if (m === Number.POSITIVE_INFINITY) {
    st.status = 1;
    for (let c = 0, j = base; c < classes; c++, j += stride) {
      const inf = x[j] === Number.POSITIVE_INFINITY;
      sh[c] = inf ? 0 : Number.NEGATIVE_INFINITY;
      ex[c] = inf ? 1 : 0;
      if (inf && c !== am) sp += 1;
    }
    st.second = sp > 0 ? 0 : Number.NEGATIVE_INFINITY;
  } else {
    st.status = 0;
    for (let c = 0, j = base; c < classes; c++, j += stride) {
      const v = x[j]! - m;
      const e = expFast(v);
      sh[c] = v;
      ex[c] = e;
      if (c !== am) sp += e;
    }
    st.second = m2 - m;
  }
  st.max = m;
  st.sumOthers = sp;
  st.lse = log1pFast(sp);
}

/**
 * log(1 − q_c) for class c of a scanned row, with small absolute error: for the arg-max from
 * Σ_{k≠c} e^(v_k) (re-summed around the second maximum when that sum is below the normal range, so
 * that (1 − q)^γ is right even when 1 − q underflows), for the others log1p(S − 1 − e_c) − lse, where
 * S − e_c ≥ 1.
 */
export function log1mq(classes: number, c: number, scratch: RowScratch, st: RowState): number {
  const sp = st.sumOthers;
  if (c !== st.argmax) return Math.log1p(sp - scratch.exps[c]!) - st.lse;
  if (sp >= 1e-280) return Math.log(sp) - st.lse;
  const m2 = st.second;
  if (st.status !== 0 || m2 === Number.NEGATIVE_INFINITY)
    return sp > 0 ? Math.log(sp) - st.lse : Number.NEGATIVE_INFINITY;
  // Σ_{k≠am} e^(v_k) = e^(m2) Σ_{k≠am} e^(v_k − m2): its log is m2 + log(that sum), no underflow.
  let s2 = 0;
  const sh = scratch.shifted;
  for (let k = 0; k < classes; k++) if (k !== c) s2 += expFast(sh[k]! - m2);
  return m2 + Math.log(s2) - st.lse;
}
