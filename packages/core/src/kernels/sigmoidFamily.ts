/**
 * The sigmoid / binary kernel and its focal form, elementwise, with the gradient in the same pass.
 *
 * Per element n, with t' = (1 − ε) t + ε/2, its complement t̄' = (1 − ε)(1 − t) + ε/2 formed directly
 * (1 − t' would lose the digits of a small complement), pw the positive weight (1 without):
 *
 *   CE_n = pw t' (−log q) + t̄' (−log(1 − q))
 *   a_n  = s_n α_t (1 − p_t)^γ CE_n,  1 − p_t = q t̄' + (1 − q) t',  α_t = α t' + (1 − α) t̄'
 *
 * From logits: −log q = softplus(−x), −log(1 − q) = softplus(x) (softplus(x) = max(x, 0) +
 * log1p(e^−|x|)): two terms ≥ 0, exact for |x| up to 1e300 and ±∞; a term whose coefficient is 0 is
 * never evaluated (t' = 1, x = +∞ gives 0, not 0 · ∞). From probabilities: −log q and −log1p(−q), with
 * q clipped to [ε, 1 − ε] first when ε > 0 (gradient 0 where clipped, at the bound itself included).
 *
 * Focal (Lin et al., ICCV 2017) in log space: log(1 − p_t) is −softplus(x) for t' = 1, −softplus(−x)
 * for t' = 0, else log(q t̄' + (1 − q) t') (≥ log min(t', t̄'), no underflow); (1 − p_t)^γ = 1 for γ = 0.
 *
 * Gradients: ∂CE/∂x = −pw t' (1 − q) + t̄' q; ∂CE/∂q = −pw t'/q + t̄'/(1 − q); and with the modulating
 * factor, ∂a/∂x = s α_t (1 − p_t)^γ [γ (ct − t') q(1 − q)/(1 − p_t) · CE + ∂CE/∂x] (for probabilities
 * q(1 − q) becomes 1). The ratio q(1 − q)/(1 − p_t) is taken in closed form for hard targets (q or 1 − q)
 * and the product with CE is 0 where the ratio is 0 (a saturated logit), so no γ ≥ 0 gives 0 · ∞.
 *
 * @internal
 */
import { addRun, recordPosition } from './accumulator';
import { sigmoidBlocks } from './blocks';
import { expFast } from './exp';
import { log1pUnit } from './log1p';
import type { SigmoidFamilyParams } from './types';

/**
 * Runs the sigmoid / binary (and focal) kernel; see the module comment. Data that is not float64 is handed
 * over in float64 blocks (blocks.ts), so the element loop only ever sees one array kind.
 */
export function sigmoidFamilyKernel(p: SigmoidFamilyParams): void {
  sigmoidBlocks(p, elements);
}

function elements(p: SigmoidFamilyParams): void {
  const size = p.size;
  const x = p.predictions;
  const targets = p.targets;
  const ignore = p.ignoreValue;
  const pwArr = p.posWeight;
  const sw = p.sampleWeights;
  const per = p.perPosition;
  const grad = p.grad;
  const acc = p.acc;
  const logits = p.predictionKind === 'logits';
  const keep = 1 - p.labelSmoothing;
  const half = p.labelSmoothing / 2;
  const eps = p.epsilon;
  const lo = eps;
  const hi = 1 - eps;
  const clip = !logits && eps > 0;
  const gamma = p.gamma;
  const alpha = p.alpha;
  const needQ = grad !== null || gamma !== null;
  // the running sums of the common path live in locals (no object writes per element); see addRun. Neumaier's
  // step (accumulator.ts sumError) is written out below: a call returning a double that V8 does not inline
  // boxes it on the heap once per element
  let sum = 0;
  let sumComp = 0;
  let wsum = 0;
  let wComp = 0;
  let count = 0;
  for (let n = 0; n < size; n++) {
    const t = targets[n]!;
    if (t === ignore) {
      if (grad !== null) grad[n] = 0;
      if (per !== null) per[n] = 0;
      continue;
    }
    const s = sw === null ? 1 : sw[n]!;
    if (s === 0) {
      if (grad !== null) grad[n] = 0;
      if (per !== null) per[n] = 0;
      recordPosition(acc, 0, 0);
      continue;
    }
    const v = x[n]!;
    if (Number.isNaN(v)) {
      if (grad !== null) grad[n] = Number.NaN;
      if (per !== null) per[n] = Number.NaN;
      recordPosition(acc, Number.NaN, s);
      continue;
    }
    const tp = keep * t + half; // t'
    const tn = keep * (1 - t) + half; // 1 − t'
    const cp = pwArr === null ? tp : pwArr[n]! * tp;
    let ce = 0;
    let dce = 0; // ∂CE/∂x (logits) or ∂CE/∂q (probabilities)
    let q: number;
    let omq: number;
    let clipped = false;
    let spPos = 0; // softplus(v) = −log(1 − q)  (logits only)
    let spNeg = 0; // softplus(−v) = −log q
    if (logits) {
      // one exponential and one log1p per element: e = e^−|v| ∈ [0, 1], softplus(±v) = max(±v, 0) + log1p(e)
      const e = expFast(-Math.abs(v)); // branch-free: the sign of random logits is unpredictable
      const l = log1pUnit(e);
      spPos = Math.max(v, 0) + l;
      spNeg = Math.max(-v, 0) + l;
      // branch-free for finite v; only an infinite v can give 0 · ∞, and then a zero coefficient's term
      // is dropped (never evaluated, SPEC.md)
      ce = cp * spNeg + tn * spPos;
      if (Number.isNaN(ce)) ce = (cp !== 0 ? cp * spNeg : 0) + (tn !== 0 ? tn * spPos : 0);
      if (needQ) {
        const inv = 1 / (1 + e);
        q = v >= 0 ? inv : e * inv;
        omq = v >= 0 ? e * inv : inv;
        dce = tn * q - cp * omq; // q, 1 − q ∈ [0, 1]: never 0 · ∞
      } else {
        q = 0; // not needed: no gradient and no focal factor
        omq = 0;
      }
    } else {
      q = v;
      if (clip) {
        if (q <= lo) {
          q = lo;
          clipped = true;
        } else if (q >= hi) {
          q = hi;
          clipped = true;
        }
      }
      omq = 1 - q;
      if (cp !== 0) {
        ce -= cp * Math.log(q);
        dce -= cp / q;
      }
      if (tn !== 0) {
        ce -= tn * Math.log1p(-q);
        dce += tn / omq;
      }
    }
    let a: number;
    let g: number;
    if (gamma === null) {
      a = ce;
      g = dce;
    } else {
      const at = alpha === null ? 1 : alpha * tp + (1 - alpha) * tn;
      let f = 1;
      let mod = 0; // γ (t̄' − t') · [q(1 − q) | 1] / (1 − p_t) · CE
      if (gamma !== 0) {
        let lomp: number;
        // logits: the ratio q(1 − q)/(1 − p_t) ≤ 1; probabilities: the divisor D of CE/D = CE/(1 − p_t),
        // divided as one quotient so that a subnormal 1 − p_t does not overflow 1/D (CE ≈ D there)
        let ratio: number;
        if (tn === 0) {
          lomp = logits ? -spPos : Math.log1p(-q);
          ratio = logits ? q : omq;
        } else if (tp === 0) {
          lomp = logits ? -spNeg : Math.log(q);
          ratio = logits ? omq : q;
        } else {
          const omp = q * tn + omq * tp;
          lomp = Math.log(omp);
          ratio = logits ? (q * omq) / omp : omp;
        }
        f = expFast(gamma * lomp);
        if (ratio === 0 || ce === 0) mod = 0;
        else mod = gamma * (tn - tp) * (logits ? ratio * ce : ce / ratio);
        // at q = 0 or 1 (probabilities) ∂CE is infinite and dominates the factor's term (1/q beats log q)
        if (dce - dce !== 0) mod = 0;
      }
      if (at === 0) {
        // α_t = 0 removes the term entirely, even against an infinite log (SPEC.md)
        a = 0;
        g = 0;
      } else if (ce === Number.POSITIVE_INFINITY) {
        // 1 − p_t > 0 wherever CE is infinite, so the product is +∞ even where (1 − p_t)^γ underflows to 0
        a = Number.POSITIVE_INFINITY;
        g = at * f * (mod + dce);
      } else {
        a = at * f * ce;
        g = at * f * (mod + dce);
      }
    }
    if (grad !== null) grad[n] = clipped ? 0 : s * g;
    const an = s * a;
    if (per !== null) per[n] = an;
    if (an !== 0) {
      const t1 = sum + an;
      sumComp += t1 - t1 !== 0 ? 0 : Math.abs(sum) >= Math.abs(an) ? sum - t1 + an : an - t1 + sum;
      sum = t1;
    }
    const w1 = wsum + s; // s ≠ 0 here
    wComp += w1 - w1 !== 0 ? 0 : Math.abs(wsum) >= Math.abs(s) ? wsum - w1 + s : s - w1 + wsum;
    wsum = w1;
    count++;
  }
  addRun(acc, sum, sumComp, wsum, wComp, count, count);
}
