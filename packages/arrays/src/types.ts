/**
 * The input and output kinds of @xent/arrays.
 */

/** Nested arrays of numbers of any rank (`[[0.2, 0.8], [0.9, 0.1]]`); every level must be rectangular. */
export type NestedNumbers = readonly (number | NestedNumbers)[];

/** The typed arrays accepted as rank-1 input (BigInt arrays are not numbers). */
export type NumericTypedArray =
  | Float64Array
  | Float32Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

/** Flat row-major numbers with a shape (`shape: []` for a scalar). */
export interface ArrayView {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
}

/**
 * What the functions accept for targets, predictions and array-valued options: a bare number (rank 0),
 * nested arrays, a typed array (rank 1) or a `{ data, shape }` view.
 */
export type ArrayInput = number | NestedNumbers | NumericTypedArray | ArrayView;

/** Nested arrays as returned (a fresh, mutable copy). */
export type NestedOutput = Array<number | NestedOutput>;

/** A float64 view as returned for typed-array or view input. */
export interface Float64View {
  readonly data: Float64Array;
  readonly shape: number[];
}

/**
 * What comes back where an array is returned: a number for rank 0, nested arrays for nested input, a
 * float64 `{ data, shape }` view for typed-array or view input.
 */
export type ArrayOutput = number | NestedOutput | Float64View;

/** The result of `valueAndGrad`: the value and ∂value/∂predictions in the kind of the predictions. */
export interface ValueAndGrad<V> {
  readonly value: V;
  readonly grad: ArrayOutput;
}
