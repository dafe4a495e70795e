import { fail, formatShape } from '../errors';
import { sizeOf, type TensorView } from '../view';

/**
 * Broadcasts `view` to `shape` by NumPy's rules, strictly: shapes are aligned on the right, the view's
 * rank is at most the target's, and each of its dimensions equals the target's or is 1. Returns the data
 * in row-major order of `shape` (the view's own data, uncopied, when the shapes are equal).
 *
 * Per-image weights for positions [N, H, W] are written [N, 1, 1]; one weight per label of a [N, L]
 * multi-label output is written [L].
 *
 * @throws XentError `SHAPE_MISMATCH` (both shapes in the message) when the view does not broadcast.
 * @example
 * ```ts
 * Array.from(broadcastTo('f', 'weights', { data: [1, 2], shape: [2, 1] }, [2, 3])); // [1, 1, 1, 2, 2, 2]
 * ```
 */
export function broadcastTo(
  fn: string,
  argument: string,
  view: TensorView,
  shape: readonly number[],
): ArrayLike<number> {
  const from = view.shape;
  const rank = shape.length;
  const offset = rank - from.length;
  let ok = offset >= 0;
  let same = offset === 0;
  for (let i = 0; ok && i < from.length; i++) {
    const d = from[i] as number;
    const t = shape[i + offset] as number;
    if (d !== t) {
      same = false;
      if (d !== 1) ok = false;
    }
  }
  if (!ok) {
    fail(
      'SHAPE_MISMATCH',
      fn,
      argument,
      `broadcastable to ${formatShape(shape)} (NumPy rules, aligned on the right)`,
      `shape ${formatShape(from)}`,
    );
  }
  if (same) return view.data;
  const total = sizeOf(shape);
  const out = new Float64Array(total);
  if (view.data.length === 1) return out.fill(view.data[0] as number);
  // source strides over the target's dimensions (0 where the view is broadcast or absent)
  const strides = new Array<number>(rank).fill(0);
  let s = 1;
  for (let i = from.length - 1; i >= 0; i--) {
    if ((from[i] as number) !== 1) strides[i + offset] = s;
    s *= from[i] as number;
  }
  const index = new Array<number>(rank).fill(0);
  let src = 0;
  const data = view.data;
  for (let k = 0; k < total; k++) {
    out[k] = data[src] as number;
    for (let d = rank - 1; d >= 0; d--) {
      index[d] = (index[d] as number) + 1;
      src += strides[d] as number;
      if ((index[d] as number) < (shape[d] as number)) break;
      src -= (strides[d] as number) * (shape[d] as number);
      index[d] = 0;
    }
  }
  return out;
}
