/** The five stable primitives over arrays: values at the extremes and the kinds returned (closed forms). */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { logSigmoid } from './logSigmoid';
import { logSoftmax } from './logSoftmax';
import { logSumExp } from './logSumExp';
import { sigmoid } from './sigmoid';
import { softmax } from './softmax';

describe('primitives', () => {
  test('logSumExp along an axis; a rank-1 input gives a number', () => {
    expectClose(logSumExp([Math.log(1), Math.log(3)]), Math.log(4), 1e-15);
    expectClose(
      logSumExp(
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        { axis: 0 },
      ),
      [Math.log(3), Math.log(3)],
      1e-15,
    );
    expect(logSumExp([1e308, 1e308])).toBe(1e308); // 1e308 + ln 2 rounds to 1e308, no overflow
  });

  test('softmax and logSoftmax agree and sum to 1', () => {
    const x = [[1000, 1000, -1000]];
    expectClose(softmax(x), [[0.5, 0.5, 0]]);
    expectClose(logSoftmax(x), [[-Math.LN2, -Math.LN2, -2000 - Math.LN2]]);
  });

  test('sigmoid and logSigmoid without overflow or lost tails', () => {
    expect(sigmoid(1000)).toBe(1);
    expectClose(sigmoid(-700), Math.exp(-700) / (1 + Math.exp(-700)));
    expectClose(logSigmoid(40), -Math.log1p(Math.exp(-40)), 1e-15);
    expect(() => sigmoid(0, { axis: 0 } as never)).toThrow();
  });
});
