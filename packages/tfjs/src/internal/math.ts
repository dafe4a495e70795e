import * as tf from '@tensorflow/tfjs-core';

/**
 * Float32 building blocks shared by the losses. Each is a composite of primitive tf ops, so that it runs on
 * every backend; the forms are chosen so that no step cancels or overflows in float32.
 */

/** Elements per partial sum. A float32 running sum over B terms errs by at most (B − 1) ulps per level. */
const BLOCK = 16;

/**
 * Whether the active backend's Sum kernel accumulates in float64. The cpu backend sums float32 data in JS
 * numbers (doubles); others (wasm, webgl, webgpu) sum in float32 and get the blocked form.
 */
function sumsInDouble(): boolean {
  return tf.getBackend() === 'cpu';
}

/**
 * Σ over the last axis, accurate in float32 at every length: the axis is split into blocks of 16 that are
 * summed separately and then combined the same way (a 16-ary tree, error O(16 · log₁₆ n) ulps rather than
 * O(n) for a sequential float32 sum).
 */
export function sumLast(x: tf.Tensor, keepDims = false): tf.Tensor {
  const n = x.shape[x.rank - 1]!;
  if (n <= BLOCK || sumsInDouble()) return tf.sum(x, -1, keepDims);
  const lead = x.shape.slice(0, -1);
  const blocks = Math.ceil(n / BLOCK);
  const padded =
    blocks * BLOCK === n
      ? x
      : tf.pad(
          x,
          x.shape.map((_, i) => (i === x.rank - 1 ? [0, blocks * BLOCK - n] : [0, 0]) as [number, number]),
        );
  const partial = tf.sum(tf.reshape(padded, [...lead, blocks, BLOCK]), -1);
  return sumLast(partial, keepDims);
}

/** Σ of every element (a scalar), accurate in float32 at every size. */
export function sumAll(x: tf.Tensor): tf.Tensor {
  if (x.rank === 0) return x;
  return sumLast(tf.reshape(x, [-1]));
}

/** where(cond, 0, x) without materialising a zero tensor per call site. */
export function zeroWhere(cond: tf.Tensor, x: tf.Tensor): tf.Tensor {
  return tf.where(cond, tf.zerosLike(x), x);
}

/** a · b, but exactly 0 where a = 0 (so 0 · ∞ = 0 and 0 · NaN = 0, as 0 log 0 = 0 requires). */
export function mulNoNan(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const prod = tf.mul(a, b);
  return zeroWhere(tf.equal(tf.broadcastTo(a, prod.shape), 0), prod);
}

/**
 * log(1 + y) for y ≥ −1, accurate for tiny y on every backend. The cpu backend's Log1p is `Math.log1p`; the
 * wasm backend computes log(1 + y) (1e-10 gives 0), so elsewhere the rounding of u = 1 + y is corrected to
 * first order: log1p(y) = log(u) + (y − (u − 1)) / u, whose correction term is the exact rounding error of u
 * (Sterbenz), so the result keeps full float32 precision, and equals y where u rounds to 1; y = −1 gives −∞.
 */
export function log1p(y: tf.Tensor): tf.Tensor {
  if (sumsInDouble()) return tf.log1p(y);
  const u = tf.add(1, y);
  return tf.add(tf.log(u), tf.divNoNan(tf.sub(y, tf.sub(u, 1)), u)); // y = −1: log 0 = −∞
}

/** softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^(−|x|)): no overflow, no loss for x ≪ 0. */
export function softplus(x: tf.Tensor): tf.Tensor {
  return tf.add(tf.relu(x), log1p(tf.exp(tf.neg(tf.abs(x)))));
}

/** σ(x) = 1 / (1 + e^(−x)) for x ≥ 0 and eˣ / (1 + eˣ) below, so that neither form overflows. */
export function sigmoid(x: tf.Tensor): tf.Tensor {
  const e = tf.exp(tf.neg(tf.abs(x)));
  const onePlus = tf.add(1, e);
  return tf.where(tf.greaterEqual(x, 0), tf.div(1, onePlus), tf.div(e, onePlus));
}

/**
 * The pieces of a row-wise log-softmax along the last axis, kept separate for accuracy:
 * `L = (m − x) + log Σ exp(x − m)` = −log softmax(x), with m the row maximum. The difference m − x is exact
 * for the maximum (0) and the log-sum term lies in [0, log C], so L keeps its relative precision down to
 * the smallest float32 losses instead of cancelling in `x − logSumExp(x)`; the log-sum term is formed with
 * log1p so that the maximum's 1 is not added to the other, small, terms before the log.
 * Several +∞ logits share the probability (their m − x is taken as 0); a row of only −∞ gives NaN; a NaN
 * logit makes its row NaN.
 */
export function negLogSoftmaxParts(x: tf.Tensor): {
  negLogQ: tf.Tensor;
  lseShifted: tf.Tensor;
  max: tf.Tensor;
} {
  const max = tf.max(x, -1, true);
  const d = zeroWhere(tf.equal(x, Number.POSITIVE_INFINITY), tf.sub(max, x));
  // log Σ exp(−d) = log1p(Σ_{d>0} exp(−d) + (k − 1)), k the number of maxima: the 1 of the maximum is never
  // added to small terms, so a loss of 1e-4 keeps all its digits (log(1.0001) in float32 keeps 3).
  const e = tf.exp(tf.neg(d));
  const isMax = tf.equal(d, 0);
  const rest = tf.add(
    sumLast(zeroWhere(isMax, e), true),
    tf.sub(sumLast(tf.cast(isMax, 'float32'), true), 1),
  );
  const lseShifted = log1p(rest);
  return { negLogQ: tf.add(d, lseShifted), lseShifted, max };
}

/** The nearest float32 numbers to ε and 1 − ε (SPEC.md: the clip bounds in `@xent/tfjs`). */
export function clipBounds(epsilon: number): [number, number] {
  return [Math.fround(epsilon), Math.fround(1 - epsilon)];
}

/** The permutation that moves `axis` of a rank-`rank` tensor to the end and its inverse (null: no move). */
export function axisLastPermutation(
  rank: number,
  axis: number,
): { perm: number[]; inverse: number[] } | null {
  if (axis === rank - 1) return null;
  const perm = [...Array(rank).keys()].filter((i) => i !== axis);
  perm.push(axis);
  const inverse = new Array<number>(rank);
  perm.forEach((p, i) => {
    inverse[p] = i;
  });
  return { perm, inverse };
}

/** Moves `axis` of x to the end; returns the permuted tensor and the inverse permutation (null: no move). */
export function moveAxisLast(x: tf.Tensor, axis: number): { moved: tf.Tensor; inverse: number[] | null } {
  const p = axisLastPermutation(x.rank, axis);
  return p === null ? { moved: x, inverse: null } : { moved: tf.transpose(x, p.perm), inverse: p.inverse };
}
