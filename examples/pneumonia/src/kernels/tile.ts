import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { heapF32 } from './heap.js';

/**
 * Tile for the wasm backend, written directly: the innermost axis is copied element by element once,
 * then each finished block is repeated along its axis with `copyWithin` (a memmove), so tiling
 * [1, 1, 1, C] to [N, H, W, C] — what the batch-norm gradient asks for — costs O(output) bytes moved
 * and O(N + H + W) calls rather than an index computation per element.
 *
 * Returns `null` for non-float32 input.
 */
export function tileDirect(backend: BackendWasm, x: TensorInfo, reps: number[]): TensorInfo | null {
  if (x.dtype !== 'float32' || reps.length !== x.shape.length) return null;
  const rank = x.shape.length;
  const shape = x.shape;
  const outShape = shape.map((s, d) => s * (reps[d] as number));
  const out = backend.makeOutput(outShape, 'float32');
  if (outShape.some((s) => s === 0)) return out;
  const src = heapF32(backend, x);
  const dst = heapF32(backend, out);
  if (rank === 0) {
    dst[0] = src[0] as number;
    return out;
  }
  const inStride = new Array<number>(rank);
  const outBlock = new Array<number>(rank + 1);
  inStride[rank - 1] = 1;
  for (let d = rank - 2; d >= 0; d--) inStride[d] = (inStride[d + 1] as number) * (shape[d + 1] as number);
  outBlock[rank] = 1;
  for (let d = rank - 1; d >= 0; d--) outBlock[d] = (outBlock[d + 1] as number) * (outShape[d] as number);

  const fill = (d: number, inOff: number, outOff: number): void => {
    const size = shape[d] as number;
    if (d === rank - 1) {
      for (let i = 0; i < size; i++) dst[outOff + i] = src[inOff + i] as number;
    } else {
      const inner = outBlock[d + 1] as number;
      const stride = inStride[d] as number;
      for (let i = 0; i < size; i++) fill(d + 1, inOff + i * stride, outOff + i * inner);
    }
    const len = size * (outBlock[d + 1] as number);
    for (let r = 1; r < (reps[d] as number); r++) dst.copyWithin(outOff + r * len, outOff, outOff + len);
  };
  fill(0, 0, 0);
  return out;
}
