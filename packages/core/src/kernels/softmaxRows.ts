/**
 * One row of the softmax / categorical / nll kernel with any options (see softmaxFamily.ts for the
 * formulas): logit rows through the shared row scan, probability and log-probability rows directly,
 * plus the row helpers shared with the fast path.
 *
 * @internal
 */
import { expFast } from './exp';
import { log1mq, type RowScratch, type RowState, scanRow } from './rows';
import { log1mexp } from './scalar';
import type { SoftmaxFamilyParams } from './types';

/** Writes 0 over a gradient row (an ignored or weight-0 position). */
export function zeroRow(grad: Float64Array | null, base: number, classes: number, stride: number): void {
  if (grad === null) return;
  for (let c = 0, j = base; c < classes; c++, j += stride) grad[j] = 0;
}

/** Writes NaN over a gradient row (a NaN position). */
export function nanRow(grad: Float64Array | null, base: number, classes: number, stride: number): void {
  if (grad === null) return;
  for (let c = 0, j = base; c < classes; c++, j += stride) grad[j] = Number.NaN;
}

/** A label that is not an integer in [0, C) (possible only with validation off) makes its row NaN. */
export function validLabel(y: number, classes: number): boolean {
  return y >= 0 && y < classes && Math.floor(y) === y;
}

/** The target t'_c of class c (smoothed) in a row, from a label or a distribution. */
export function smoothedTarget(
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
export function generalLogitsRow(
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
export function generalDirectRow(p: SoftmaxFamilyParams, base: number, label: number, s: number): number {
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
