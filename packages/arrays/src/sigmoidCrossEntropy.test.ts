/** sigmoidCrossEntropy: extreme logits, posWeight, smoothing, ignoreValue (closed forms per line). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { sigmoidCrossEntropy } from './sigmoidCrossEntropy';

const INF = Number.POSITIVE_INFINITY;
const LN2 = Math.LN2;

describe('sigmoidCrossEntropy', () => {
  test('softplus form: huge and infinite logits are exact, never NaN', () => {
    expect(sigmoidCrossEntropy(1, 1e300)).toBe(0); // softplus(−1e300)
    expect(sigmoidCrossEntropy(0, 1e300)).toBe(1e300); // softplus(1e300)
    expect(sigmoidCrossEntropy(1, INF)).toBe(0);
    expect(sigmoidCrossEntropy(1, -INF)).toBe(INF);
    expectClose(sigmoidCrossEntropy(0.5, INF), INF);
    // softplus(−40) = log1p(e^−40) ≈ e^−40, not 0
    expectClose(sigmoidCrossEntropy(1, 40), Math.log1p(Math.exp(-40)), 1e-15);
  });

  test('posWeight multiplies the positive term, broadcast per label', () => {
    // logits 0: each term is ln 2; targets [[1, 1]] with posWeight [2, 3]: mean (2 + 3) ln 2 / 2
    expectClose(sigmoidCrossEntropy([[1, 1]], [[0, 0]], { posWeight: [2, 3] }), 2.5 * LN2, 1e-15);
    expectClose(sigmoidCrossEntropy([[0, 0]], [[0, 0]], { posWeight: [2, 3] }), LN2, 1e-15);
  });

  test('binary label smoothing t′ = (1 − ε) t + ε / 2 and ignoreValue', () => {
    // logit ln 3 (q = 3/4), t = 1, ε = 0.2: t′ = 0.9
    expectClose(
      sigmoidCrossEntropy(1, Math.log(3), { labelSmoothing: 0.2 }),
      -(0.9 * Math.log(0.75) + 0.1 * Math.log(0.25)),
      1e-15,
    );
    expectClose(sigmoidCrossEntropy([1, -1, 0], [0, 5, 0], { ignoreValue: -1 }), LN2, 1e-15);
    expect(sigmoidCrossEntropy([1, -1], [0, 5], { ignoreValue: -1, reduction: 'none' })).toEqual([LN2, 0]);
  });

  test('gradient σ(x) − t′', () => {
    expectClose(
      sigmoidCrossEntropy.valueAndGrad([1, 0], [0, 0], { reduction: 'sum' }).grad,
      [-0.5, 0.5],
      1e-15,
    );
    expect(sigmoidCrossEntropy.valueAndGrad(1, INF).grad).toBe(0);
  });
});
