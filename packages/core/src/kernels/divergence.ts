/**
 * The divergence kernel along the class axis: KL(p ‖ q) when q is given, entropy H(p) when q is null.
 *
 *   KL_n = s_n Σ_c p_c (log p_c − log q_c)        H_n = s_n Σ_c p_c (−log p_c)        w_n = s_n
 *
 * 0 · log 0 = 0: a class with p_c = 0 is never evaluated, whatever q_c (0 or a −∞ logit included).
 * Probabilities: q is clipped to [ε, 1 − ε] first when ε > 0 (gradient 0 where clipped, at the bound itself included); a term is
 * p · log1p((p − q)/q) when p and q are within a factor 2 (p − q exact by Sterbenz's lemma, so a term
 * near 0 keeps its digits), else p · (log p − log q), which never overflows (p = 1, q = 5e-324). Logits: log q_c = v_c − lse with
 * v_c = x_c − max and lse = log1p(Σ_{c≠argmax} e^(v_c)) (rows.ts; a row holding +∞ shares the
 * probability among its +∞ entries, a NaN or all-−∞ row gives NaN).
 *
 * Gradients: ∂KL/∂q_j = −s p_j / q_j (probabilities); ∂KL/∂x_j = s (q_j P − p_j) with P = Σ_c p_c
 * (logits), formed as s (q_j (P − p_j) − (1 − q_j) p_j) with 1 − q_j = (S − e_j)/S so the one-hot
 * gradient q_y − 1 keeps its relative accuracy.
 *
 * KL's terms cancel near 0, so its accuracy is absolute relative to Σ|p log p| + Σ|p log q| (SPEC.md).
 *
 * @internal
 */
import { recordPosition } from './accumulator';
import { createRowScratch, createRowState, type RowScratch, type RowState, scanRow } from './rows';
import type { DivergenceParams } from './types';

/** Runs KL (q given) or entropy (q null); see the module comment. */
export function divergenceKernel(p: DivergenceParams): void {
  const { outer, classes, inner } = p.layout;
  const sw = p.sampleWeights;
  const per = p.perPosition;
  const grad = p.grad;
  const acc = p.acc;
  const rowSpan = classes * inner;
  const logits = p.q !== null && p.qKind === 'logits';
  const scratch = logits ? createRowScratch(classes) : null;
  const state = logits ? createRowState() : null;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const n = o * inner + i;
      const base = o * rowSpan + i;
      const s = sw === null ? 1 : sw[n]!;
      if (s === 0) {
        if (grad !== null) for (let c = 0, j = base; c < classes; c++, j += inner) grad[j] = 0;
        if (per !== null) per[n] = 0;
        recordPosition(acc, 0, 0);
        continue;
      }
      let a: number;
      if (p.q === null) a = entropyRow(p.p, base, classes, inner);
      else if (logits) a = klLogitsRow(p, base, s, scratch!, state!);
      else a = klProbabilitiesRow(p, base, s);
      const an = s * a;
      if (per !== null) per[n] = an;
      recordPosition(acc, an, s);
    }
  }
}

function entropyRow(pd: ArrayLike<number>, base: number, classes: number, stride: number): number {
  let a = 0;
  for (let c = 0, j = base; c < classes; c++, j += stride) {
    const pc = pd[j]!;
    if (pc !== 0) a -= pc * Math.log(pc);
  }
  return a;
}

function klProbabilitiesRow(p: DivergenceParams, base: number, s: number): number {
  const { classes, inner } = p.layout;
  const pd = p.p;
  const qd = p.q!;
  const grad = p.grad;
  const eps = p.epsilon;
  const hi = 1 - eps;
  let a = 0;
  let nan = false;
  for (let c = 0, j = base; c < classes; c++, j += inner) {
    const pc = pd[j]!;
    let q = qd[j]!;
    let clipped = false;
    if (eps > 0) {
      if (q <= eps) {
        q = eps;
        clipped = true;
      } else if (q >= hi) {
        q = hi;
        clipped = true;
      }
    }
    if (Number.isNaN(q)) {
      nan = true;
      continue;
    }
    if (pc === 0) {
      if (grad !== null) grad[j] = 0;
      continue;
    }
    // log(p/q): log1p((p − q)/q) when p and q are within a factor 2 (p − q is then exact), else
    // log p − log q; either way the term is accurate relative to |p log p| + |p log q|
    const d = pc - q;
    a += pc * (pc <= 2 * q && q <= 2 * pc ? Math.log1p(d / q) : Math.log(pc) - Math.log(q));
    if (grad !== null) grad[j] = clipped ? 0 : (-s * pc) / q;
  }
  if (nan) {
    // a NaN prediction makes its whole row NaN, gradient included
    if (grad !== null) for (let c = 0, j = base; c < classes; c++, j += inner) grad[j] = Number.NaN;
    return Number.NaN;
  }
  return a;
}

function klLogitsRow(
  p: DivergenceParams,
  base: number,
  s: number,
  scratch: RowScratch,
  st: RowState,
): number {
  const { classes, inner } = p.layout;
  const pd = p.p;
  const grad = p.grad;
  scanRow(p.q!, base, classes, inner, scratch, st);
  if (st.status === 2) {
    if (grad !== null) for (let c = 0, j = base; c < classes; c++, j += inner) grad[j] = Number.NaN;
    return Number.NaN;
  }
  const sh = scratch.shifted;
  const ex = scratch.exps;
  const lse = st.lse;
  const sp = st.sumOthers;
  const S = 1 + sp;
  const am = st.argmax;
  let a = 0;
  let P = 0;
  for (let c = 0, j = base; c < classes; c++, j += inner) {
    const pc = pd[j]!;
    if (pc === 0) continue;
    P += pc;
    a += pc * (Math.log(pc) + (lse - sh[c]!));
  }
  if (grad !== null) {
    for (let c = 0, j = base; c < classes; c++, j += inner) {
      const pc = pd[j]!;
      const e = ex[c]!;
      const q = e / S;
      const omq = (c === am ? sp : S - e) / S;
      grad[j] = s * (q * (P - pc) - omq * pc);
    }
  }
  return a;
}
