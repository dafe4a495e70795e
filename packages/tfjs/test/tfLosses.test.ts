import { describe, expect, it } from 'vitest';
import * as xent from '../src/index';
import { BACKENDS, tf, useBackend } from './helpers/backend';
import { compare, describeWorst, F32 } from './helpers/tolerance';

/**
 * Side by side with tf.losses: equal values (and gradients w.r.t. the predictions) where the definitions
 * agree; the places where they differ are written down as tests of the difference.
 */
const onehot = [
  [1, 0, 0],
  [0, 0, 1],
  [0, 1, 0],
];
const logits = [
  [2, -1, 0.5],
  [0.1, 0.2, 3],
  [-2, 4, 1],
];
const bin = [
  [1, 0, 1],
  [0, 1, 0],
];
const binLogits = [
  [1.5, -0.3, 2],
  [-4, 0.7, 0.1],
];

function vals(t: tf.Tensor): number[] {
  const out = Array.from(t.dataSync());
  t.dispose();
  return out;
}

describe.each(BACKENDS)('against tf.losses on %s', (backend) => {
  it('softmaxCrossEntropy equals tf.losses.softmaxCrossEntropy (one-hot, mean, no smoothing) with equal gradients', async () => {
    await useBackend(backend);
    const ours = vals(xent.softmaxCrossEntropy(onehot, logits));
    const theirs = vals(tf.losses.softmaxCrossEntropy(tf.tensor2d(onehot), tf.tensor2d(logits)));
    expect(compare(ours, theirs, F32.rel, F32.abs, 'value').ratio).toBeLessThanOrEqual(1);
    const g1 = tf.tidy(() =>
      vals(tf.grad((p: tf.Tensor) => xent.softmaxCrossEntropy(onehot, p))(tf.tensor2d(logits))),
    );
    const g2 = tf.tidy(() =>
      vals(
        tf.grad((p: tf.Tensor) => tf.losses.softmaxCrossEntropy(tf.tensor2d(onehot), p))(tf.tensor2d(logits)),
      ),
    );
    const w = compare(g1, g2, F32.gradRel, F32.gradAbs, 'grad');
    expect(w.ratio, describeWorst(w)).toBeLessThanOrEqual(1);
  });

  it('integer labels give the same value as one-hot (tf.losses has no sparse form)', async () => {
    await useBackend(backend);
    const a = vals(xent.softmaxCrossEntropy([0, 2, 1], logits));
    const b = vals(tf.losses.softmaxCrossEntropy(tf.tensor2d(onehot), tf.tensor2d(logits)));
    expect(compare(a, b, F32.rel, F32.abs, 'value').ratio).toBeLessThanOrEqual(1);
  });

  it('sigmoidCrossEntropy equals tf.losses.sigmoidCrossEntropy, also with label smoothing', async () => {
    await useBackend(backend);
    for (const ls of [0, 0.2]) {
      const ours = vals(xent.sigmoidCrossEntropy(bin, binLogits, { labelSmoothing: ls }));
      const theirs = vals(
        tf.losses.sigmoidCrossEntropy(tf.tensor2d(bin), tf.tensor2d(binLogits), undefined, ls),
      );
      expect(compare(ours, theirs, F32.rel, F32.abs, 'value').ratio).toBeLessThanOrEqual(1);
    }
  });

  it('sumOverNonzeroWeights equals tf.losses Reduction.SUM_BY_NONZERO_WEIGHTS', async () => {
    await useBackend(backend);
    const w = [
      [1, 0, 2],
      [0, 3, 1],
    ];
    const ours = vals(
      xent.sigmoidCrossEntropy(bin, binLogits, { weights: w, reduction: 'sumOverNonzeroWeights' }),
    );
    const theirs = vals(
      tf.losses.sigmoidCrossEntropy(
        tf.tensor2d(bin),
        tf.tensor2d(binLogits),
        tf.tensor2d(w),
        0,
        tf.Reduction.SUM_BY_NONZERO_WEIGHTS,
      ),
    );
    expect(compare(ours, theirs, F32.rel, F32.abs, 'value').ratio).toBeLessThanOrEqual(1);
  });

  it('differs: tf.losses smooths towards 1/shape[1], here towards 1/C of the class axis', async () => {
    await useBackend(backend);
    // [N=2, C=3] logits, class axis 1 = last: both agree when shape[1] is the class count
    const a = vals(xent.softmaxCrossEntropy(onehot, logits, { labelSmoothing: 0.3 }));
    const b = vals(tf.losses.softmaxCrossEntropy(tf.tensor2d(onehot), tf.tensor2d(logits), undefined, 0.3));
    expect(compare(a, b, F32.rel, F32.abs, 'value').ratio).toBeLessThanOrEqual(1);
    // rank 3 [1, 3, 2]: tf.losses reads C = shape[1] = 3 while the class axis (last) has 2 classes
    const t3 = [
      [
        [1, 0],
        [0, 1],
        [1, 0],
      ],
    ];
    const x3 = [
      [
        [1, -1],
        [0.5, 2],
        [0, 0],
      ],
    ];
    const ours = vals(xent.softmaxCrossEntropy(t3, x3, { labelSmoothing: 0.4, reduction: 'sum' }));
    const theirs = vals(
      tf.losses.softmaxCrossEntropy(tf.tensor3d(t3), tf.tensor3d(x3), undefined, 0.4, tf.Reduction.SUM),
    );
    // closed form of SPEC's definition: t' = 0.6 t + 0.4/2, a = Σ_c −t'_c log softmax(x)_c
    const expected = x3[0]!.reduce((acc, row, n) => {
      const lse = Math.log(Math.exp(row[0]!) + Math.exp(row[1]!));
      return acc + row.reduce((s, v, c) => s + (0.6 * t3[0]![n]![c]! + 0.2) * (lse - v), 0);
    }, 0);
    expect(Math.abs(ours[0]! - expected) / expected).toBeLessThanOrEqual(F32.rel);
    expect(Math.abs(theirs[0]! - expected) / expected).toBeGreaterThan(1e-3);
  });

  it('differs: the gradient w.r.t. soft labels is −log q here, labels − softmax in tf.losses', async () => {
    await useBackend(backend);
    const t = [[0.2, 0.3, 0.5]];
    const x = [[1, -2, 0.5]];
    const ours = tf.tidy(() =>
      vals(tf.grad((tt: tf.Tensor) => xent.softmaxCrossEntropy(tt, x, { reduction: 'sum' }))(tf.tensor2d(t))),
    );
    const theirs = tf.tidy(() =>
      vals(
        tf.grad((tt: tf.Tensor) =>
          tf.losses.softmaxCrossEntropy(tt, tf.tensor2d(x), undefined, 0, tf.Reduction.SUM),
        )(tf.tensor2d(t)),
      ),
    );
    const lse = Math.log(x[0]!.reduce((a, v) => a + Math.exp(v), 0));
    const negLogQ = x[0]!.map((v) => lse - v); // the true derivative (closed form)
    const q = negLogQ.map((v) => Math.exp(-v));
    expect(compare(ours, negLogQ, F32.gradRel, F32.gradAbs, 'ours').ratio).toBeLessThanOrEqual(1);
    expect(
      compare(
        theirs,
        t[0]!.map((tc, c) => tc - q[c]!),
        F32.gradRel,
        F32.gradAbs,
        'theirs',
      ).ratio,
    ).toBeLessThanOrEqual(1);
  });

  it('differs: equal logits of 1e4 give ln 4 here, 1.386719 from tf.losses on float32', async () => {
    await useBackend(backend);
    const x = [[1e4, 1e4, 1e4, 1e4]];
    const ours = vals(xent.softmaxCrossEntropy([[1, 0, 0, 0]], x))[0]!;
    const theirs = vals(tf.losses.softmaxCrossEntropy(tf.tensor2d([[1, 0, 0, 0]]), tf.tensor2d(x)))[0]!;
    expect(Math.abs(ours - Math.log(4)) / Math.log(4)).toBeLessThanOrEqual(F32.rel);
    expect(Math.abs(theirs - Math.log(4)) / Math.log(4)).toBeGreaterThan(1e-4);
  });
});
