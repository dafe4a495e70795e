/**
 * Conversions between what users hold and core's views. Input is never mutated: nested arrays are
 * copied into a Float64Array; typed arrays and views are read in place.
 */
import { describeValue, isTensorView, type TensorView, XentError } from '@xent/core';
import type { ArrayOutput, NestedOutput } from '../types';

/** The kind of an input, which decides the kind of what is returned. */
export type InputKind = 'number' | 'nested' | 'typed' | 'view';

/** A converted input. */
export interface Converted {
  readonly view: TensorView;
  readonly kind: InputKind;
}

const isLevel = (x: unknown): x is ArrayLike<unknown> =>
  Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));

function bad(fn: string, argument: string, what: string, received: string): never {
  throw new XentError('INVALID_INPUT', fn, argument, what, received);
}

function checkNumbers(fn: string, argument: string, data: ArrayLike<unknown>): void {
  for (let i = 0; i < data.length; i++) {
    if (typeof data[i] !== 'number') bad(fn, argument, 'numbers', `${describeValue(data[i])} at index ${i}`);
  }
}

/**
 * Converts a user value into a view.
 * @throws XentError `INVALID_INPUT` for a wrong kind of value, ragged nested arrays or non-numeric
 * entries.
 */
export function toView(fn: string, argument: string, input: unknown): Converted {
  if (typeof input === 'number') return { view: { data: [input], shape: [] }, kind: 'number' };
  if (ArrayBuffer.isView(input) && !(input instanceof DataView)) {
    const t = input as unknown as ArrayLike<unknown>;
    if (input instanceof BigInt64Array || input instanceof BigUint64Array) {
      bad(fn, argument, 'numbers (not BigInt)', describeValue(input));
    }
    return { view: { data: t as ArrayLike<number>, shape: [t.length] }, kind: 'typed' };
  }
  if (Array.isArray(input)) return { view: fromNested(fn, argument, input), kind: 'nested' };
  if (isTensorView(input)) {
    const { data, shape } = input;
    if (!isLevel(data)) bad(fn, argument, 'an array or typed array as `data`', describeValue(data));
    if (Array.isArray(data)) checkNumbers(fn, argument, data);
    return { view: { data, shape: [...shape] }, kind: 'view' };
  }
  return bad(
    fn,
    argument,
    'a number, nested arrays of numbers, a typed array or a { data, shape } view',
    describeValue(input),
  );
}

function fromNested(fn: string, argument: string, input: readonly unknown[]): TensorView {
  const shape: number[] = [];
  let level: unknown = input;
  while (isLevel(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  let size = 1;
  for (const d of shape) size *= d;
  const data = new Float64Array(size);
  let k = 0;
  const walk = (node: ArrayLike<unknown>, depth: number, path: string): void => {
    if (node.length !== shape[depth]) {
      bad(
        fn,
        argument,
        `rectangular nested arrays of shape [${shape.join(', ')}]`,
        `length ${node.length} at ${argument}${path}`,
      );
    }
    if (depth === shape.length - 2) {
      k = fromRows(fn, argument, node, shape, data, k, path);
      return;
    }
    const leaf = depth === shape.length - 1;
    for (let i = 0; i < node.length; i++) {
      const x = node[i];
      if (leaf) {
        if (typeof x !== 'number') {
          bad(
            fn,
            argument,
            isLevel(x) ? `rectangular nested arrays of shape [${shape.join(', ')}]` : 'numbers',
            `${describeValue(x)} at ${argument}${path}[${i}]`,
          );
        }
        data[k++] = x as number;
      } else if (!isLevel(x)) {
        bad(
          fn,
          argument,
          `rectangular nested arrays of shape [${shape.join(', ')}]`,
          `${describeValue(x)} at ${argument}${path}[${i}]`,
        );
      } else {
        walk(x, depth + 1, `${path}[${i}]`);
      }
    }
  };
  walk(input, 0, '');
  return { data, shape };
}

/**
 * The last two levels (rows of numbers: one row per X-ray, per pixel) as a flat loop over the rows instead
 * of one recursive call per row; the same checks and messages. Writes from `k` on and returns the next `k`.
 */
function fromRows(
  fn: string,
  argument: string,
  rows: ArrayLike<unknown>,
  shape: readonly number[],
  data: Float64Array,
  start: number,
  path: string,
): number {
  const width = shape[shape.length - 1]!;
  let k = start;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!isLevel(row) || row.length !== width) {
      bad(
        fn,
        argument,
        `rectangular nested arrays of shape [${shape.join(', ')}]`,
        isLevel(row)
          ? `length ${row.length} at ${argument}${path}[${i}]`
          : `${describeValue(row)} at ${argument}${path}[${i}]`,
      );
    }
    for (let j = 0; j < width; j++) {
      const x = row[j];
      if (typeof x !== 'number') {
        bad(
          fn,
          argument,
          isLevel(x) ? `rectangular nested arrays of shape [${shape.join(', ')}]` : 'numbers',
          `${describeValue(x)} at ${argument}${path}[${i}][${j}]`,
        );
      }
      data[k++] = x;
    }
  }
  return k;
}

/** Builds nested arrays of `shape` from row-major data. */
export function toNested(data: ArrayLike<number>, shape: readonly number[]): NestedOutput {
  let k = 0;
  const build = (depth: number): NestedOutput => {
    const n = shape[depth] as number;
    const out: NestedOutput = new Array(n);
    if (depth === shape.length - 1) for (let i = 0; i < n; i++) out[i] = data[k++] as number;
    else for (let i = 0; i < n; i++) out[i] = build(depth + 1);
    return out;
  };
  return build(0);
}

/**
 * Converts float64 results back to the kind of an input: a number for shape `[]`, nested arrays for
 * nested input, a `{ data: Float64Array, shape }` view otherwise.
 */
export function fromData(kind: InputKind, data: Float64Array, shape: readonly number[]): ArrayOutput {
  if (shape.length === 0) return data[0] as number;
  if (kind === 'nested') return toNested(data, shape);
  return { data, shape: [...shape] };
}
