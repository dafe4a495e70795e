import fc from 'fast-check';

/** The fixed seed of every property (SPEC: properties are reproducible). */
export const SEED = 20261203;

/** A batch for the softmax family: n rows of C logits, labels, distributions, weights. */
export interface Batch {
  readonly n: number;
  readonly C: number;
  readonly logits: number[][];
  readonly labels: number[];
  /** random distributions (rows summing to 1) */
  readonly dist: number[][];
  /** per-row sample weights in [0, 3] */
  readonly weights: number[];
  readonly classWeights: number[];
}

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Rows of positive numbers divided by their sum: distributions that sum to 1 to rounding. */
export function normalise(rows: readonly (readonly number[])[]): number[][] {
  return rows.map((r) => {
    const s = r.reduce((a, b) => a + b, 0);
    return r.map((v) => v / s);
  });
}

/** softmax of each row, in float64 (for building probability inputs of the categorical family). */
export function softmaxRows(rows: readonly (readonly number[])[]): number[][] {
  return rows.map((r) => {
    const m = Math.max(...r);
    const e = r.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

export function batch(opts: { maxN?: number; maxC?: number; scale?: number } = {}): fc.Arbitrary<Batch> {
  const maxN = opts.maxN ?? 4;
  const maxC = opts.maxC ?? 5;
  const scale = opts.scale ?? 8;
  return fc
    .record({ n: fc.integer({ min: 1, max: maxN }), C: fc.integer({ min: 2, max: maxC }) })
    .chain(({ n, C }) =>
      fc.record({
        n: fc.constant(n),
        C: fc.constant(C),
        logits: fc.array(fc.array(finite(-scale, scale), { minLength: C, maxLength: C }), {
          minLength: n,
          maxLength: n,
        }),
        labels: fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: n, maxLength: n }),
        dist: fc
          .array(fc.array(finite(0.01, 1), { minLength: C, maxLength: C }), { minLength: n, maxLength: n })
          .map(normalise),
        weights: fc.array(fc.oneof(fc.constant(0), finite(0.1, 3)), { minLength: n, maxLength: n }),
        classWeights: fc.array(finite(0.1, 3), { minLength: C, maxLength: C }),
      }),
    );
}

/** Binary data: logits, probabilities in [0.02, 0.98], soft targets in [0, 1], shape [n, L]. */
export interface BinaryBatch {
  readonly logits: number[][];
  readonly probabilities: number[][];
  readonly targets: number[][];
  readonly weights: number[][];
}

export function binaryBatch(): fc.Arbitrary<BinaryBatch> {
  return fc
    .record({ n: fc.integer({ min: 1, max: 4 }), L: fc.integer({ min: 1, max: 3 }) })
    .chain(({ n, L }) => {
      const grid = (a: fc.Arbitrary<number>) =>
        fc.array(fc.array(a, { minLength: L, maxLength: L }), { minLength: n, maxLength: n });
      return fc.record({
        logits: grid(finite(-10, 10)),
        probabilities: grid(finite(0.02, 0.98)),
        targets: grid(fc.oneof(fc.constantFrom(0, 1), finite(0, 1))),
        weights: grid(finite(0.1, 3)),
      });
    });
}

/** One-hot rows of C classes for the given labels. */
export function oneHot(labels: readonly number[], C: number): number[][] {
  return labels.map((y) => Array.from({ length: C }, (_, c) => (c === y ? 1 : 0)));
}
