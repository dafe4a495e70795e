import { describe, expect, it } from 'vitest';
import * as xent from '../src/index';
import { BACKENDS, tf, useBackend } from './helpers/backend';
import { rng } from './helpers/random';

/**
 * Size: the reductions sum in blocks, so a mean over 10⁶ positions stays within 1e-5 (relative) of the same
 * mean computed in float64 on the same float32 per-element inputs. (TF.js' own float32 sequential sum on
 * wasm is off by ~8e-4 at this size: shown by the last test.)
 */
const N = 1_000_000;

function inputs(): { t: Float32Array; x: Float32Array; ref: number } {
  const r = rng(7);
  const t = new Float32Array(N);
  const x = new Float32Array(N);
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < N; i++) {
    t[i] = r() < 0.3 ? 1 : 0;
    x[i] = Math.fround(6 * r() - 3);
    // float64 reference of the per-element loss: softplus(x) − t x, stable form
    const xi = x[i]!;
    const l = Math.max(xi, 0) - t[i]! * xi + Math.log1p(Math.exp(-Math.abs(xi)));
    const s = sum + l;
    comp += Math.abs(sum) >= Math.abs(l) ? sum - s + l : l - s + sum;
    sum = s;
  }
  return { t, x, ref: (sum + comp) / N };
}

const data = inputs();

describe.each(BACKENDS)('10⁶ elements on %s', (backend) => {
  it('sigmoidCrossEntropy mean within 1e-5 of float64', async () => {
    await useBackend(backend);
    const before = tf.memory().numTensors;
    const t = tf.tensor1d(data.t);
    const x = tf.tensor1d(data.x);
    const v = xent.sigmoidCrossEntropy(t, x);
    const got = v.dataSync()[0]!;
    tf.dispose([t, x, v]);
    console.log(
      `[${backend}] sigmoidCrossEntropy, 10⁶ elements: relative error ${(Math.abs(got - data.ref) / data.ref).toExponential(2)}`,
    );
    expect(Math.abs(got - data.ref) / data.ref).toBeLessThanOrEqual(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('softmaxCrossEntropy mean over 10⁶ rows of 2 classes equals the sigmoid form', async () => {
    await useBackend(backend);
    // softmax over [0, x] with label t is the sigmoid loss of x: same float64 reference
    const logits = new Float32Array(2 * N);
    const labels = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      logits[2 * i + 1] = data.x[i]!;
      labels[i] = data.t[i]!;
    }
    const l = tf.tensor2d(logits, [N, 2]);
    const y = tf.tensor1d(labels, 'int32');
    const v = xent.softmaxCrossEntropy(y, l);
    const got = v.dataSync()[0]!;
    tf.dispose([l, y, v]);
    console.log(
      `[${backend}] softmaxCrossEntropy, 10⁶ rows: relative error ${(Math.abs(got - data.ref) / data.ref).toExponential(2)}`,
    );
    expect(Math.abs(got - data.ref) / data.ref).toBeLessThanOrEqual(1e-5);
  });
});

describe('TF.js baseline', () => {
  it('tf.losses.sigmoidCrossEntropy over 10⁶ elements on wasm (recorded, not asserted beyond finiteness)', async () => {
    await useBackend('wasm');
    const t = tf.tensor1d(data.t);
    const x = tf.tensor1d(data.x);
    const v = tf.losses.sigmoidCrossEntropy(t, x);
    const got = v.dataSync()[0]!;
    tf.dispose([t, x, v]);
    console.log(
      `tf.losses.sigmoidCrossEntropy on wasm, 10⁶ elements: relative error ${(Math.abs(got - data.ref) / data.ref).toExponential(2)}`,
    );
    expect(Number.isFinite(got)).toBe(true);
  });
});
