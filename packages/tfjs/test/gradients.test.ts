import { describe, expect, it } from 'vitest';
import * as xent from '../src/index';
import { BACKENDS, tf, useBackend } from './helpers/backend';
import { distributions, matrix, rng } from './helpers/random';
import { centralDifferences, klRef, type RefOptions, sigmoidRef, softmaxRef } from './helpers/ref64';
import { compare, describeWorst, F32 } from './helpers/tolerance';

/**
 * Gradients through tf.grad against central finite differences of the float64 restatement of SPEC's formulas
 * (helpers/ref64.ts) on float32-rounded inputs, and closed-form gradients at the special points SPEC names.
 */

type Loss = (t: unknown, p: unknown, o?: unknown) => tf.Tensor;

function tfGrad(f: Loss, targets: unknown, x: number[][] | number[], options: unknown): number[] {
  return tf.tidy(() =>
    Array.from(
      tf
        .grad((p: tf.Tensor) => f(targets, p, options))(tf.tensor(x))
        .dataSync(),
    ),
  );
}
function tfValue(f: Loss, targets: unknown, x: unknown, options: unknown): number {
  return tf.tidy(() => f(targets, x, options).dataSync()[0]!);
}

const r = rng(20261203);
const logits = matrix(r, 4, 3, -4, 4);
const probs = distributions(r, 4, 3);
const labels = [2, 0, 1, 2];
const soft = distributions(r, 4, 3);
const binT = matrix(r, 1, 8, 0, 1)[0]!;
const binX = matrix(r, 1, 8, -5, 5)[0]!;
const binQ = matrix(r, 1, 8, 0.02, 0.98)[0]!;
const sw = [0.5, 2, 0, 1.25];

interface Config {
  name: string;
  f: Loss;
  targets: unknown;
  x: number[][] | number[];
  options: Record<string, unknown>;
  ref: (x: number[]) => number;
}

const unflat = (x: number[], c: number) =>
  Array.from({ length: x.length / c }, (_, i) => x.slice(i * c, i * c + c));
const configs: Config[] = [];
const softmaxOpts: Array<[string, Record<string, unknown>, RefOptions]> = [
  ['plain', {}, {}],
  [
    'weights + classWeights + smoothing',
    { weights: sw, classWeights: [1, 2, 0.5], labelSmoothing: 0.1 },
    { weights: sw, classWeights: [1, 2, 0.5], labelSmoothing: 0.1 },
  ],
  ['sum', { reduction: 'sum' }, { reduction: 'sum' }],
];
for (const [label, opts, ref] of softmaxOpts) {
  for (const [tn, t] of [
    ['labels', labels],
    ['soft', soft],
  ] as const) {
    configs.push({
      name: `softmaxCrossEntropy ${tn} ${label}`,
      f: xent.softmaxCrossEntropy as Loss,
      targets: t,
      x: logits,
      options: opts,
      ref: (x) => softmaxRef('logits', t as never, unflat(x, 3), ref),
    });
    configs.push({
      name: `categoricalCrossEntropy ${tn} ${label}`,
      f: xent.categoricalCrossEntropy as Loss,
      targets: t,
      x: probs,
      options: opts,
      ref: (x) => softmaxRef('probabilities', t as never, unflat(x, 3), ref),
    });
    for (const gamma of [0.5, 2]) {
      configs.push({
        name: `softmaxFocalLoss γ=${gamma} ${tn} ${label}`,
        f: xent.softmaxFocalLoss as Loss,
        targets: t,
        x: logits,
        options: { ...opts, gamma, alpha: 0.25 },
        ref: (x) => softmaxRef('logits', t as never, unflat(x, 3), { ...ref, gamma, alpha: 0.25 }),
      });
      configs.push({
        name: `categoricalFocalLoss γ=${gamma} ${tn} ${label}`,
        f: xent.categoricalFocalLoss as Loss,
        targets: t,
        x: probs,
        options: { ...opts, gamma },
        ref: (x) => softmaxRef('probabilities', t as never, unflat(x, 3), { ...ref, gamma }),
      });
    }
  }
}
configs.push({
  name: 'softmaxCrossEntropy ignoreIndex + smoothing',
  f: xent.softmaxCrossEntropy as Loss,
  targets: [2, -1, 1, -1],
  x: logits,
  options: { ignoreIndex: -1, labelSmoothing: 0.2 },
  ref: (x) => softmaxRef('logits', [2, -1, 1, -1], unflat(x, 3), { ignoreIndex: -1, labelSmoothing: 0.2 }),
});
const sigOpts: Array<[string, Record<string, unknown>, RefOptions]> = [
  ['plain', {}, {}],
  [
    'posWeight + smoothing + weights',
    { posWeight: 3, labelSmoothing: 0.1, weights: [1, 0, 2, 0.5, 1, 1, 3, 0.25] },
    { posWeight: 3, labelSmoothing: 0.1, weights: [1, 0, 2, 0.5, 1, 1, 3, 0.25] },
  ],
];
for (const [label, opts, ref] of sigOpts) {
  configs.push({
    name: `sigmoidCrossEntropy ${label}`,
    f: xent.sigmoidCrossEntropy as Loss,
    targets: binT,
    x: binX,
    options: opts,
    ref: (x) => sigmoidRef('logits', binT, x, ref),
  });
  configs.push({
    name: `binaryCrossEntropy ${label}`,
    f: xent.binaryCrossEntropy as Loss,
    targets: binT,
    x: binQ,
    options: opts,
    ref: (x) => sigmoidRef('probabilities', binT, x, ref),
  });
  for (const gamma of [0.5, 2]) {
    configs.push({
      name: `sigmoidFocalLoss γ=${gamma} ${label}`,
      f: xent.sigmoidFocalLoss as Loss,
      targets: binT,
      x: binX,
      options: { ...opts, gamma, alpha: 0.25 },
      ref: (x) => sigmoidRef('logits', binT, x, { ...ref, gamma, alpha: 0.25 }),
    });
    configs.push({
      name: `binaryFocalLoss γ=${gamma} ${label}`,
      f: xent.binaryFocalLoss as Loss,
      targets: binT,
      x: binQ,
      options: { ...opts, gamma },
      ref: (x) => sigmoidRef('probabilities', binT, x, { ...ref, gamma }),
    });
  }
}
configs.push({
  name: 'klDivergence probabilities weighted',
  f: xent.klDivergence as Loss,
  targets: soft,
  x: probs,
  options: { weights: sw },
  ref: (x) => klRef(soft, unflat(x, 3), false, { weights: sw }),
});
configs.push({
  name: 'klDivergence logits',
  f: xent.klDivergence as Loss,
  targets: soft,
  x: logits,
  options: { from: 'logits' },
  ref: (x) => klRef(soft, unflat(x, 3), true, {}),
});
const logProbs = logits.map((row) => {
  const m = Math.max(...row);
  const s = row.reduce((a, v) => a + Math.exp(v - m), 0);
  return row.map((v) => Math.fround(v - m - Math.log(s)));
});
configs.push({
  name: 'nllLoss labels',
  f: xent.nllLoss as Loss,
  targets: labels,
  x: logProbs,
  options: {},
  ref: (x) =>
    softmaxRef(
      'probabilities',
      labels,
      unflat(x, 3).map((row) => row.map(Math.exp)),
      {},
    ),
});

describe.each(BACKENDS)('gradients on %s', (backend) => {
  it.each(configs.map((c) => [c.name, c] as const))(
    '%s: value and tf.grad match float64 finite differences',
    async (_, c) => {
      await useBackend(backend);
      const before = tf.memory().numTensors;
      const flatX = (c.x as number[] | number[][]).flat() as number[];
      const value = tfValue(c.f, c.targets, c.x, c.options);
      const v = compare([value], [c.ref(flatX)], F32.rel, F32.abs, 'value');
      expect(v.ratio, describeWorst(v)).toBeLessThanOrEqual(1);
      const g = tfGrad(c.f, c.targets, c.x, c.options);
      const fd = centralDifferences(c.ref, flatX);
      const w = compare(g, fd, F32.gradRel, F32.gradAbs, 'grad');
      expect(w.ratio, describeWorst(w)).toBeLessThanOrEqual(1);
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('±Infinity logits: finite, closed-form gradients (q − t)', async () => {
    await useBackend(backend);
    // labels: q = [1, 0, 0] for logits [∞, 0, −∞] → loss 0, gradient q − onehot = 0
    expect(tfValue(xent.softmaxCrossEntropy as Loss, [0], [[Infinity, 0, -Infinity]], {})).toBe(0);
    expect(tfGrad(xent.softmaxCrossEntropy as Loss, [0], [[Infinity, 0, -Infinity]], {})).toEqual([0, 0, 0]);
    // two +∞ share the mass: q = [½, ½, 0]; soft target [½, ½, 0] → loss ln 2, gradient q − t = 0
    const v = tfValue(
      xent.softmaxCrossEntropy as Loss,
      [[0.5, 0.5, 0]],
      [[Infinity, Infinity, -Infinity]],
      {},
    );
    expect(Math.abs(v - Math.LN2)).toBeLessThanOrEqual(1e-6);
    expect(
      tfGrad(xent.softmaxCrossEntropy as Loss, [[0.5, 0.5, 0]], [[Infinity, Infinity, -Infinity]], {}),
    ).toEqual([0, 0, 0]);
    // sigmoid: t = 1 at +∞ and t = 0 at −∞ are exact: loss 0, gradients −σ(−∞) = 0 and σ(−∞) = 0
    expect(tfValue(xent.sigmoidCrossEntropy as Loss, [1, 0], [Infinity, -Infinity], {})).toBe(0);
    expect(tfGrad(xent.sigmoidCrossEntropy as Loss, [1, 0], [Infinity, -Infinity], {}).map(Math.abs)).toEqual(
      [0, 0],
    );
  });

  it('clip bounds: the clipped value does not move (gradient 0)', async () => {
    await useBackend(backend);
    const lo = Math.fround(1e-7);
    // q = 0 and q = ε (the bound itself) under t = 1: value −ln(fround(ε)), gradient 0
    for (const q of [0, lo]) {
      const v = tfValue(xent.binaryCrossEntropy as Loss, [1], [q], { epsilon: 1e-7 });
      expect(Math.abs(v + Math.log(lo)) / -Math.log(lo)).toBeLessThanOrEqual(F32.rel);
      expect(tfGrad(xent.binaryCrossEntropy as Loss, [1], [q], { epsilon: 1e-7 }).map(Math.abs)).toEqual([0]);
    }
    expect(
      tfGrad(xent.categoricalCrossEntropy as Loss, [0], [[1, 0]], { epsilon: 1e-7 }).map(Math.abs),
    ).toEqual([0, 0]);
  });

  it('focal γ < 1 at saturated logits and probabilities: finite gradients', async () => {
    await useBackend(backend);
    for (const gamma of [0, 0.25, 0.5, 0.99]) {
      for (const x of [30, 100, Infinity]) {
        const g = tfGrad(xent.sigmoidFocalLoss as Loss, [1, 0], [x, -x], { gamma });
        expect(g.every(Number.isFinite), `sigmoid γ=${gamma} x=${x}: ${g}`).toBe(true);
        const gs = tfGrad(xent.softmaxFocalLoss as Loss, [0], [[x, 0, -1]], { gamma });
        expect(gs.every(Number.isFinite), `softmax γ=${gamma} x=${x}: ${gs}`).toBe(true);
      }
      const gc = tfGrad(xent.categoricalFocalLoss as Loss, [0], [[1, 0]], { gamma });
      expect(gc.every(Number.isFinite), `categorical γ=${gamma}: ${gc}`).toBe(true);
      const gb = tfGrad(xent.binaryFocalLoss as Loss, [1, 0], [1, 0], { gamma });
      expect(gb.every(Number.isFinite), `binary γ=${gamma}: ${gb}`).toBe(true);
    }
  });

  it('soft targets: the gradient w.r.t. the targets is −log q (tf.losses gives labels − softmax)', async () => {
    await useBackend(backend);
    const t = [[0.2, 0.3, 0.5]];
    const x = [[1, -2, 0.5]];
    const got = tf.tidy(() =>
      Array.from(
        tf
          .grad((tt: tf.Tensor) => xent.softmaxCrossEntropy(tt, x, { reduction: 'sum' }))(tf.tensor(t))
          .dataSync(),
      ),
    );
    // ∂/∂t_c Σ_c −t_c log q_c = −log q_c (closed form, float64)
    const m = Math.max(...x[0]!);
    const lse = m + Math.log(x[0]!.reduce((a, v) => a + Math.exp(v - m), 0));
    const expected = x[0]!.map((v) => lse - v);
    const w = compare(got, expected, F32.gradRel, F32.gradAbs, 'dL/dt');
    expect(w.ratio, describeWorst(w)).toBeLessThanOrEqual(1);
  });
});
