/** categoricalCrossEntropy: probabilities at 0 and 1, clipping, soft targets (closed forms per line). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { categoricalCrossEntropy } from './categoricalCrossEntropy';

describe('categoricalCrossEntropy', () => {
  test('q = 0 for the target is +∞; q = 0 elsewhere is fine (0 · log 0 = 0); 1e-300 is −ln 1e-300', () => {
    expect(categoricalCrossEntropy(0, [0, 1])).toBe(Number.POSITIVE_INFINITY);
    expect(categoricalCrossEntropy(1, [0, 1])).toBe(0);
    expectClose(categoricalCrossEntropy(0, [1e-300, 1 - 1e-300]), 300 * Math.LN10); // −ln 1e-300
  });

  test('epsilon clips to [ε, 1 − ε] first, with gradient 0 where clipped; 0 is exact', () => {
    expectClose(categoricalCrossEntropy(0, [0, 1], { epsilon: 1e-7 }), -Math.log(1e-7));
    const { grad } = categoricalCrossEntropy.valueAndGrad(0, [0, 1], { epsilon: 1e-7 });
    expect(grad).toEqual([0, 0]);
    // unclipped: ∂(−ln q_0)/∂q_0 = −1/q_0
    expectClose(
      categoricalCrossEntropy.valueAndGrad(0, [0.25, 0.75], { epsilon: 1e-7 }).grad,
      [-4, 0],
      1e-15,
    );
  });

  test('soft targets: −Σ t log q', () => {
    expectClose(categoricalCrossEntropy([0.25, 0.75], [0.5, 0.5]), Math.LN2, 1e-15);
  });

  test('class axis 0: columns are the distributions', () => {
    // [[0.5, 1], [0.5, 0]] along axis 0: samples q = [0.5, 0.5] (label 0) and [1, 0] (label 0)
    expectClose(
      categoricalCrossEntropy(
        [0, 0],
        [
          [0.5, 1],
          [0.5, 0],
        ],
        { axis: 0, reduction: 'sum' },
      ),
      Math.LN2,
      1e-15,
    );
  });
});
