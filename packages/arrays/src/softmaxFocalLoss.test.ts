/** softmaxFocalLoss: the factor (1 − q)^γ per class, α, and no NaN at infinite logits (closed forms). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';
import { softmaxFocalLoss } from './softmaxFocalLoss';

const INF = Number.POSITIVE_INFINITY;

describe('softmaxFocalLoss', () => {
  test('γ = 0 and no α is softmax cross-entropy; γ scales by (1 − q)^γ', () => {
    const x = [[Math.log(3), 0]]; // q = [3/4, 1/4]
    expectClose(softmaxFocalLoss([0], x, { gamma: 0 }), softmaxCrossEntropy([0], x));
    expectClose(softmaxFocalLoss([0], x, { gamma: 3 }), 0.25 ** 3 * -Math.log(0.75), 1e-15);
    expectClose(softmaxFocalLoss([1], x, { gamma: 0.5 }), Math.sqrt(0.75) * -Math.log(0.25), 1e-15);
  });

  test('α per class multiplies the term and never enters the denominator', () => {
    const x = [
      [0, 0],
      [0, 0],
    ];
    // q = 1/2 everywhere: each term (1/2)² ln 2; α = [1, 3]: mean (1 + 3) · ln 2 / 4 / 2
    expectClose(softmaxFocalLoss([0, 1], x, { alpha: [1, 3] }), (4 * Math.LN2) / 4 / 2, 1e-15);
  });

  test('certain and right is exactly 0, certain and wrong is +∞, and gradients are finite', () => {
    expect(softmaxFocalLoss(0, [INF, 0])).toBe(0);
    expect(softmaxFocalLoss(1, [INF, 0])).toBe(INF);
    const { grad } = softmaxFocalLoss.valueAndGrad(0, [1e300, 0]);
    expect((grad as number[]).every(Number.isFinite)).toBe(true);
    // near q = 1 (1 − q ≈ e^−50) the loss is ≈ e^−150 and its gradient ≈ e^−100: tiny, finite, not NaN
    const near = softmaxFocalLoss.valueAndGrad(0, [50, 0], { gamma: 2 }).grad as number[];
    for (const g of near) expect(Number.isFinite(g) && Math.abs(g) < 1e-40).toBe(true);
  });
});
