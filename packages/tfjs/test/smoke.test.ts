import { describe, expect, it } from 'vitest';
import * as x from '../src/index';
import { BACKENDS, tf, useBackend } from './helpers/backend';

describe.each(BACKENDS)('smoke %s', (b) => {
  it('runs', async () => {
    await useBackend(b);
    const before = tf.memory().numTensors;
    console.log(b, x.softmaxCrossEntropy([0], [[0, 0, 0, 0]]).dataSync()[0]);
    console.log(b, x.softmaxCrossEntropy([0], [[1e4, 1e4, 1e4, 1e4]]).dataSync()[0]);
    console.log(b, x.binaryCrossEntropy(1, 0.51).dataSync()[0]);
    console.log(b, x.sigmoidCrossEntropy([1, 0], [0, 0], { posWeight: 3 }).dataSync()[0]);
    console.log(b, x.sigmoidFocalLoss([1], [40], { gamma: 0.5, reduction: 'sum' }).dataSync()[0]);
    const v = tf.variable(
      tf.tensor2d([
        [1, 2, 3],
        [0, 0, Infinity],
      ]),
    );
    const g = tf.grad((z: tf.Tensor) => x.softmaxFocalLoss([0, 2], z, { gamma: 0.5 }))(v);
    console.log(b, g.arraySync());
    g.dispose();
    const l = x.layersLoss(x.sigmoidCrossEntropy, { posWeight: 2 })(
      tf.tensor2d([[1], [0]]),
      tf.tensor2d([[0], [0]]),
    );
    console.log(b, l.arraySync());
    l.dispose();
    v.dispose();
    console.log('leak', tf.memory().numTensors - before);
    expect(tf.memory().numTensors).toBe(before);
  });
});
