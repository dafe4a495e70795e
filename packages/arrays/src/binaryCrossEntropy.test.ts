/** binaryCrossEntropy: probabilities 0, 1, 1e-300, 1 − 2⁻⁵³, and clipping (closed forms per line). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { binaryCrossEntropy } from './binaryCrossEntropy';

describe('binaryCrossEntropy', () => {
  test('exact at the ends: 0 where right, +∞ where certainly wrong', () => {
    expect(binaryCrossEntropy(1, 1)).toBe(0);
    expect(binaryCrossEntropy(0, 0)).toBe(0);
    expect(binaryCrossEntropy(1, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(binaryCrossEntropy(0, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  test('tiny probabilities keep their digits: log1p(−q)', () => {
    expectClose(binaryCrossEntropy(1, 1e-300), 300 * Math.LN10); // −ln 1e-300
    expectClose(binaryCrossEntropy(0, 1e-300), 1e-300); // −log(1 − 1e-300) = 1e-300
    expectClose(binaryCrossEntropy(0, 1 - 2 ** -53), 53 * Math.LN2); // −ln 2⁻⁵³
  });

  test('soft targets and the gradient −t/q + (1 − t)/(1 − q)', () => {
    expectClose(binaryCrossEntropy(0.5, 0.5), Math.LN2);
    expectClose(binaryCrossEntropy.valueAndGrad(0.25, 0.5).grad, -0.5 + 1.5, 1e-15);
  });

  test('epsilon clips to [ε, 1 − ε]; the clipped prediction has gradient 0', () => {
    expectClose(binaryCrossEntropy(1, 0, { epsilon: 0.25 }), -Math.log(0.25));
    expect(binaryCrossEntropy.valueAndGrad(1, 0, { epsilon: 0.25 }).grad).toBe(0);
  });
});
