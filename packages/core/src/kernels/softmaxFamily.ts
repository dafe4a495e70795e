/**
 * The softmax / categorical / nll kernel and its focal form, one pass per row with the gradient.
 *
 * Per position n (a row along the class axis) with smoothed target t'_c = (1 − ε) t_c + ε/C and
 * coefficient k_c = α_c · cw_c · t'_c (α only for focal, cw = 1 without class weights):
 *
 *   a_n = s_n Σ_c k_c (1 − q_c)^γ (−log q_c)          (γ = null: plain cross-entropy, no factor)
 *   w_n = s_n Σ_c cw_c t_c   (raw target; s_n without class weights)
 *
 * Logits: −log q_c = (max − x_c) + log1p(Σ_{c'≠argmax} e^(x_c' − max)) — both terms ≥ 0, so there is no
 * cancellation, and log1p keeps the digits of a loss near 0 when one class dominates. A row holding +∞
 * gives each +∞ entry q = 1/k; a NaN entry or a row of only −∞ gives NaN. Terms with k_c = 0 are never
 * evaluated (0 · log 0 = 0, even against −∞ logits).
 *
 * Focal (T.-Y. Lin et al., "Focal Loss for Dense Object Detection", ICCV 2017): (1 − q_c)^γ is formed
 * as exp(γ · log(1 − q_c)) in log space (see rows.ts `log1mq`), γ = 0 gives exactly 1.
 *
 * Gradients (analytic, same pass). With g_c = k_c (1 − q_c)^γ (1 + γ · q_c (−log q_c)/(1 − q_c)) and
 * G = Σ_c g_c (for γ = null, g_c = k_c):
 *   logits:            ∂a/∂x_j = s_n (q_j G − g_j) = s_n (q_j (G − g_j) − (1 − q_j) g_j)
 *   log-probabilities: ∂a/∂lq_j = −s_n g_j
 *   probabilities:     ∂a/∂q_j = −s_n k_j (1 − q_j)^γ (γ (−log q_j)/(1 − q_j) + 1/q_j), 0 where clipped (at the bound too)
 * The ratio (−log q)/(1 − q) → 1 as q → 1 and q(−log q) → 0 as q → 0 are taken as those limits, so no
 * γ ≥ 0 (γ < 1 included) and no logit gives 0 · ∞. 1 − q_j is formed as (S − e_j)/S (S − e_argmax =
 * Σ_{others}), never as 1 − q_j, so the one-hot gradient q_y − 1 keeps its relative accuracy.
 *
 * @internal
 */
import { addRun, recordPosition, sumError } from './accumulator';
import { expFast } from './exp';
import { log1pFast } from './log1p';
import { createRowScratch, createRowState, log1mq, type RowScratch, type RowState, scanRow } from './rows';
import { log1mexp } from './scalar';
import type { SoftmaxFamilyParams } from './types';

/** Runs the softmax / categorical / nll (and focal) kernel; see the module comment. */
export function softmaxFamilyKernel(p: SoftmaxFamilyParams): void {
  if (
    p.predictionKind === 'logits' &&
    p.labels !== null &&
    p.gamma === null &&
    p.alpha === null &&
    p.labelSmoothing === 0
  ) {
    labelsLogitsKernel(p);
  } else {
    generalKernel(p);
  }
}

function zeroRow(grad: Float64Array | null, base: number, classes: number, stride: number): void {
  if (grad === null) return;
  for (let c = 0, j = base; c < classes; c++, j += stride) grad[j] = 0;
}

function nanRow(grad: Float64Array | null, base: number, classes: number, stride: number): void {
  if (grad === null) return;
  for (let c = 0, j = base; c < classes; c++, j += stride) grad[j] = Number.NaN;
}

/** A label that is not an integer in [0, C) (possible only with validation off) makes its row NaN. */
function validLabel(y: number, classes: number): boolean {
  return y >= 0 && y < classes && Math.floor(y) === y;
}

/**
 * Fast path: logits, integer labels, no smoothing, no focal term. One scan for the maximum, one pass of
 * table-driven exponentials (written into `grad` when it is wanted, then scaled in place).
 */
function labelsLogitsKernel(p: SoftmaxFamilyParams): void {
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
      const a = k * (m - x[yj]! + log1pFast(sp));
      if (grad !== null) {
        const S = 1 + sp;
        const scale = k / S;
        const ey = grad[yj]!;
        for (let c = 0, j = base; c < classes; c++, j += inner) grad[j] = grad[j]! * scale;
        // q_y − 1 = −(S − e_y)/S with S − e_y = Σ_{c≠argmax} e_c when y is the arg-max
        grad[yj] = (-k * (y === am ? sp : S - ey)) / S;
      }
      if (per !== null) per[n] = a;
      // the running sums of the common path live in locals (no object writes per row); see addRun
      const t1 = sum + a;
      sumComp += sumError(sum, a, t1);
      sum = t1;
      const w1 = wsum + w; // w = k ≠ 0 here
      wComp += sumError(wsum, w, w1);
      wsum = w1;
      count++;
    }
  }
  addRun(acc, sum, sumComp, wsum, wComp, count, count);
}

/** The target t'_c of class c (smoothed) in a row, from a label or a distribution. */
function smoothedTarget(
  dist: ArrayLike<number> | null,
  j: number,
  label: number,
  c: number,
  keep: number,
  spread: number,
): number {
  const t = dist === null ? (c === label ? 1 : 0) : dist[j]!;
  return keep * t + spread;
}

/**
 * One logit row, any options. Writes the gradient row (times s) and returns a_n. `label` is −1 for
 * distribution targets (read at `base` with the class stride from p.distributions).
 */
function generalLogitsRow(
  p: SoftmaxFamilyParams,
  base: number,
  label: number,
  s: number,
  scratch: RowScratch,
  st: RowState,
): number {
  const { classes, inner } = p.layout;
  const grad = p.grad;
  scanRow(p.predictions, base, classes, inner, scratch, st);
  if (st.status === 2) {
    nanRow(grad, base, classes, inner);
    return Number.NaN;
  }
  const eps = p.labelSmoothing;
  const keep = 1 - eps;
  const spread = eps / classes;
  const dist = p.distributions;
  const cw = p.classWeights;
  const alpha = p.alpha;
  const gamma = p.gamma;
  const sh = scratch.shifted;
  const ex = scratch.exps;
  const gs = scratch.g;
  const lse = st.lse;
  const sp = st.sumOthers;
  const S = 1 + sp;
  const am = st.argmax;
  let a = 0;
  let G = 0;
  for (let c = 0, j = base; c < classes; c++, j += inner) {
    let coef = smoothedTarget(dist, j, label, c, keep, spread);
    if (cw !== null) coef *= cw[c]!;
    if (alpha !== null && gamma !== null) coef *= alpha[c]!;
    if (coef === 0) {
      gs[c] = 0;
      continue;
    }
    const ell = lse - sh[c]!; // −log q_c ≥ 0
    if (gamma === null) {
      a += coef * ell;
      gs[c] = coef;
      G += coef;
      continue;
    }
    let f = 1;
    let ratio = 0; // q (−log q) / (1 − q)
    if (gamma !== 0) {
      f = expFast(gamma * log1mq(classes, c, scratch, st));
      const q = ex[c]! / S;
      const omq = (c === am ? sp : S - ex[c]!) / S;
      ratio = q === 0 ? 0 : omq === 0 ? 1 : (q * ell) / omq;
    }
    a += coef * f * ell;
    const g = coef * f * (1 + gamma * ratio);
    gs[c] = g;
    G += g;
  }
  if (grad !== null) {
    for (let c = 0, j = base; c < classes; c++, j += inner) {
      const e = ex[c]!;
      const q = e / S;
      const omq = (c === am ? sp : S - e) / S;
      const g = gs[c]!;
      grad[j] = s * (q * (G - g) - omq * g);
    }
  }
  return s * a;
}

/** One row of probabilities or log-probabilities, any options. Writes the gradient row, returns a_n. */
function generalDirectRow(p: SoftmaxFamilyParams, base: number, label: number, s: number): number {
  const { classes, inner } = p.layout;
  const x = p.predictions;
  const grad = p.grad;
  const logInput = p.predictionKind === 'logProbabilities';
  const eps = p.epsilon;
  const lo = eps;
  const hi = 1 - eps;
  const clip = !logInput && eps > 0;
  const keep = 1 - p.labelSmoothing;
  const spread = p.labelSmoothing / classes;
  const dist = p.distributions;
  const cw = p.classWeights;
  const alpha = p.alpha;
  const gamma = p.gamma;
  let a = 0;
  let nan = false;
  for (let c = 0, j = base; c < classes; c++, j += inner) {
    const v = x[j]!;
    if (Number.isNaN(v)) {
      nan = true;
      if (grad !== null) grad[j] = Number.NaN;
      continue;
    }
    let coef = smoothedTarget(dist, j, label, c, keep, spread);
    if (cw !== null) coef *= cw[c]!;
    if (alpha !== null && gamma !== null) coef *= alpha[c]!;
    if (coef === 0) {
      if (grad !== null) grad[j] = 0;
      continue;
    }
    let q = v;
    let clipped = false;
    let ell: number;
    if (logInput) {
      ell = -v;
      q = expFast(v);
    } else {
      if (clip) {
        if (q <= lo) {
          q = lo;
          clipped = true;
        } else if (q >= hi) {
          q = hi;
          clipped = true;
        }
      }
      ell = -Math.log(q);
    }
    if (gamma === null || gamma === 0) {
      a += coef * ell;
      if (grad !== null) grad[j] = clipped ? 0 : logInput ? -s * coef : (-s * coef) / q;
      continue;
    }
    const omq = logInput ? -Math.expm1(v) : 1 - q;
    const f = logInput ? expFast(gamma * log1mexp(v)) : omq ** gamma;
    a += coef * f * ell;
    if (grad !== null) {
      if (clipped) grad[j] = 0;
      else if (logInput) {
        const ratio = q === 0 ? 0 : omq === 0 ? 1 : (q * ell) / omq;
        grad[j] = -s * coef * f * (1 + gamma * ratio);
      } else {
        const r = omq === 0 ? 1 : ell / omq; // (−log q)/(1 − q) → 1 as q → 1
        grad[j] = -s * coef * f * (gamma * r + 1 / q);
      }
    }
  }
  if (nan) {
    nanRow(grad, base, classes, inner); // a NaN prediction makes its whole row NaN, gradient included
    return Number.NaN;
  }
  return s * a;
}

/** Every case the fast path does not take: soft targets, smoothing, focal, probabilities, nll. */
function generalKernel(p: SoftmaxFamilyParams): void {
  const { outer, classes, inner } = p.layout;
  const labels = p.labels;
  const dist = p.distributions;
  const ignore = p.ignoreIndex;
  const cw = p.classWeights;
  const sw = p.sampleWeights;
  const per = p.perPosition;
  const grad = p.grad;
  const acc = p.acc;
  const logits = p.predictionKind === 'logits';
  const rowSpan = classes * inner;
  const scratch = logits ? createRowScratch(classes) : null;
  const state = logits ? createRowState() : null;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const n = o * inner + i;
      const base = o * rowSpan + i;
      let y = -1;
      if (labels !== null) {
        y = labels[n]!;
        if (y === ignore) {
          zeroRow(grad, base, classes, inner);
          if (per !== null) per[n] = 0;
          continue;
        }
      }
      const s = sw === null ? 1 : sw[n]!;
      if (s !== 0 && labels !== null && !validLabel(y, classes)) {
        nanRow(grad, base, classes, inner);
        if (per !== null) per[n] = Number.NaN;
        recordPosition(acc, Number.NaN, cw === null ? s : Number.NaN);
        continue;
      }
      // w_n = s_n Σ_c cw_c t_c with the raw target
      let w = s;
      if (cw !== null && s !== 0) {
        if (labels !== null) w = s * cw[y]!;
        else {
          let tw = 0;
          for (let c = 0, j = base; c < classes; c++, j += inner) tw += cw[c]! * dist![j]!;
          w = s * tw;
        }
      }
      if (s === 0) {
        zeroRow(grad, base, classes, inner);
        if (per !== null) per[n] = 0;
        recordPosition(acc, 0, 0);
        continue;
      }
      const a = logits ? generalLogitsRow(p, base, y, s, scratch!, state!) : generalDirectRow(p, base, y, s);
      if (per !== null) per[n] = a;
      recordPosition(acc, a, w);
    }
  }
}
