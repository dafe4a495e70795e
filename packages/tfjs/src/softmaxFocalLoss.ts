import type { Tensor } from '@tensorflow/tfjs-core';
import { softmaxFamilyLoss } from './internal/softmaxFamily';
import type { LossTensor, SoftmaxFocalOptions, TensorInput } from './types';

/**
 * Focal loss on logits along `axis` (Lin et al., 2017): each cross-entropy term scaled by (1 − q_c)^γ.
 *
 * Per position: a_n = s_n Σ_c α_c cw_c t'_c (1 − q_c)^γ (−log q_c), one modulating factor per class. Computed
 * from L_c = −log q_c in the stable (max − x) + log Σ exp form with 1 − q_c = −expm1(−L_c), so the factor
 * keeps its precision as q_c → 1; the analytic gradient h − q Σ h, h_c = −u_c (1 − q_c)^γ (1 + γ q_c L_c/(1 − q_c)),
 * is finite for every γ ≥ 0 and every logit, ±∞ included. α never enters a denominator.
 *
 * Defaults: `gamma: 2`, no α, `axis: -1`, `reduction: 'mean'`. Keras: `CategoricalFocalCrossentropy(
 * from_logits=True)` (its α defaults to 0.25 and its reduction to `'sumOverCount'`). torchvision has only the
 * sigmoid form.
 *
 * @throws {XentError} SHAPE_MISMATCH (also a per-class `alpha` of the wrong length), INVALID_LABEL,
 *   INVALID_PROBABILITY, INVALID_OPTION, INVALID_INPUT, EMPTY_INPUT
 * @example
 * ```ts
 * softmaxFocalLoss([0], [[0, 0]], { gamma: 1 }).dataSync()[0]; // (1 − ½) · ln 2 = 0.3465736
 * ```
 */
export function softmaxFocalLoss<O extends SoftmaxFocalOptions | undefined = undefined>(
  targets: TensorInput,
  predictions: TensorInput,
  options?: O,
): LossTensor<O>;
export function softmaxFocalLoss(
  targets: TensorInput,
  predictions: TensorInput,
  options?: SoftmaxFocalOptions,
): Tensor {
  return softmaxFamilyLoss(SPEC, targets, predictions, options);
}

const SPEC = { fn: 'softmaxFocalLoss', family: 'softmax', kind: 'logits', focal: true } as const;
