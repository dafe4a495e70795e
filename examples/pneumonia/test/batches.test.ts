import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchTensor, subset } from '../src/batches.js';
import type { Split } from '../src/data.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** One 28 × 28 image whose pixel (r, c) is r·28 + c mod 256; a second image all 255. */
function split(): Split {
  const images = new Uint8Array(2 * 784);
  for (let p = 0; p < 784; p++) images[p] = p % 256;
  images.fill(255, 784);
  return { n: 2, images, labels: Uint8Array.from([0, 1]) };
}

describe('batches', () => {
  it('standardises as (v / 255 − μ) / σ and keeps the index order', () => {
    const x = batchTensor(split(), [1, 0], 0, 2, 0.5, 0.25);
    expect(x.shape).toEqual([2, 28, 28, 1]);
    const d = x.dataSync();
    // Image 1 first: (255 / 255 − 0.5) / 0.25 = 2; then image 0's pixel 3: (3 / 255 − 0.5) / 0.25.
    expect(d[0]).toBeCloseTo(2, 6);
    expect(d[784 + 3]).toBeCloseTo((3 / 255 - 0.5) / 0.25, 6);
    x.dispose();
  });

  it('shifts an image by (dy, dx) and repeats the edge into the uncovered border', () => {
    const x = batchTensor(split(), [0], 0, 1, 0, 1 / 255, {
      dy: Int8Array.from([2]),
      dx: Int8Array.from([-1]),
    });
    const d = x.dataSync();
    const at = (r: number, c: number) => d[r * 28 + c];
    // Output (r, c) reads input (r − 2, c + 1), clamped to the image: values are (r·28 + c) mod 256.
    expect(at(5, 5)).toBeCloseTo((3 * 28 + 6) % 256, 4);
    expect(at(0, 0)).toBeCloseTo(1, 4); // input (0, 1)
    expect(at(1, 27)).toBeCloseTo(27, 4); // input (0, 27): the right edge repeated
    x.dispose();
  });

  it('takes the first n images of a split', () => {
    const s = subset(split(), 1);
    expect([s.n, s.images.length, s.labels.length]).toEqual([1, 784, 1]);
  });
});
