import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backend_util, type MaxPoolGradAttrs, type TensorInfo } from '@tensorflow/tfjs-core';
import { heapF32 } from './heap.js';

/**
 * MaxPoolGrad for the wasm backend, written directly: each output gradient goes to the first position
 * (row-major within the window) holding the window's maximum, as the cpu backend does (a window of
 * only −∞ or NaN passes nothing on). The stock wasm
 * kernel starts its search from 0 rather than −∞, so a window of only negative values sends its
 * gradient to the wrong place; here the search starts at −∞ and skips padding.
 *
 * Returns `null` for non-float32 input.
 */
export function maxPoolGradDirect(
  backend: BackendWasm,
  dy: TensorInfo,
  input: TensorInfo,
  attrs: MaxPoolGradAttrs,
): TensorInfo | null {
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') return null;
  const { filterSize, strides, pad, dimRoundingMode } = attrs;
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ch, outHeight: oh, outWidth: ow } = info;
  const { strideHeight: sh, strideWidth: sw, effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const dh = info.dilationHeight;
  const dwl = info.dilationWidth;
  const pt = info.padInfo.top;
  const pl = info.padInfo.left;
  const dx = backend.makeOutput(input.shape.slice(), 'float32');
  const x = heapF32(backend, input);
  const g = heapF32(backend, dy);
  const out = heapF32(backend, dx);
  out.fill(0);
  for (let b = 0; b < n; b++) {
    const xb = b * h * w * ch;
    for (let r = 0; r < oh; r++) {
      const r0 = r * sh - pt;
      for (let c = 0; c < ow; c++) {
        const c0 = c * sw - pl;
        const gBase = ((b * oh + r) * ow + c) * ch;
        for (let k = 0; k < ch; k++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let i = 0; i < fh; i += dh) {
            const xr = r0 + i;
            if (xr < 0 || xr >= h) continue;
            for (let j = 0; j < fw; j += dwl) {
              const xc = c0 + j;
              if (xc < 0 || xc >= w) continue;
              const p = xb + (xr * w + xc) * ch + k;
              const v = x[p] as number;
              if (v > best) {
                best = v;
                at = p;
              }
            }
          }
          if (at >= 0) out[at] = (out[at] as number) + (g[gBase + k] as number);
        }
      }
    }
  }
  return dx;
}
