import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import * as xent from '../src/index';
import { BACKENDS, tf, useBackend } from './helpers/backend';
import { rng } from './helpers/random';

/**
 * `layersLoss` in `LayersModel.compile({ loss })`: a small model trained with it loses loss, and follows the
 * same path as the same model (same initial weights, same data, same SGD steps) trained with TF.js's own loss
 * (a sigmoid/softmax output layer with 'binaryCrossentropy'/'categoricalCrossentropy').
 */
const r = rng(99);
const N = 64;
const D = 4;
const features = Array.from({ length: N }, () => Array.from({ length: D }, () => 2 * r() - 1));
const binary = features.map((f) => [f[0]! + 0.5 * f[1]! > 0 ? 1 : 0]);
const classes = features.map((f) => {
  const c = f[0]! > 0.3 ? 0 : f[1]! > 0 ? 1 : 2;
  return [0, 1, 2].map((k) => (k === c ? 1 : 0));
});
const kernel = (units: number) =>
  Array.from({ length: D }, () => Array.from({ length: units }, () => 0.5 * r() - 0.25));

function model(units: number, activation: 'linear' | 'sigmoid' | 'softmax', k: number[][]): tfl.Sequential {
  const m = tfl.sequential();
  m.add(tfl.layers.dense({ units, activation, inputShape: [D] }));
  m.setWeights([tf.tensor2d(k), tf.zeros([units])]);
  return m;
}

async function train(
  m: tfl.Sequential,
  loss: unknown,
  y: number[][],
): Promise<{ losses: number[]; weights: number[] }> {
  m.compile({ optimizer: tf.train.sgd(0.5), loss: loss as string });
  const xs = tf.tensor2d(features);
  const ys = tf.tensor2d(y);
  const h = await m.fit(xs, ys, { epochs: 8, batchSize: 16, shuffle: false, verbose: 0 });
  tf.dispose([xs, ys]);
  const weights = m.getWeights().flatMap((w) => Array.from(w.dataSync()));
  return { losses: h.history.loss as number[], weights };
}

function maxRel(a: number[], b: number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!) / Math.max(1e-6, Math.abs(b[i]!))));
}

describe.each(BACKENDS)('layers training on %s', (backend) => {
  it('layersLoss(sigmoidCrossEntropy) on logits ≡ sigmoid output + binaryCrossentropy', async () => {
    await useBackend(backend);
    const k = kernel(1);
    const ours = await train(model(1, 'linear', k), xent.layersLoss(xent.sigmoidCrossEntropy), binary);
    const theirs = await train(model(1, 'sigmoid', k), 'binaryCrossentropy', binary);
    expect(ours.losses.at(-1)!).toBeLessThan(ours.losses[0]! * 0.8);
    console.log(
      `[${backend}] sigmoid: loss ${ours.losses[0]!.toFixed(5)} → ${ours.losses.at(-1)!.toFixed(5)}; max relative difference to TF.js: losses ${maxRel(ours.losses, theirs.losses).toExponential(2)}, weights ${maxRel(ours.weights, theirs.weights).toExponential(2)}`,
    );
    expect(maxRel(ours.losses, theirs.losses)).toBeLessThanOrEqual(1e-4);
    expect(maxRel(ours.weights, theirs.weights)).toBeLessThanOrEqual(1e-4);
  });

  it('layersLoss(softmaxCrossEntropy) on logits ≡ softmax output + categoricalCrossentropy', async () => {
    await useBackend(backend);
    const k = kernel(3);
    const ours = await train(model(3, 'linear', k), xent.layersLoss(xent.softmaxCrossEntropy), classes);
    const theirs = await train(model(3, 'softmax', k), 'categoricalCrossentropy', classes);
    expect(ours.losses.at(-1)!).toBeLessThan(ours.losses[0]! * 0.8);
    console.log(
      `[${backend}] softmax: loss ${ours.losses[0]!.toFixed(5)} → ${ours.losses.at(-1)!.toFixed(5)}; max relative difference to TF.js: losses ${maxRel(ours.losses, theirs.losses).toExponential(2)}, weights ${maxRel(ours.weights, theirs.weights).toExponential(2)}`,
    );
    expect(maxRel(ours.losses, theirs.losses)).toBeLessThanOrEqual(1e-4);
    expect(maxRel(ours.weights, theirs.weights)).toBeLessThanOrEqual(1e-4);
  });

  it('returns one value per sample: the reduction over that sample’s positions', async () => {
    await useBackend(backend);
    // per-sample mean over 2 labels: sample 0: (2 ln 2 + ln 2)/2 with posWeight 2 on the positive; sample 1: ln 2
    const loss = xent.layersLoss(xent.sigmoidCrossEntropy, { posWeight: 2 });
    const out = loss(
      tf.tensor2d([
        [1, 0],
        [0, 0],
      ]),
      tf.tensor2d([
        [0, 0],
        [0, 0],
      ]),
    );
    expect(out.shape).toEqual([2]);
    const v = Array.from(out.dataSync());
    out.dispose();
    expect(Math.abs(v[0]! - 1.5 * Math.LN2)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(v[1]! - Math.LN2)).toBeLessThanOrEqual(1e-6);
  });

  it("refuses reduction 'none' and weights", () => {
    // refused by the types as well as at run time (JavaScript callers)
    // @ts-expect-error: reduction 'none' is not a layersLoss option
    expect(() => xent.layersLoss(xent.sigmoidCrossEntropy, { reduction: 'none' })).toThrow(xent.XentError);
    // @ts-expect-error: weights are fit's sampleWeight in layersLoss
    expect(() => xent.layersLoss(xent.sigmoidCrossEntropy, { weights: [1] })).toThrow(xent.XentError);
  });

  it('checks its loss and options when called, not at the first batch of fit', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof xent.XentError ? `${e.code}: ${e.message}` : `not an XentError: ${e}`;
      }
      return 'no error';
    };
    const anyLoss = xent.layersLoss as unknown as (f: unknown, o?: unknown) => unknown;
    expect(code(() => anyLoss(xent.entropy))).toMatch(/^INVALID_INPUT: layersLoss: 'f' must be/);
    expect(code(() => anyLoss(xent.logSumExp))).toMatch(/^INVALID_INPUT/);
    expect(code(() => anyLoss((_a: tf.Tensor, b: tf.Tensor) => tf.sum(b)))).toMatch(/^INVALID_INPUT/);
    expect(code(() => anyLoss(xent.softmaxCrossEntropy, 'mean'))).toMatch(
      /^INVALID_OPTION: softmaxCrossEntropy: 'options' must be an object/,
    );
    expect(code(() => anyLoss(xent.softmaxCrossEntropy, { gamma: 1 }))).toMatch(/^INVALID_OPTION: .*'gamma'/);
    expect(code(() => anyLoss(xent.sigmoidCrossEntropy, { labelSmoothing: 2 }))).toMatch(/^INVALID_OPTION/);
    expect(code(() => anyLoss(xent.sigmoidCrossEntropy, { posWeight: tf.tensor1d([2]) }))).toBe('no error');
  });

  it('a disposed tensor is an INVALID_INPUT XentError, not a TF.js error', () => {
    const d = tf.tensor1d([1, 2]);
    d.dispose();
    expect(() => xent.sigmoidCrossEntropy([1, 0], d)).toThrow(/disposed/);
    try {
      xent.sigmoidCrossEntropy([1, 0], d);
    } catch (e) {
      expect((e as xent.XentError).code).toBe('INVALID_INPUT');
    }
  });
});
