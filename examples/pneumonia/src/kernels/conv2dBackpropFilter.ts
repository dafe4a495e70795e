import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backend_util, type Conv2DBackpropFilterAttrs, type TensorInfo } from '@tensorflow/tfjs-core';
import { heapF32, release, type StockKernel } from './heap.js';

/**
 * Conv2DBackpropFilter for the wasm backend (which registers none), as one forward convolution:
 *
 *   dW[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh·s_h + kh − p_t, ow·s_w + kw − p_l, ci] · dy[n, oh, ow, co]
 *
 * is a convolution of x′ = x transposed to [Cin, H, W, N] (channels as the batch, the batch as channels)
 * with the "filter" dy′ = dy transposed to [OH, OW, N, Cout], dilated by the forward stride, stride 1,
 * the forward top/left padding and whatever bottom/right padding makes the output KH × KW; its output
 * [Cin, KH, KW, Cout] is transposed to [KH, KW, Cin, Cout]. Input rows and columns that no window reaches
 * (a stride that does not divide the padded size) are cropped from x′ rather than given negative padding.
 *
 * Returns `null` for what it does not cover (channels-first data, non-float32), so that the caller can
 * raise the usual error.
 */
export function conv2dBackpropFilterViaConv(
  backend: BackendWasm,
  conv2d: StockKernel,
  x: TensorInfo,
  dy: TensorInfo,
  attrs: Conv2DBackpropFilterAttrs,
): TensorInfo | null {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') return null;
  const format = backend_util.convertConv2DDataFormat(dataFormat);
  if (format !== 'channelsLast') return null;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
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
  const pt = info.padInfo.top;
  const pl = info.padInfo.left;
  // Input rows read by some window: 0 … (oh−1)·sh + kh − 1 − pt.
  const needH = (oh - 1) * sh + kh - pt;
  const needW = (ow - 1) * sw + kw - pl;
  const hc = Math.min(h, needH);
  const wc = Math.min(w, needW);
  const pb = needH - hc;
  const pr = needW - wc;
  if (pt < 0 || pl < 0 || hc <= 0 || wc <= 0) return null;

  const xT = backend.makeOutput([cin, hc, wc, n], 'float32');
  const dyT = backend.makeOutput([oh, ow, n, cout], 'float32');
  {
    const src = heapF32(backend, x);
    const dst = heapF32(backend, xT);
    // dst[ci, r, c, b] = src[b, r, c, ci]
    for (let b = 0; b < n; b++) {
      for (let r = 0; r < hc; r++) {
        for (let c = 0; c < wc; c++) {
          const s = ((b * h + r) * w + c) * cin;
          const d = (r * wc + c) * n + b;
          for (let ci = 0; ci < cin; ci++) dst[ci * hc * wc * n + d] = src[s + ci] as number;
        }
      }
    }
    const g = heapF32(backend, dy);
    const gT = heapF32(backend, dyT);
    // gT[r, c, b, co] = g[b, r, c, co]: whole rows of Cout move together.
    for (let b = 0; b < n; b++) {
      for (let rc = 0; rc < oh * ow; rc++) {
        gT.set(g.subarray((b * oh * ow + rc) * cout, (b * oh * ow + rc + 1) * cout), (rc * n + b) * cout);
      }
    }
  }
  const out = conv2d(
    { x: xT, filter: dyT },
    {
      strides: [1, 1],
      dilations: [sh, sw],
      pad: [
        [0, 0],
        [pt, pb],
        [pl, pr],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    },
  );
  release(backend, xT);
  release(backend, dyT);
  const dw = backend.makeOutput([kh, kw, cin, cout], 'float32');
  {
    const src = heapF32(backend, out);
    const dst = heapF32(backend, dw);
    // dst[r, c, ci, co] = src[ci, r, c, co]
    for (let ci = 0; ci < cin; ci++) {
      for (let rc = 0; rc < kh * kw; rc++) {
        dst.set(
          src.subarray((ci * kh * kw + rc) * cout, (ci * kh * kw + rc + 1) * cout),
          (rc * cin + ci) * cout,
        );
      }
    }
  }
  release(backend, out);
  return dw;
}
