import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Split } from './data.js';

const SIDE = 28;
const PIXELS = SIDE * SIDE;

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

/**
 * A batch of standardised images, [b, 28, 28, 1], taking images idx[from … to − 1] of a split. With
 * `shift`, image k is translated by (shift.dy[k], shift.dx[k]) pixels, the edge rows and columns
 * repeated into the uncovered border (training-time augmentation).
 */
export function batchTensor(
  s: Split,
  idx: ArrayLike<number>,
  from: number,
  to: number,
  mu: number,
  sigma: number,
  shift?: { dy: Int8Array; dx: Int8Array },
): tf.Tensor4D {
  const b = to - from;
  const x = new Float32Array(b * PIXELS);
  const scale = 1 / (255 * sigma);
  const offset = mu / sigma;
  for (let k = 0; k < b; k++) {
    const src = (idx[from + k] as number) * PIXELS;
    const dy = shift === undefined ? 0 : (shift.dy[k] as number);
    const dx = shift === undefined ? 0 : (shift.dx[k] as number);
    for (let r = 0; r < SIDE; r++) {
      const sr = Math.min(SIDE - 1, Math.max(0, r - dy));
      for (let c = 0; c < SIDE; c++) {
        const sc = Math.min(SIDE - 1, Math.max(0, c - dx));
        x[k * PIXELS + r * SIDE + c] = (s.images[src + sr * SIDE + sc] as number) * scale - offset;
      }
    }
  }
  return tf.tensor4d(x, [b, SIDE, SIDE, 1]);
}

/** Random translations of up to ±max pixels in each direction for `n` images. */
export function randomShifts(n: number, max: number, random: () => number): { dy: Int8Array; dx: Int8Array } {
  const dy = new Int8Array(n);
  const dx = new Int8Array(n);
  for (let k = 0; k < n; k++) {
    dy[k] = Math.floor(random() * (2 * max + 1)) - max;
    dx[k] = Math.floor(random() * (2 * max + 1)) - max;
  }
  return { dy, dx };
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
