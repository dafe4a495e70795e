import { describe, expect, it } from 'vitest';
import * as xent from '../src/index';
import { BACKENDS, tf, useBackend } from './helpers/backend';

/**
 * `tf.memory().numTensors` is the same before and after every call, every gradient and every error, for
 * every exported function, with tensor and TensorLike inputs.
 */
type Any = (...a: unknown[]) => tf.Tensor;
const x = xent as unknown as Record<string, Any>;

interface Call {
  name: string;
  fn: string;
  args: () => unknown[];
  gradArg?: number;
}

const logits = [
  [1, 2, -1],
  [0.5, 0, 3],
];
const probs = [
  [0.2, 0.3, 0.5],
  [0.6, 0.3, 0.1],
];
const calls: Call[] = [];
for (const fn of ['softmaxCrossEntropy', 'softmaxFocalLoss', 'nllLoss']) {
  const p = fn === 'nllLoss' ? probs.map((r) => r.map(Math.log)) : logits;
  for (const reduction of ['mean', 'none', 'sum', 'sumOverCount', 'sumOverNonzeroWeights']) {
    calls.push({
      name: `${fn} labels ${reduction}`,
      fn,
      args: () => [
        tf.tensor1d([2, -1], 'int32'),
        tf.tensor2d(p),
        { reduction, ignoreIndex: -1, weights: [1, 2], classWeights: [1, 2, 3] },
      ],
      gradArg: 1,
    });
  }
  calls.push({
    name: `${fn} soft`,
    fn,
    args: () => [probs, tf.tensor2d(p), { labelSmoothing: 0.1 }],
    gradArg: 1,
  });
}
for (const fn of ['categoricalCrossEntropy', 'categoricalFocalLoss']) {
  calls.push({
    name: `${fn}`,
    fn,
    args: () => [[2, 0], tf.tensor2d(probs), { epsilon: 1e-7, axis: 1 }],
    gradArg: 1,
  });
}
for (const fn of ['sigmoidCrossEntropy', 'sigmoidFocalLoss']) {
  calls.push({
    name: `${fn}`,
    fn,
    args: () => [
      [
        [1, 0, -1],
        [0, 1, 1],
      ],
      tf.tensor2d(logits),
      { ignoreValue: -1, posWeight: [1, 2, 3] },
    ],
    gradArg: 1,
  });
  calls.push({
    name: `${fn} none`,
    fn,
    args: () => [
      tf.tensor2d([
        [1, 0, 1],
        [0, 1, 1],
      ]),
      tf.tensor2d(logits),
      { reduction: 'none', weights: [[1], [0]] },
    ],
    gradArg: 1,
  });
}
for (const fn of ['binaryCrossEntropy', 'binaryFocalLoss']) {
  calls.push({
    name: `${fn}`,
    fn,
    args: () => [
      [
        [1, 0, 1],
        [0, 1, 1],
      ],
      tf.tensor2d(probs),
      { epsilon: 1e-7 },
    ],
    gradArg: 1,
  });
}
calls.push({
  name: 'klDivergence',
  fn: 'klDivergence',
  args: () => [tf.tensor2d(probs), tf.tensor2d(probs), {}],
  gradArg: 1,
});
calls.push({
  name: 'klDivergence logits',
  fn: 'klDivergence',
  args: () => [probs, tf.tensor2d(logits), { from: 'logits', reduction: 'none' }],
  gradArg: 1,
});
calls.push({ name: 'entropy', fn: 'entropy', args: () => [tf.tensor2d(probs), { base: 2 }], gradArg: 0 });
for (const fn of ['logSumExp', 'logSoftmax', 'softmax']) {
  calls.push({ name: fn, fn, args: () => [tf.tensor2d(logits), { axis: 0 }], gradArg: 0 });
}
for (const fn of ['logSigmoid', 'sigmoid'])
  calls.push({ name: fn, fn, args: () => [tf.tensor2d(logits)], gradArg: 0 });

const errors: Call[] = [
  { name: 'unknown option', fn: 'softmaxCrossEntropy', args: () => [[0], [[1, 2]], { gamma: 2 }] },
  { name: 'bad label', fn: 'softmaxCrossEntropy', args: () => [[5], [[1, 2]]] },
  { name: 'shape mismatch', fn: 'sigmoidCrossEntropy', args: () => [[0, 1], [[1, 2]]] },
  { name: 'bad probability', fn: 'binaryCrossEntropy', args: () => [[0.5], [1.5]] },
  { name: 'bad weights', fn: 'sigmoidCrossEntropy', args: () => [[1], [0], { weights: [-1] }] },
  {
    name: 'bad classWeights',
    fn: 'softmaxCrossEntropy',
    args: () => [[0], [[1, 2]], { classWeights: [1, 2, 3] }],
  },
  {
    name: 'empty throw',
    fn: 'softmaxCrossEntropy',
    args: () => [[-1], [[1, 2]], { ignoreIndex: -1, onEmpty: 'throw' }],
  },
  { name: 'bad distribution', fn: 'klDivergence', args: () => [[[0.5, 0.6]], [[0.5, 0.5]]] },
  {
    name: 'ragged',
    fn: 'sigmoidCrossEntropy',
    args: () => [
      [[1], [0, 1]],
      [[0], [0, 0]],
    ],
  },
];

describe.each(BACKENDS)('no leaks on %s', (backend) => {
  it.each(calls.map((c) => [c.name, c] as const))('%s: call and gradient', async (_, c) => {
    await useBackend(backend);
    const args = c.args();
    const owned = args.filter((a): a is tf.Tensor => a instanceof tf.Tensor);
    const before = tf.memory().numTensors;
    x[c.fn]!(...args).dispose();
    expect(tf.memory().numTensors).toBe(before);
    if (c.gradArg !== undefined) {
      const g = tf.grad((v: tf.Tensor) => {
        const a = args.slice();
        a[c.gradArg!] = v;
        return x[c.fn]!(...a);
      })(args[c.gradArg] as tf.Tensor);
      g.dispose();
      expect(tf.memory().numTensors).toBe(before);
      const variable = tf.variable(args[c.gradArg] as tf.Tensor);
      const withVariable = tf.memory().numTensors;
      const { value, grads } = tf.variableGrads(() => {
        const a = args.slice();
        a[c.gradArg!] = tf.mul(variable, 1);
        return tf.sum(x[c.fn]!(...a));
      }, [variable]);
      value.dispose();
      tf.dispose(grads);
      expect(tf.memory().numTensors).toBe(withVariable);
      variable.dispose();
    }
    tf.dispose(owned);
  });
  it.each(errors.map((c) => [c.name, c] as const))('%s: error path', async (_, c) => {
    await useBackend(backend);
    const before = tf.memory().numTensors;
    expect(() => x[c.fn]!(...c.args())).toThrow(xent.XentError);
    expect(tf.memory().numTensors).toBe(before);
  });
  it('layersLoss and LossMeter', async () => {
    await useBackend(backend);
    const yTrue = tf.tensor2d([[1], [0]]);
    const yPred = tf.tensor2d([[0.3], [-2]]);
    const before = tf.memory().numTensors;
    const loss = xent.layersLoss(xent.sigmoidCrossEntropy, { posWeight: 2 });
    loss(yTrue, yPred).dispose();
    tf.grad((p: tf.Tensor) => loss(yTrue, p))(yPred).dispose();
    const m = new xent.LossMeter(xent.softmaxCrossEntropy);
    m.update(
      [0, 1],
      logits.map((r) => r.slice(0, 2)),
    );
    m.update([1], [[0, 1]]);
    expect(Number.isFinite(m.value)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([yTrue, yPred]);
  });
});
