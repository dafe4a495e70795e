import { describeValue, fail, formatShape } from './errors';

/**
 * A row-major tensor as core sees it: flat numbers and a shape (`[]` for a scalar). Core never mutates
 * `data`.
 */
export interface TensorView {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
}

/** What core accepts for an array-valued option: a scalar, flat numbers (rank 1) or a view. */
export type ViewLike = number | ArrayLike<number> | TensorView;

/**
 * The number of elements of a shape (1 for `[]`).
 * @example
 * ```ts
 * sizeOf([2, 3, 4]); // 24
 * ```
 */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i] as number;
  return n;
}

/**
 * True for a `{ data, shape }` object.
 * @example
 * ```ts
 * isTensorView({ data: [1], shape: [1] }); // true
 * isTensorView([1]); // false
 * ```
 */
export function isTensorView(value: unknown): value is TensorView {
  return (
    typeof value === 'object' &&
    value !== null &&
    'data' in value &&
    'shape' in value &&
    Array.isArray((value as { shape: unknown }).shape)
  );
}

/**
 * Checks that a view is well formed: a shape of non-negative integers whose product is the data length.
 * @throws XentError `INVALID_INPUT` otherwise.
 * @example
 * ```ts
 * checkView('f', 'x', { data: [1, 2], shape: [3] }); // throws INVALID_INPUT
 * ```
 */
export function checkView(fn: string, argument: string, view: unknown): TensorView {
  if (!isTensorView(view)) {
    return fail('INVALID_INPUT', fn, argument, 'a { data, shape } view of numbers', describeValue(view));
  }
  const { data, shape } = view;
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      fail('INVALID_INPUT', fn, argument, 'a shape of non-negative integers', `shape ${formatShape(shape)}`);
    }
  }
  if (typeof data !== 'object' || data === null || typeof data.length !== 'number') {
    fail('INVALID_INPUT', fn, argument, 'numbers in `data`', describeValue(data));
  }
  if (data.length !== sizeOf(shape)) {
    fail(
      'INVALID_INPUT',
      fn,
      argument,
      `${sizeOf(shape)} numbers for shape ${formatShape(shape)}`,
      `${data.length} numbers`,
    );
  }
  return view;
}

/**
 * Turns an option value (scalar, flat numbers or view) into a checked view.
 * @throws XentError `INVALID_INPUT` for anything else, and for non-numeric entries.
 * @example
 * ```ts
 * optionView('f', 'weights', [1, 2]).shape; // [2]
 * ```
 */
export function optionView(fn: string, argument: string, value: unknown): TensorView {
  let view: TensorView;
  if (typeof value === 'number') view = { data: [value], shape: [] };
  else if (isTensorView(value)) view = checkView(fn, argument, value);
  else if (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    !(value instanceof DataView) &&
    typeof (value as ArrayLike<number>).length === 'number'
  ) {
    const flat = value as ArrayLike<number>;
    view = { data: flat, shape: [flat.length] };
  } else {
    return fail(
      'INVALID_INPUT',
      fn,
      argument,
      'a number, an array of numbers or a { data, shape } view',
      describeValue(value),
    );
  }
  const d = view.data;
  for (let i = 0; i < d.length; i++) {
    if (typeof d[i] !== 'number') {
      fail('INVALID_INPUT', fn, argument, 'numbers', `${describeValue(d[i])} at index ${i}`);
    }
  }
  return view;
}
