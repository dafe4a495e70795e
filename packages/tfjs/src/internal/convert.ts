import * as tf from '@tensorflow/tfjs-core';
import type { TensorInput } from '../types';
import { describe, fail, shapeText } from './errors';

/**
 * Turns a tensor or TensorLike into a tensor without copying tensors the caller owns. Call inside `tf.tidy`:
 * tensors created here are released with the scope. Strings, ragged arrays and non-numeric entries are
 * INVALID_INPUT.
 */
export function toTensor(fn: string, argument: string, value: TensorInput | unknown): tf.Tensor {
  if (value instanceof tf.Tensor) {
    if (value.isDisposed)
      fail('INVALID_INPUT', fn, argument, 'a tensor that is not disposed', 'a disposed tensor');
    if (value.dtype === 'string' || value.dtype === 'complex64') {
      fail('INVALID_INPUT', fn, argument, 'a numeric tensor or array', describe(value));
    }
    return value;
  }
  if (typeof value === 'number' || ArrayBuffer.isView(value) || Array.isArray(value)) {
    if (Array.isArray(value)) checkNested(fn, argument, value);
    let t: tf.Tensor;
    try {
      t = tf.tensor(value as tf.TensorLike, undefined, 'float32');
    } catch {
      return fail(
        'INVALID_INPUT',
        fn,
        argument,
        'a numeric tensor or a rectangular numeric array',
        describe(value),
      );
    }
    return t;
  }
  return fail(
    'INVALID_INPUT',
    fn,
    argument,
    'a tensor, a number or a numeric (nested or typed) array',
    describe(value),
  );
}

/** Rejects ragged nested arrays and non-numeric entries (tf.tensor would coerce or flatten some of them). */
function checkNested(fn: string, argument: string, value: unknown[]): void {
  const shape: number[] = [];
  let probe: unknown = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const walk = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof v !== 'number' && typeof v !== 'boolean') {
        fail('INVALID_INPUT', fn, argument, 'an array of numbers', `an entry ${describe(v)}`);
      }
      return;
    }
    if (!Array.isArray(v) && !ArrayBuffer.isView(v)) {
      fail(
        'INVALID_INPUT',
        fn,
        argument,
        'a rectangular (not ragged) array',
        `an entry ${describe(v)} at depth ${depth}`,
      );
    }
    const arr = v as ArrayLike<unknown>;
    if (arr.length !== shape[depth]) {
      fail(
        'INVALID_INPUT',
        fn,
        argument,
        'a rectangular (not ragged) array',
        `rows of lengths ${shape[depth]} and ${arr.length}`,
      );
    }
    for (let i = 0; i < arr.length; i++) walk(arr[i], depth + 1);
  };
  walk(value, 0);
}

/** A float32 view of `t` (a cast only when the dtype differs). */
export function asFloat(t: tf.Tensor): tf.Tensor {
  return t.dtype === 'float32' ? t : tf.cast(t, 'float32');
}

/** True when `from` broadcasts to exactly `to` by NumPy's rules (right-aligned, each dim equal or 1). */
export function broadcastsTo(from: readonly number[], to: readonly number[]): boolean {
  if (from.length > to.length) return false;
  const off = to.length - from.length;
  for (let i = 0; i < from.length; i++) {
    const d = from[i]!;
    if (d !== 1 && d !== to[i + off]) return false;
  }
  return true;
}

/**
 * Converts a weight-like option (sample weights, posWeight) to a float32 tensor broadcast to `shape`,
 * checking that every entry is finite and ≥ 0 (INVALID_INPUT) and that it broadcasts (SHAPE_MISMATCH).
 */
export function weightTensor(
  fn: string,
  argument: string,
  value: TensorInput | number,
  shape: readonly number[],
  targetName: string,
): tf.Tensor {
  const t = asFloat(toTensor(fn, argument, value));
  if (!broadcastsTo(t.shape, shape)) {
    fail(
      'SHAPE_MISMATCH',
      fn,
      argument,
      `broadcastable (NumPy rules) to the ${targetName} shape ${shapeText(shape)}`,
      `shape ${shapeText(t.shape)}`,
    );
  }
  checkNonNegative(fn, argument, t.dataSync());
  return t;
}

/** INVALID_INPUT unless every entry is finite and ≥ 0. */
export function checkNonNegative(fn: string, argument: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) {
      fail('INVALID_INPUT', fn, argument, 'finite and ≥ 0 everywhere', `${describe(v)} at flat index ${i}`);
    }
  }
}

/** A per-class vector option (classWeights, per-class α) as a float32 tensor of length `classes`. */
export function classVector(
  fn: string,
  argument: string,
  value: TensorInput,
  classes: number,
  code: 'INVALID_INPUT' | 'INVALID_OPTION',
): tf.Tensor {
  const t = asFloat(toTensor(fn, argument, value));
  if (t.rank !== 1 || t.shape[0] !== classes) {
    fail(
      'SHAPE_MISMATCH',
      fn,
      argument,
      `one value per class (length ${classes})`,
      `shape ${shapeText(t.shape)}`,
    );
  }
  const data = t.dataSync();
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) {
      fail(code, fn, argument, 'finite and ≥ 0 for every class', `${describe(v)} for class ${i}`);
    }
  }
  return t;
}
