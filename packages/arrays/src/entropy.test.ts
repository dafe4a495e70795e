/** entropy: H(p) = −Σ p log p along the class axis (closed forms). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { entropy } from './entropy';

describe('entropy', () => {
  test('one-hot is 0, uniform over C is ln C, bits with base 2', () => {
    expect(entropy([0, 1, 0])).toBe(0);
    expectClose(entropy([0.25, 0.25, 0.25, 0.25]), Math.log(4), 1e-15);
    expectClose(entropy([0.25, 0.25, 0.25, 0.25], { base: 2 }), 2, 1e-15);
  });

  test('per position with none; class axis 0; weights', () => {
    expect(
      entropy(
        [
          [1, 0],
          [0.5, 0.5],
        ],
        { reduction: 'none' },
      ),
    ).toEqual([0, Math.LN2]);
    expectClose(
      entropy(
        [
          [1, 0.5],
          [0, 0.5],
        ],
        { axis: 0, reduction: 'sum' },
      ),
      Math.LN2,
      1e-15,
    );
    expectClose(
      entropy(
        [
          [1, 0],
          [0.5, 0.5],
        ],
        { weights: [3, 1] },
      ),
      Math.LN2 / 4,
      1e-15,
    );
  });
});
