/** klDivergence: KL(p ‖ q), from probabilities or logits, and its gradient in q (closed forms). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { klDivergence } from './klDivergence';

describe('klDivergence', () => {
  test('0 for p = q; +∞ where q = 0 < p; p = 0 terms are skipped', () => {
    expect(Math.abs(klDivergence([0.3, 0.7], [0.3, 0.7]))).toBeLessThanOrEqual(1e-16);
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expectClose(klDivergence([1, 0], [0.5, 0.5]), Math.LN2, 1e-15);
  });

  test("from: 'logits' is KL against softmax(q)", () => {
    // logits [ln 3, 0] are q = [3/4, 1/4]
    expectClose(
      klDivergence([0.5, 0.5], [Math.log(3), 0], { from: 'logits' }),
      klDivergence([0.5, 0.5], [0.75, 0.25]),
      1e-14,
    );
  });

  test('gradient in q: −p/q (probabilities); softmax(q) − p (logits)', () => {
    expectClose(klDivergence.valueAndGrad([0.5, 0.5], [0.25, 0.75]).grad, [-2, -2 / 3], 1e-15);
    expectClose(
      klDivergence.valueAndGrad([0.5, 0.5], [Math.log(3), 0], { from: 'logits' }).grad,
      [0.25, -0.25],
      1e-15,
    );
  });
});
