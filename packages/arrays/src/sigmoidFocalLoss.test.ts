/** sigmoidFocalLoss: α_t (1 − p_t)^γ times binary CE, computed from logits (closed forms). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { sigmoidCrossEntropy } from './sigmoidCrossEntropy';
import { sigmoidFocalLoss } from './sigmoidFocalLoss';

const INF = Number.POSITIVE_INFINITY;

describe('sigmoidFocalLoss', () => {
  test('γ = 0 without α is sigmoid cross-entropy; α_t = α t + (1 − α)(1 − t)', () => {
    const t = [1, 0, 1];
    const x = [0.3, -2, 4];
    expectClose(sigmoidFocalLoss(t, x, { gamma: 0 }), sigmoidCrossEntropy(t, x));
    // logit ln 3: q = 3/4. t = 1: p_t = 3/4, α_t = 0.25; t = 0: p_t = 1/4, α_t = 0.75
    expectClose(sigmoidFocalLoss(1, Math.log(3), { alpha: 0.25 }), 0.25 * 0.25 ** 2 * -Math.log(0.75), 1e-15);
    expectClose(sigmoidFocalLoss(0, Math.log(3), { alpha: 0.25 }), 0.75 * 0.75 ** 2 * -Math.log(0.25), 1e-15);
  });

  test('no NaN at infinite logits, in the value or the gradient, for any γ ≥ 0', () => {
    for (const gamma of [0, 0.5, 1, 2, 5]) {
      expect(sigmoidFocalLoss(1, INF, { gamma })).toBe(0);
      expect(sigmoidFocalLoss(0, INF, { gamma })).toBe(INF);
      for (const x of [INF, -INF, 1e300, -1e300, 0]) {
        const g = sigmoidFocalLoss.valueAndGrad(1, x, { gamma }).grad as number;
        expect(Number.isNaN(g), `γ ${gamma}, x ${x}`).toBe(false);
      }
    }
  });
});
