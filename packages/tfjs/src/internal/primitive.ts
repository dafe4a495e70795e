import * as tf from '@tensorflow/tfjs-core';
import type { TensorInput } from '../types';
import { asFloat, toTensor } from './convert';
import { describe, fail } from './errors';
import { moveAxisLast, negLogSoftmaxParts, sigmoid, softplus, sumLast } from './math';
import { normalizeAxis } from './options';

/** Reads the `{ axis }` options of a primitive (no other option is taken). */
export function primitiveAxis(fn: string, options: unknown, takesAxis: boolean): number {
  if (options === undefined) return -1;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail('INVALID_OPTION', fn, 'options', 'an object', describe(options));
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (o[key] === undefined) continue;
    if (key !== 'axis' || !takesAxis) {
      fail(
        'INVALID_OPTION',
        fn,
        key,
        takesAxis ? "'axis', the only option it takes" : 'absent (it takes no options)',
        describe(o[key]),
      );
    }
  }
  const axis = o.axis ?? -1;
  if (typeof axis !== 'number' || !Number.isInteger(axis))
    fail('INVALID_OPTION', fn, 'axis', 'an integer', describe(axis));
  return axis as number;
}

type RowOp = 'logSumExp' | 'logSoftmax' | 'softmax';

/** logSumExp / logSoftmax / softmax along an axis, with analytic gradients. */
export function rowPrimitive(op: RowOp, x: TensorInput, options: unknown): tf.Tensor {
  const axisOpt = primitiveAxis(op, options, true);
  return tf.tidy(() => {
    const xt = asFloat(toTensor(op, 'x', x));
    if (xt.rank < 1) fail('SHAPE_MISMATCH', op, 'x', 'of rank ≥ 1 (a class axis)', 'a scalar');
    const axis = normalizeAxis(op, axisOpt, xt.rank);
    const f = tf.customGrad((...args: unknown[]) => {
      const save = args[1] as (t: tf.Tensor[]) => void;
      const { moved, inverse } = moveAxisLast(args[0] as tf.Tensor, axis);
      const back = (t: tf.Tensor) => (inverse === null ? t : tf.transpose(t, inverse));
      const { negLogQ, lseShifted, max } = negLogSoftmaxParts(moved);
      const q = tf.exp(tf.neg(negLogQ));
      save([back(q)]);
      let value: tf.Tensor;
      if (op === 'logSumExp') {
        // log Σ over an empty row, or over a row of only −∞, is log 0 = −∞ (the shifted sum there is 0/0)
        const lse = tf.add(max, lseShifted);
        const none =
          moved.shape[moved.rank - 1] === 0
            ? tf.fill(lse.shape, Number.NEGATIVE_INFINITY)
            : tf.where(
                tf.equal(max, Number.NEGATIVE_INFINITY),
                tf.fill(lse.shape, Number.NEGATIVE_INFINITY),
                lse,
              );
        value = tf.squeeze(none, [-1]);
      } else if (op === 'logSoftmax') value = back(tf.neg(negLogQ));
      else value = back(q);
      return {
        value,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const qs = saved[0]!;
          if (op === 'logSumExp') return [tf.mul(tf.expandDims(dy, axis), qs)];
          const dyl = moveAxisLast(dy, axis).moved;
          const ql = moveAxisLast(qs, axis).moved;
          if (op === 'logSoftmax') return [back(tf.sub(dyl, tf.mul(ql, sumLast(dyl, true))))];
          return [back(tf.mul(ql, tf.sub(dyl, sumLast(tf.mul(dyl, ql), true))))];
        },
      };
    });
    return f(xt);
  });
}

/** logSigmoid / sigmoid element-wise, with analytic gradients. */
export function elementPrimitive(op: 'logSigmoid' | 'sigmoid', x: TensorInput, options: unknown): tf.Tensor {
  primitiveAxis(op, options, false);
  return tf.tidy(() => {
    const xt = asFloat(toTensor(op, 'x', x));
    const f = tf.customGrad((...args: unknown[]) => {
      const xs = args[0] as tf.Tensor;
      const save = args[1] as (t: tf.Tensor[]) => void;
      const sNeg = sigmoid(tf.neg(xs));
      const sPos = sigmoid(xs);
      save([sNeg, sPos]);
      const value = op === 'logSigmoid' ? tf.neg(softplus(tf.neg(xs))) : sPos;
      return {
        value,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const [sn, sp] = saved as [tf.Tensor, tf.Tensor];
          return [op === 'logSigmoid' ? tf.mul(dy, sn) : tf.mul(dy, tf.mul(sp, sn))];
        },
      };
    });
    return f(xt);
  });
}
