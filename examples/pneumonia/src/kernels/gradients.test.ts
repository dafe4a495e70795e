import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledError, TOL } from '../../test/tolerances.js';
import { registerTrainingKernels } from './index.js';

// End to end through autodiff: the gradients of a small conv → batch-norm → ReLU → max-pool → mean
// network, on the wasm backend with the replacement kernels, equal the cpu backend's (whose kernels are
// TF.js's reference implementations). Inputs are chosen so that many pooling windows hold only negative
// values, the case the stock wasm MaxPoolGrad gets wrong.

let restore: (() => void) | undefined;

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  restore = registerTrainingKernels();
});

afterAll(() => restore?.());

function values(n: number, seed: number, shift = 0): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1 + shift;
  }
  return out;
}

interface Net {
  x: [number, number, number, number];
  k: number;
  cout: number;
  stride: number;
  pad: 'same' | 'valid';
}

/** Gradients of the network's scalar output w.r.t. input, filter, and the batch-norm scale and offset. */
function gradients(backend: string, net: Net): Float32Array[] {
  tf.setBackend(backend);
  const [n, h, w, cin] = net.x;
  return tf.tidy(() => {
    const x = tf.tensor4d(values(n * h * w * cin, 11), net.x);
    const f = tf.tensor4d(values(net.k * net.k * cin * net.cout, 12), [net.k, net.k, cin, net.cout]);
    const gamma = tf.tensor1d(values(net.cout, 13, 1));
    // A negative offset pushes most activations below 0 before pooling (no ReLU before the pool here).
    const beta = tf.tensor1d(values(net.cout, 14, -1.5));
    const grads = tf.grads((xx: tf.Tensor, ff: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const y = tf.conv2d(xx as tf.Tensor4D, ff as tf.Tensor4D, net.stride, net.pad);
      const { mean, variance } = tf.moments(y, [0, 1, 2]);
      const bn = tf.batchNorm(y, mean, variance, b as tf.Tensor1D, g as tf.Tensor1D, 1e-3);
      const pooled = tf.maxPool(bn as tf.Tensor4D, 2, 2, 'same');
      const weights = tf.tensor(values(pooled.size, 15), pooled.shape);
      return tf.sum(tf.mul(tf.relu(tf.add(pooled, 2)), weights));
    })([x, f, gamma, beta]);
    return grads.map((g) => g.dataSync() as Float32Array);
  });
}

describe('gradients through conv, batch norm and max pool: wasm (replacement kernels) = cpu', () => {
  const NETS: Net[] = [
    { x: [3, 8, 8, 2], k: 3, cout: 4, stride: 1, pad: 'same' },
    { x: [2, 9, 7, 3], k: 3, cout: 5, stride: 2, pad: 'same' },
    { x: [2, 10, 10, 1], k: 5, cout: 3, stride: 1, pad: 'valid' },
  ];
  it.each(NETS)('x $x, kernel $k, $cout channels, stride $stride, pad $pad', (net) => {
    const want = gradients('cpu', net);
    const got = gradients('wasm', net);
    const names = ['input', 'filter', 'scale', 'offset'];
    let worst = { what: '', got: 0, want: 0, err: 0 };
    let nonzero = 0;
    want.forEach((w, k) => {
      const g = got[k] as Float32Array;
      expect(g.length).toBe(w.length);
      for (let i = 0; i < w.length; i++) {
        if ((w[i] as number) !== 0) nonzero++;
        const err = scaledError(g[i] as number, w[i] as number, TOL.kernel);
        if (!(err <= worst.err))
          worst = { what: `${names[k]}[${i}]`, got: g[i] as number, want: w[i] as number, err };
      }
    });
    expect(nonzero, 'the reference gradient must not be all zero').toBeGreaterThan(10);
    expect(worst.err, `worst at ${worst.what}: got ${worst.got}, want ${worst.want}`).toBeLessThanOrEqual(1);
  });
});
