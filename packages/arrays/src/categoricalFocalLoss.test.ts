/** categoricalFocalLoss: the probability form of the multi-class focal loss (closed forms). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { categoricalFocalLoss } from './categoricalFocalLoss';

describe('categoricalFocalLoss', () => {
  test('(1 − q)^γ (−ln q) for the target class; soft targets term by term', () => {
    expectClose(categoricalFocalLoss(0, [0.75, 0.25]), 0.25 ** 2 * -Math.log(0.75), 1e-15);
    // t = [1/2, 1/2] against q = [3/4, 1/4]: ½ (1/4)² (−ln ¾) + ½ (3/4)² (−ln ¼)
    expectClose(
      categoricalFocalLoss([0.5, 0.5], [0.75, 0.25]),
      0.5 * 0.0625 * -Math.log(0.75) + 0.5 * 0.5625 * -Math.log(0.25),
      1e-15,
    );
  });

  test('q = 1 is exactly 0, q = 0 is +∞, epsilon clips', () => {
    expect(categoricalFocalLoss(0, [1, 0])).toBe(0);
    expect(categoricalFocalLoss(1, [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expectClose(categoricalFocalLoss(1, [1, 0], { epsilon: 0.25 }), 0.75 ** 2 * -Math.log(0.25), 1e-15);
  });
});
