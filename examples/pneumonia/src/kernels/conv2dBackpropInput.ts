import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backend_util, type Conv2DBackpropInputAttrs, type TensorInfo } from '@tensorflow/tfjs-core';
import { heapF32, release, type StockKernel } from './heap.js';

/**
 * Conv2DBackpropInput for the wasm backend as one forward convolution (the transposed convolution):
 *
 *   dx[n, i, j, ci] = Σ_{kh, kw, co} dy↑[n, i + kh − (KH − 1 − p_t), j + kw − (KW − 1 − p_l), co] · W[KH−1−kh, KW−1−kw, ci, co]
 *
 * where dy↑ is dy with s − 1 zeros inserted between neighbours (only built when a stride exceeds 1), and
 * the filter is rotated by 180° with its channel axes swapped, [KH, KW, Cout, Cin]. Padding is KH − 1 − p_t
 * at the top and H − 1 − (OH − 1)·s_h + p_t at the bottom (likewise for width), which makes the output
 * exactly H × W.
 *
 * Returns `null` where a padding would be negative or the layout is channels-first, so the caller falls
 * back to the stock kernel.
 */
export function conv2dBackpropInputViaConv(
  backend: BackendWasm,
  conv2d: StockKernel,
  dy: TensorInfo,
  filter: TensorInfo,
  attrs: Conv2DBackpropInputAttrs,
): TensorInfo | null {
  const { inputShape, strides, pad, dataFormat, dimRoundingMode } = attrs;
  if (dy.dtype !== 'float32' || filter.dtype !== 'float32') return null;
  const format = backend_util.convertConv2DDataFormat(dataFormat);
  if (format !== 'channelsLast') return null;
  const info = backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    format,
  );
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: cin, outChannels: cout } = info;
  const {
    outHeight: oh,
    outWidth: ow,
    filterHeight: kh,
    filterWidth: kw,
    strideHeight: sh,
    strideWidth: sw,
  } = info;
  const pt = kh - 1 - info.padInfo.top;
  const pl = kw - 1 - info.padInfo.left;
  const pb = h - 1 - (oh - 1) * sh + info.padInfo.top;
  const pr = w - 1 - (ow - 1) * sw + info.padInfo.left;
  if (pt < 0 || pl < 0 || pb < 0 || pr < 0) return null;

  const dh = (oh - 1) * sh + 1;
  const dw = (ow - 1) * sw + 1;
  const dilated = sh > 1 || sw > 1 ? backend.makeOutput([n, dh, dw, cout], 'float32') : null;
  const wT = backend.makeOutput([kh, kw, cout, cin], 'float32');
  {
    if (dilated !== null) {
      const g = heapF32(backend, dy);
      const d = heapF32(backend, dilated);
      d.fill(0);
      for (let b = 0; b < n; b++) {
        for (let r = 0; r < oh; r++) {
          for (let c = 0; c < ow; c++) {
            const s = ((b * oh + r) * ow + c) * cout;
            d.set(g.subarray(s, s + cout), ((b * dh + r * sh) * dw + c * sw) * cout);
          }
        }
      }
    }
    const f = heapF32(backend, filter);
    const t = heapF32(backend, wT);
    // t[r, c, co, ci] = f[kh−1−r, kw−1−c, ci, co]
    for (let r = 0; r < kh; r++) {
      for (let c = 0; c < kw; c++) {
        const fBase = ((kh - 1 - r) * kw + (kw - 1 - c)) * cin * cout;
        const tBase = (r * kw + c) * cout * cin;
        for (let ci = 0; ci < cin; ci++) {
          for (let co = 0; co < cout; co++) t[tBase + co * cin + ci] = f[fBase + ci * cout + co] as number;
        }
      }
    }
  }
  const dx = conv2d(
    { x: dilated ?? dy, filter: wT },
    {
      strides: [1, 1],
      dilations: [1, 1],
      pad: [
        [0, 0],
        [pt, pb],
        [pl, pr],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    },
  );
  if (dilated !== null) release(backend, dilated);
  release(backend, wT);
  if (dx.shape[1] !== h || dx.shape[2] !== w || dx.shape[3] !== cin) {
    release(backend, dx);
    return null;
  }
  return dx;
}
