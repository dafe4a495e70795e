import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Split } from './data.js';

const PIXELS = 28 * 28;

/** Pixel mean and standard deviation of a split, for standardising the inputs. */
export function pixelStats(s: Split): { mu: number; sigma: number } {
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < s.images.length; i++) {
    const v = (s.images[i] as number) / 255;
    sum += v;
    sq += v * v;
  }
  const mu = sum / s.images.length;
  return { mu, sigma: Math.sqrt(sq / s.images.length - mu * mu) };
}

/** A batch of standardised images, [b, 28, 28, 1], taking images idx[from … to − 1] of a split. */
export function batchTensor(
  s: Split,
  idx: ArrayLike<number>,
  from: number,
  to: number,
  mu: number,
  sigma: number,
): tf.Tensor4D {
  const b = to - from;
  const x = new Float32Array(b * PIXELS);
  for (let k = 0; k < b; k++) {
    const src = (idx[from + k] as number) * PIXELS;
    for (let p = 0; p < PIXELS; p++) x[k * PIXELS + p] = ((s.images[src + p] as number) / 255 - mu) / sigma;
  }
  return tf.tensor4d(x, [b, 28, 28, 1]);
}

/** Logits of every image of a split, in inference mode (batch-norm moving statistics). */
export function predictLogits(
  model: tfl.LayersModel,
  s: Split,
  mu: number,
  sigma: number,
  batch = 256,
): Float64Array {
  const out = new Float64Array(s.n);
  const idx = Array.from({ length: s.n }, (_, i) => i);
  for (let from = 0; from < s.n; from += batch) {
    const to = Math.min(s.n, from + batch);
    const z = tf.tidy(() => {
      const x = batchTensor(s, idx, from, to, mu, sigma);
      return (model.apply(x, { training: false }) as tf.Tensor).dataSync();
    });
    out.set(z, from);
  }
  return out;
}

/** The first `n` images of a split (all of them when n ≥ its size). */
export function subset(s: Split, n: number): Split {
  if (n >= s.n) return s;
  return { n, images: s.images.subarray(0, n * PIXELS), labels: s.labels.subarray(0, n) };
}
