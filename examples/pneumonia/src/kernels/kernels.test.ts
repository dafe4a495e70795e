import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledError, TOL } from '../../test/tolerances.js';
import { registerTrainingKernels } from './index.js';

// Every expectation here is the cpu backend's own kernel on the same inputs (TF.js's reference
// implementations), within TOL.kernel: float32, and the two backends sum in different orders.

let restore: (() => void) | undefined;

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  restore = registerTrainingKernels();
});

afterAll(() => restore?.());

/** A deterministic pseudo-random float32 array in [−1, 1) (a linear congruential generator). */
function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

interface Spec {
  inputs: Record<string, { shape: number[]; data: Float32Array }>;
  attrs: Record<string, unknown>;
}

function run(backend: string, kernel: string, spec: Spec): { shape: number[]; data: Float32Array } {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const inputs: Record<string, tf.Tensor> = {};
    for (const [k, v] of Object.entries(spec.inputs)) inputs[k] = tf.tensor(v.data, v.shape, 'float32');
    const out = tf.engine().runKernel(kernel, inputs as never, spec.attrs as never) as tf.Tensor;
    return { shape: out.shape, data: out.dataSync() as Float32Array };
  });
}

function expectSameAsCpu(kernel: string, spec: Spec): void {
  const want = run('cpu', kernel, spec);
  const got = run('wasm', kernel, spec);
  expect(got.shape).toEqual(want.shape);
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < want.data.length; i++) {
    const w = want.data[i] as number;
    const err = scaledError(got.data[i] as number, w, TOL.kernel);
    if (!(err <= worst)) {
      worst = err;
      worstAt = i;
    }
  }
  expect(
    worst,
    `worst at ${worstAt}: got ${got.data[worstAt]}, want ${want.data[worstAt]}`,
  ).toBeLessThanOrEqual(1);
}

const CONVS: {
  x: [number, number, number, number];
  k: [number, number];
  cout: number;
  s: [number, number];
  pad: 'same' | 'valid' | number;
}[] = [
  { x: [2, 8, 8, 3], k: [3, 3], cout: 4, s: [1, 1], pad: 'same' },
  { x: [3, 7, 9, 2], k: [3, 3], cout: 5, s: [2, 2], pad: 'same' },
  { x: [2, 9, 8, 3], k: [3, 2], cout: 2, s: [2, 3], pad: 'valid' },
  { x: [1, 10, 10, 1], k: [5, 5], cout: 3, s: [3, 3], pad: 'valid' },
  { x: [2, 6, 7, 4], k: [3, 3], cout: 6, s: [1, 1], pad: 1 },
  { x: [4, 28, 28, 1], k: [3, 3], cout: 16, s: [1, 1], pad: 'same' },
];

function outSize(inSize: number, k: number, s: number, pad: 'same' | 'valid' | number): number {
  if (pad === 'same') return Math.ceil(inSize / s);
  if (pad === 'valid') return Math.ceil((inSize - k + 1) / s);
  return Math.floor((inSize + 2 * pad - k) / s) + 1;
}

describe('Conv2DBackpropFilter (forward convolution of transposes)', () => {
  it.each(CONVS)(
    'matches the cpu backend: x $x, kernel $k, stride $s, pad $pad',
    ({ x, k, cout, s, pad }) => {
      const [n, h, w, cin] = x;
      const oh = outSize(h, k[0], s[0], pad);
      const ow = outSize(w, k[1], s[1], pad);
      expectSameAsCpu('Conv2DBackpropFilter', {
        inputs: {
          x: { shape: x, data: values(n * h * w * cin, 1) },
          dy: { shape: [n, oh, ow, cout], data: values(n * oh * ow * cout, 2) },
        },
        attrs: { strides: s, pad, dataFormat: 'NHWC', filterShape: [k[0], k[1], cin, cout] },
      });
    },
  );
});

describe('Conv2DBackpropInput (transposed convolution)', () => {
  it.each(CONVS)(
    'matches the cpu backend: x $x, kernel $k, stride $s, pad $pad',
    ({ x, k, cout, s, pad }) => {
      const [n, h, w, cin] = x;
      const oh = outSize(h, k[0], s[0], pad);
      const ow = outSize(w, k[1], s[1], pad);
      expectSameAsCpu('Conv2DBackpropInput', {
        inputs: {
          dy: { shape: [n, oh, ow, cout], data: values(n * oh * ow * cout, 3) },
          filter: { shape: [k[0], k[1], cin, cout], data: values(k[0] * k[1] * cin * cout, 4) },
        },
        attrs: { strides: s, pad, dataFormat: 'NHWC', inputShape: x },
      });
    },
  );
});

describe('MaxPoolGrad', () => {
  const POOLS: {
    x: [number, number, number, number];
    f: [number, number];
    s: [number, number];
    pad: 'same' | 'valid';
  }[] = [
    { x: [2, 8, 8, 3], f: [2, 2], s: [2, 2], pad: 'valid' },
    { x: [2, 7, 7, 2], f: [2, 2], s: [2, 2], pad: 'same' },
    { x: [1, 9, 8, 4], f: [3, 3], s: [2, 2], pad: 'same' },
    { x: [2, 6, 6, 1], f: [3, 2], s: [1, 2], pad: 'valid' },
  ];
  it.each(POOLS)('matches the cpu backend: x $x, window $f, stride $s, pad $pad', ({ x, f, s, pad }) => {
    const [n, h, w, c] = x;
    const oh = pad === 'same' ? Math.ceil(h / s[0]) : Math.ceil((h - f[0] + 1) / s[0]);
    const ow = pad === 'same' ? Math.ceil(w / s[1]) : Math.ceil((w - f[1] + 1) / s[1]);
    const xs = values(n * h * w * c, 5);
    tf.setBackend('cpu');
    const output = tf.tidy(() => tf.maxPool(tf.tensor4d(xs, x), f, s, pad).dataSync() as Float32Array);
    expectSameAsCpu('MaxPoolGrad', {
      inputs: {
        dy: { shape: [n, oh, ow, c], data: values(n * oh * ow * c, 6) },
        input: { shape: x, data: xs },
        output: { shape: [n, oh, ow, c], data: output },
      },
      attrs: { filterSize: f, strides: s, pad },
    });
  });

  it('sends the gradient of an all-negative window to its maximum (regression: the stock wasm kernel does not)', () => {
    // One 2 × 2 window holding −3, −1, −2, −4: the maximum is −1 at position 1, so d/dx of max = [0, 1, 0, 0].
    const spec: Spec = {
      inputs: {
        dy: { shape: [1, 1, 1, 1], data: new Float32Array([1]) },
        input: { shape: [1, 2, 2, 1], data: new Float32Array([-3, -1, -2, -4]) },
        output: { shape: [1, 1, 1, 1], data: new Float32Array([-1]) },
      },
      attrs: { filterSize: [2, 2], strides: [2, 2], pad: 'valid' },
    };
    expect([...run('wasm', 'MaxPoolGrad', spec).data]).toEqual([0, 1, 0, 0]);
    expectSameAsCpu('MaxPoolGrad', spec);
  });
});

describe('Tile', () => {
  it.each([
    { shape: [1, 1, 1, 5], reps: [3, 4, 2, 1] },
    { shape: [2, 3], reps: [2, 3] },
    { shape: [4], reps: [3] },
    { shape: [2, 1, 3], reps: [1, 5, 2] },
  ])('matches the cpu backend: $shape × $reps', ({ shape, reps }) => {
    expectSameAsCpu('Tile', {
      inputs: {
        x: {
          shape,
          data: values(
            shape.reduce((a, b) => a * b, 1),
            7,
          ),
        },
      },
      attrs: { reps },
    });
  });
});

describe('Sum and Mean over leading axes (others fall back to the stock kernel)', () => {
  const CASES = [
    { shape: [4, 5, 6, 3], axis: [0, 1, 2], keepDims: false },
    { shape: [4, 5, 6, 3], axis: [0, 1, 2], keepDims: true },
    { shape: [7, 3], axis: 0, keepDims: false },
    { shape: [2, 3, 4], axis: [1, 0], keepDims: false },
    { shape: [2, 3, 4], axis: [0, 1, 2], keepDims: false },
    { shape: [2, 3, 4], axis: -1, keepDims: false },
    { shape: [2, 3, 4], axis: [0, 2], keepDims: true },
  ];
  it.each(CASES)(
    'Sum matches the cpu backend: $shape over $axis (keepDims $keepDims)',
    ({ shape, axis, keepDims }) => {
      expectSameAsCpu('Sum', {
        inputs: {
          x: {
            shape,
            data: values(
              shape.reduce((a, b) => a * b, 1),
              8,
            ),
          },
        },
        attrs: { axis, keepDims },
      });
    },
  );
  it.each(CASES)(
    'Mean matches the cpu backend: $shape over $axis (keepDims $keepDims)',
    ({ shape, axis, keepDims }) => {
      expectSameAsCpu('Mean', {
        inputs: {
          x: {
            shape,
            data: values(
              shape.reduce((a, b) => a * b, 1),
              9,
            ),
          },
        },
        attrs: { axis, keepDims },
      });
    },
  );
});

describe('memory', () => {
  it('leaves no tensor data behind on the wasm backend', () => {
    tf.setBackend('wasm');
    const before = tf.engine().backend.numDataIds();
    run('wasm', 'Conv2DBackpropFilter', {
      inputs: {
        x: { shape: [2, 6, 6, 2], data: values(144, 1) },
        dy: { shape: [2, 3, 3, 4], data: values(72, 2) },
      },
      attrs: { strides: [2, 2], pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 2, 4] },
    });
    run('wasm', 'Conv2DBackpropInput', {
      inputs: {
        dy: { shape: [2, 3, 3, 4], data: values(72, 2) },
        filter: { shape: [3, 3, 2, 4], data: values(72, 3) },
      },
      attrs: { strides: [2, 2], pad: 'same', dataFormat: 'NHWC', inputShape: [2, 6, 6, 2] },
    });
    tf.setBackend('wasm');
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });
});
