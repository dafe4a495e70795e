/** softmaxCrossEntropy: special values and option semantics of SPEC, on closed forms named per line. */
import { describe, expect, test } from 'vitest';
import { expectClose } from '../test/helpers';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';

const INF = Number.POSITIVE_INFINITY;
const LN2 = Math.LN2;

describe('softmaxCrossEntropy', () => {
  test('several +∞ logits share the probability; −∞ non-target logits give no NaN; a row of −∞ is NaN', () => {
    expectClose(softmaxCrossEntropy(0, [INF, INF, 0]), LN2); // q = 1/2
    expect(softmaxCrossEntropy(2, [INF, INF, 0])).toBe(INF); // q = 0 for the target
    expect(softmaxCrossEntropy(0, [0, -INF, -INF])).toBe(0); // q = 1
    expect(softmaxCrossEntropy(0, [-INF, -INF])).toBeNaN();
    // distributions: a zero target term is skipped even against −∞ (0 · log 0 = 0)
    expectClose(softmaxCrossEntropy([0.5, 0.5, 0], [0, 0, -INF]), LN2);
  });

  test('huge logits keep their differences: [1e300, 1e300 − ...] ties cost ln 2; [1e4, 0] costs 1e4', () => {
    expectClose(softmaxCrossEntropy(0, [1e300, 1e300]), LN2);
    expectClose(softmaxCrossEntropy(1, [1e4, 0]), 1e4); // log(e^1e4 + 1) − 0 = 1e4 + e^−1e4
  });

  test('a NaN logit makes its row NaN, unless the row has weight 0 or is ignored', () => {
    const x = [
      [Number.NaN, 0],
      [0, 0],
    ];
    expect(softmaxCrossEntropy([1, 0], x)).toBeNaN();
    expectClose(softmaxCrossEntropy([1, 0], x, { weights: [0, 1] }), LN2);
    expectClose(softmaxCrossEntropy([-1, 0], x, { ignoreIndex: -1 }), LN2);
  });

  test('label smoothing: t′ = (1 − ε) t + ε / C', () => {
    // logits [ln 3, 0]: q = [3/4, 1/4]; ε = 0.2, C = 2: t′ = [0.9, 0.1]
    const v = softmaxCrossEntropy(0, [Math.log(3), 0], { labelSmoothing: 0.2 });
    expectClose(v, -(0.9 * Math.log(0.75) + 0.1 * Math.log(0.25)), 1e-15);
  });

  test('gradient: (softmax(x) − t′) scaled by the reduction', () => {
    // logits [ln 3, 0], label 0: softmax − one-hot = [−1/4, 1/4]
    const { grad } = softmaxCrossEntropy.valueAndGrad(0, [Math.log(3), 0]);
    expectClose(grad, [-0.25, 0.25], 1e-15);
    const sum = softmaxCrossEntropy.valueAndGrad(
      [0, 0],
      [
        [Math.log(3), 0],
        [Math.log(3), 0],
      ],
      { reduction: 'sum' },
    ).grad;
    expectClose(
      sum,
      [
        [-0.25, 0.25],
        [-0.25, 0.25],
      ],
      1e-15,
    );
  });
});
