import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { type TensorInfo, util } from '@tensorflow/tfjs-core';
import { heapF32 } from './heap.js';

/**
 * Sum or mean over the leading axes [0, k) of a float32 tensor, written directly: viewing x as
 * [outer, inner], out[j] = Σ_i x[i·inner + j], accumulated in float64 row by row, so the data is read
 * once in memory order. (The stock wasm kernels first transpose the reduced axes to the end.) This is
 * the shape of every reduction in a batch-norm layer and in the bias gradients, over [N, H, W] of NHWC.
 *
 * Returns `null` when the axes are not a leading run or the dtype is not float32, so the caller can use
 * the stock kernel.
 */
export function reduceLeading(
  backend: BackendWasm,
  x: TensorInfo,
  axis: number | number[],
  keepDims: boolean,
  mean: boolean,
): TensorInfo | null {
  if (x.dtype !== 'float32') return null;
  const rank = x.shape.length;
  const axes = [...new Set(util.parseAxisParam(axis, x.shape))].sort((a, b) => a - b);
  const k = axes.length;
  if (k === 0 || axes.some((a, i) => a !== i)) return null;
  let outer = 1;
  for (let d = 0; d < k; d++) outer *= x.shape[d] as number;
  let inner = 1;
  for (let d = k; d < rank; d++) inner *= x.shape[d] as number;
  const outShape = keepDims ? x.shape.map((s, d) => (d < k ? 1 : s)) : x.shape.slice(k);
  const out = backend.makeOutput(outShape, 'float32');
  const src = heapF32(backend, x);
  const dst = heapF32(backend, out);
  const acc = new Float64Array(inner);
  for (let i = 0; i < outer; i++) {
    const base = i * inner;
    for (let j = 0; j < inner; j++) acc[j] = (acc[j] as number) + (src[base + j] as number);
  }
  const scale = mean ? 1 / outer : 1;
  for (let j = 0; j < inner; j++) dst[j] = (acc[j] as number) * scale;
  return out;
}
