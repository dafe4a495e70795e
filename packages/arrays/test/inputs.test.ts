/**
 * Input kinds and output kinds: a bare number, number[], nested arrays of rank 1–4, typed arrays and
 * `{ data, shape }` views give the same numbers; 'none', gradients and primitives come back in the kind
 * that came in; inputs are never mutated; the class axis may sit first, in the middle or last.
 * Expected values are identities between kinds and layouts, or closed forms named in comments.
 */
import { describe, expect, test } from 'vitest';
import {
  binaryCrossEntropy,
  categoricalCrossEntropy,
  klDivergence,
  logSoftmax,
  logSumExp,
  sigmoid,
  sigmoidCrossEntropy,
  softmax,
  softmaxCrossEntropy,
  softmaxFocalLoss,
} from '../src/index';
import { expectClose } from './helpers';

/** Moves axis `from` of a [A, B, C] nested array to the last position (plain transposition). */
function moveAxisToEnd(x: number[][][], from: 0 | 1): number[][][] {
  const [A, B, C] = [x.length, (x[0] as number[][]).length, ((x[0] as number[][])[0] as number[]).length];
  const at = (a: number, b: number, c: number) => ((x[a] as number[][])[b] as number[])[c] as number;
  if (from === 1)
    return Array.from({ length: A }, (_, a) =>
      Array.from({ length: C }, (_, c) => Array.from({ length: B }, (_, b) => at(a, b, c))),
    );
  return Array.from({ length: B }, (_, b) =>
    Array.from({ length: C }, (_, c) => Array.from({ length: A }, (_, a) => at(a, b, c))),
  );
}

const X3 = [
  [
    [0.3, -1.2, 2.5, 0],
    [1.1, 0.4, -0.7, 3],
    [-2, 0.9, 0.2, 1.5],
  ],
  [
    [2.2, -0.3, 0.6, -1],
    [0.5, 1.7, -1.4, 0.8],
    [1.3, -0.6, 2.1, 0.1],
  ],
]; // [2, 3, 4]

describe('the class axis first, middle and last', () => {
  test('axis 1 of [2, 3, 4] equals the transposed input with axis -1 (labels and distributions)', () => {
    const labels = [
      [0, 2, 1, 1],
      [2, 2, 0, 1],
    ]; // positions [2, 4]
    const moved = moveAxisToEnd(X3, 1); // [2, 4, 3]
    expectClose(softmaxCrossEntropy(labels, X3, { axis: 1 }), softmaxCrossEntropy(labels, moved));
    expectClose(
      softmaxFocalLoss(labels, X3, { axis: -2, reduction: 'none' }),
      softmaxFocalLoss(labels, moved, { reduction: 'none' }),
    );
  });
  test('axis 0 of [2, 3, 4] equals the transposed input with axis -1', () => {
    const labels = [
      [0, 1, 1, 0],
      [1, 0, 1, 1],
      [0, 0, 1, 0],
    ]; // positions [3, 4]
    expectClose(
      softmaxCrossEntropy(labels, X3, { axis: 0 }),
      softmaxCrossEntropy(labels, moveAxisToEnd(X3, 0)),
    );
    const s = softmax(X3, { axis: 0 }) as number[][][];
    expectClose(klDivergence(s, s, { axis: 0 }), 0, 1e-12);
  });
  test('ranks 1 to 4: equal logits over C classes cost ln C everywhere (closed form)', () => {
    const zeros = (shape: number[]): unknown =>
      shape.length === 0 ? 0 : Array.from({ length: shape[0] as number }, () => zeros(shape.slice(1)));
    for (const shape of [[5], [2, 5], [2, 3, 5], [2, 1, 3, 5]]) {
      const labelShape = shape.slice(0, -1);
      const labels = labelShape.length === 0 ? 4 : (zeros(labelShape) as number[]);
      expectClose(
        softmaxCrossEntropy(labels, zeros(shape) as number[]),
        Math.log(5),
        1e-15,
        `shape [${shape}]`,
      );
      const lse = logSumExp(zeros(shape) as number[]);
      const values = typeof lse === 'number' ? [lse] : (lse as unknown[]).flat(3);
      expect(values.length).toBe(labelShape.reduce((a, b) => a * b, 1));
      for (const v of values) expectClose(v, Math.log(5), 1e-15, `logSumExp shape [${shape}]`);
    }
  });
});

describe('input kinds', () => {
  const t = [
    [1, 0, 1],
    [0, 0, 1],
  ];
  const q = [
    [0.9, 0.2, 0.6],
    [0.3, 0.01, 0.99],
  ];
  const flat = (a: number[][]) => a.flat();

  test('nested, typed (Float32/Float64/Uint8) views and flat views give one value', () => {
    const nested = binaryCrossEntropy(t, q);
    const view = binaryCrossEntropy(
      { data: flat(t), shape: [2, 3] },
      { data: new Float64Array(flat(q)), shape: [2, 3] },
    );
    const typed = binaryCrossEntropy(
      { data: new Uint8Array(flat(t)), shape: [2, 3] },
      { data: new Float64Array(flat(q)), shape: [2, 3] },
    );
    expect(view).toBe(nested);
    expect(typed).toBe(nested);
    // a bare typed array is rank 1
    expect(binaryCrossEntropy(new Float64Array([1, 0]), new Float64Array([0.9, 0.3]))).toBe(
      binaryCrossEntropy([1, 0], [0.9, 0.3]),
    );
    // Float32 data is read as the float32 numbers it holds
    const f32 = new Float32Array(flat(q));
    expect(binaryCrossEntropy({ data: flat(t), shape: [2, 3] }, { data: f32, shape: [2, 3] })).toBe(
      binaryCrossEntropy(flat(t), Array.from(f32)),
    );
    // integer labels in an Int32Array
    expect(
      softmaxCrossEntropy(new Int32Array([0, 2]), X3[0]?.slice(0, 2).map((r) => r.slice(0, 3)) as number[][]),
    ).toBe(softmaxCrossEntropy([0, 2], X3[0]?.slice(0, 2).map((r) => r.slice(0, 3)) as number[][]));
  });

  test("reduction 'none' returns the kind of the predictions", () => {
    const nested = binaryCrossEntropy(t, q, { reduction: 'none' }) as number[][];
    expect(Array.isArray(nested) && Array.isArray(nested[0])).toBe(true);
    const view = binaryCrossEntropy(
      t,
      { data: new Float32Array(flat(q)), shape: [2, 3] },
      { reduction: 'none' },
    );
    expect(view).toMatchObject({ shape: [2, 3] });
    expect((view as { data: unknown }).data).toBeInstanceOf(Float64Array);
    // a rank-1 multi-class input is one sample: a number
    expect(typeof softmaxCrossEntropy(1, [0.2, 0.3], { reduction: 'none' })).toBe('number');
    expect(typeof sigmoidCrossEntropy(1, 0.2, { reduction: 'none' })).toBe('number');
    // per-position values sum to the 'sum' reduction
    expectClose(
      nested.flat().reduce((a, b) => a + b, 0),
      binaryCrossEntropy(t, q, { reduction: 'sum' }),
      1e-15,
    );
  });

  test('gradients come back float64 in the kind of the predictions', () => {
    const g1 = categoricalCrossEntropy.valueAndGrad(
      [0, 1],
      [
        [0.5, 0.5],
        [0.2, 0.8],
      ],
    ).grad;
    // mean of −ln q_y over 2 samples: ∂/∂q_y = −1/(2 q_y), 0 elsewhere (closed form)
    expectClose(
      g1,
      [
        [-1 / (2 * 0.5), 0],
        [0, -1 / (2 * 0.8)],
      ],
      1e-15,
    );
    const g2 = categoricalCrossEntropy.valueAndGrad(
      { data: [0, 1], shape: [2] },
      { data: new Float32Array([0.5, 0.5, 0.25, 0.75]), shape: [2, 2] },
    ).grad as {
      data: Float64Array;
      shape: number[];
    };
    expect(g2.data).toBeInstanceOf(Float64Array);
    expect(g2.shape).toEqual([2, 2]);
    expectClose(Array.from(g2.data), [-1, 0, 0, -1 / (2 * 0.75)], 1e-15);
    expect(typeof sigmoidCrossEntropy.valueAndGrad(1, 0).grad).toBe('number');
  });

  test('primitives keep the kind: number, nested, view', () => {
    expect(sigmoid(0)).toBe(0.5);
    expectClose(sigmoid([0, 0]), [0.5, 0.5]);
    const v = logSoftmax({ data: new Float32Array([0, 0]), shape: [2] }) as {
      data: Float64Array;
      shape: number[];
    };
    expect(v.data).toBeInstanceOf(Float64Array);
    expectClose(Array.from(v.data), [-Math.LN2, -Math.LN2]);
    expect(logSumExp([0, 0])).toBeCloseTo(Math.LN2, 15);
  });

  test('inputs and options are never mutated', () => {
    const tt = structuredClone(t);
    const qq = structuredClone(q);
    const w = [2, 0.5];
    const f64 = new Float64Array(flat(q));
    binaryCrossEntropy.valueAndGrad(tt, qq, {
      weights: [[2], [0.5]],
      posWeight: [1, 2, 3],
      labelSmoothing: 0.1,
      epsilon: 1e-3,
    });
    binaryCrossEntropy(flat(t), f64, { reduction: 'none' });
    softmaxCrossEntropy.valueAndGrad([0, 1], X3[0]?.slice(0, 2) as number[][], {
      weights: w,
      classWeights: [1, 2, 3, 4],
      labelSmoothing: 0.2,
    });
    softmax(qq);
    expect(tt).toEqual(t);
    expect(qq).toEqual(q);
    expect(w).toEqual([2, 0.5]);
    expect(Array.from(f64)).toEqual(flat(q));
  });
});
