/** binaryFocalLoss: the probability form (closed forms). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { binaryFocalLoss } from './binaryFocalLoss';

describe('binaryFocalLoss', () => {
  test('α_t (1 − p_t)^γ · −log p_t for hard targets', () => {
    expectClose(binaryFocalLoss(1, 0.75), 0.25 ** 2 * -Math.log(0.75), 1e-15);
    expectClose(binaryFocalLoss(0, 0.75, { gamma: 1, alpha: 0.25 }), 0.75 * 0.75 * -Math.log(0.25), 1e-15);
  });

  test('ends: right and certain 0, wrong and certain +∞; ignoreValue counts nowhere', () => {
    expect(binaryFocalLoss([1, 0], [1, 0])).toBe(0);
    expect(binaryFocalLoss(1, 0)).toBe(Number.POSITIVE_INFINITY);
    expectClose(
      binaryFocalLoss([1, -1], [0.75, 0.5], { ignoreValue: -1 }),
      0.25 ** 2 * -Math.log(0.75),
      1e-15,
    );
  });

  test('subnormal q, t = 0: d/dq [q^γ (−ln(1 − q))] = γ q^(γ−1)(−ln(1 − q)) + q^γ/(1 − q) → (γ + 1) q^γ', () => {
    // −ln(1 − q) = q to within q²/2, so the closed form holds to the last digit at q ≤ 1e-300; q^γ is
    // exp(γ ln q), whose rounding is amplified by γ |ln q| ≈ 372 (~1e-13), well inside SPEC's 1e-10
    expectClose(binaryFocalLoss.valueAndGrad(0, 1e-310, { gamma: 0.5 }).grad, 1.5 * Math.sqrt(1e-310), 1e-12);
    expectClose(binaryFocalLoss.valueAndGrad(0, 5e-324, { gamma: 0.5 }).grad, 1.5 * Math.sqrt(5e-324), 1e-12);
    expect(binaryFocalLoss.valueAndGrad(0, 5e-324, { gamma: 2 }).grad).toBe(0); // 3 q² underflows to 0
  });

  test('α_t = 0 removes the term and its gradient, even where the log is infinite', () => {
    expect(binaryFocalLoss.valueAndGrad(1, 0, { alpha: 0 })).toEqual({ value: 0, grad: 0 });
  });

  test('gradient at q = 1/2, t = 1, γ = 2: d/dq [(1 − q)² (−ln q)] = 2(1 − q) ln q − (1 − q)²/q', () => {
    expectClose(binaryFocalLoss.valueAndGrad(1, 0.5).grad, 2 * 0.5 * Math.log(0.5) - 0.25 / 0.5, 1e-14);
  });
});
