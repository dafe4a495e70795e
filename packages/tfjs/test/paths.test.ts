import { describe, expect, it } from 'vitest';
import * as xent from '../src/index';
import { tf, useBackend } from './helpers/backend';

/**
 * One API, a path per backend: on cpu and wasm the losses run core's float64 kernels (no tf Exp/Log kernel
 * is dispatched), elsewhere (webgl, webgpu; here `wasm-composite`, the wasm kernels under another name)
 * composite tf ops. Both paths are checked for values by the conformance suite; this file checks which path
 * runs, that the forward pass alone builds no gradient, and that the gradient with respect to distribution
 * targets on the kernel path is computed only when asked for.
 */
const logits = [
  [2, -1, 0.5],
  [0.1, 0.2, 3],
];
const labels = [0, 2];

async function kernelsOf(f: () => tf.Tensor): Promise<string[]> {
  const info = await tf.profile(() => {
    const out = f();
    out.dataSync();
    return out;
  });
  tf.dispose(info.result as tf.Tensor);
  return info.kernels.map((k) => k.name);
}

describe('path per backend', () => {
  it.each(['cpu', 'wasm'] as const)(
    '%s: value and gradient come from core kernels (no Exp kernel dispatched)',
    async (backend) => {
      await useBackend(backend);
      const y = tf.tensor1d(labels, 'int32');
      const x = tf.tensor2d(logits);
      const forward = await kernelsOf(() => xent.softmaxCrossEntropy(y, x));
      const backward = await kernelsOf(() => tf.grad((p: tf.Tensor) => xent.softmaxCrossEntropy(y, p))(x));
      tf.dispose([y, x]);
      expect(forward).not.toContain('Exp');
      expect(backward).not.toContain('Exp');
      expect(backward).toContain('Multiply'); // upstream gradient × the kernel's gradient
    },
  );

  it('another backend: composite ops, and the forward pass alone builds no one-hot tensor', async () => {
    await useBackend('wasm-composite');
    const y = tf.tensor1d(labels, 'int32');
    const x = tf.tensor2d(logits);
    const forward = await kernelsOf(() => xent.softmaxCrossEntropy(y, x, { validate: false }));
    const backward = await kernelsOf(() => tf.grad((p: tf.Tensor) => xent.softmaxCrossEntropy(y, p))(x));
    tf.dispose([y, x]);
    expect(forward).toContain('Exp');
    expect(forward).not.toContain('OneHot');
    expect(backward).toContain('OneHot');
  });

  it.each(['cpu', 'wasm'] as const)(
    '%s: soft targets get their gradient only when it is asked for',
    async (backend) => {
      await useBackend(backend);
      const t = tf.tensor2d([
        [0.2, 0.3, 0.5],
        [1, 0, 0],
      ]);
      const x = tf.tensor2d(logits);
      const before = tf.memory().numTensors;
      const byPredictions = await kernelsOf(() =>
        tf.grad((p: tf.Tensor) => xent.softmaxCrossEntropy(t, p, { reduction: 'sum' }))(x),
      );
      const byTargets = await kernelsOf(() =>
        tf.grad((tt: tf.Tensor) => xent.softmaxCrossEntropy(tt, x, { reduction: 'sum' }))(t),
      );
      expect(tf.memory().numTensors).toBe(before); // no leak through either gradient
      tf.dispose([t, x]);
      expect(byPredictions).not.toContain('Exp'); // the composite target gradient is pruned
      expect(byTargets).toContain('Exp'); // −log q through the composite form
    },
  );
});
