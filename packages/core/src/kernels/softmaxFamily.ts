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
import { recordPosition } from './accumulator';
import { softmaxBlocks } from './blocks';
import { createRowScratch, createRowState } from './rows';
import { labelsLogitsKernel } from './softmaxLabels';
import { generalDirectRow, generalLogitsRow, nanRow, validLabel, zeroRow } from './softmaxRows';
import type { SoftmaxFamilyParams } from './types';

/**
 * Runs the softmax / categorical / nll (and focal) kernel; see the module comment. Data that is not float64
 * is handed over in float64 blocks (blocks.ts), so the row loops only ever see one array kind.
 */
export function softmaxFamilyKernel(p: SoftmaxFamilyParams): void {
  softmaxBlocks(p, dispatch);
}

function dispatch(p: SoftmaxFamilyParams): void {
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
