/** nllLoss: exactly softmaxCrossEntropy on logits whose log-softmax is its input. */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { logSoftmax } from './logSoftmax';
import { nllLoss } from './nllLoss';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';

describe('nllLoss', () => {
  test('−ℓ_y; ℓ = −∞ for another class gives no NaN', () => {
    expectClose(
      nllLoss(
        [0, 1],
        [
          [-0.5, -1],
          [-2, -0.25],
        ],
      ),
      (0.5 + 0.25) / 2,
      1e-15,
    );
    expect(nllLoss(0, [0, Number.NEGATIVE_INFINITY])).toBe(0);
    expect(nllLoss(1, [0, Number.NEGATIVE_INFINITY])).toBe(Number.POSITIVE_INFINITY);
  });

  test('≡ softmaxCrossEntropy ∘ logSoftmax, options included', () => {
    const x = [
      [0.3, -1, 2],
      [1.5, 0.2, -0.7],
      [0, 0, 0],
    ];
    const y = [2, 0, -100];
    const o = { classWeights: [1, 2, 0.5], labelSmoothing: 0.1, ignoreIndex: -100, weights: [1, 2, 3] };
    expectClose(nllLoss(y, logSoftmax(x) as number[][], o), softmaxCrossEntropy(y, x, o), 1e-14);
  });
});
