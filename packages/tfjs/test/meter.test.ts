/**
 * The tfjs LossMeter keeps its state in @xent/core's meter state: the JSON form is the one @xent/arrays
 * writes, so partial results from either adapter combine; a non-loss is INVALID_INPUT, as in @xent/arrays.
 */
import * as xa from '@xent/arrays';
import { describe, expect, it } from 'vitest';
import * as xent from '../src/index';
import { tf, useBackend } from './helpers/backend';

/** The code of the XentError `f` throws ('no error' when it returns). */
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as xent.XentError).code;
  }
  return 'no error';
};

describe('LossMeter (tfjs) and @xent/arrays', () => {
  it('an @xent/arrays meter restores and merges here, and the other way round', async () => {
    await useBackend('cpu');
    const a = new xa.LossMeter(xa.binaryCrossEntropy);
    a.update([1, 1], [0.51, 0.98]);
    const t = new xent.LossMeter(xent.binaryCrossEntropy);
    t.update(tf.tensor1d([0]), tf.tensor1d([0.1]));
    const merged = xent.LossMeter.fromJSON(JSON.parse(JSON.stringify(a.toJSON()))).merge(t);
    // −(ln 0.51 + ln 0.98 + ln 0.9) / 3, the mean over the three X-rays (0.1 is float32-rounded here)
    const expected = -(Math.log(0.51) + Math.log(0.98) + Math.log1p(-Math.fround(0.1))) / 3;
    expect(Math.abs(merged.value - expected) / expected).toBeLessThanOrEqual(1e-6);
    const back = xa.LossMeter.fromJSON(JSON.stringify(merged.toJSON()));
    expect(Math.abs(back.value - expected) / expected).toBeLessThanOrEqual(1e-6);
  });

  it('refuses what is not one of its losses with INVALID_INPUT, and options the loss does not take', () => {
    expect(code(() => new xent.LossMeter(() => tf.scalar(1)))).toBe('INVALID_INPUT');
    expect(code(() => new xent.LossMeter(xa.softmaxCrossEntropy as never))).toBe('INVALID_INPUT');
    expect(code(() => new xent.LossMeter(xent.softmaxCrossEntropy, { gamma: 1 }))).toBe('INVALID_OPTION');
  });

  it('a scalar-tensor posWeight is a number; float64 class weights survive JSON to and from @xent/arrays', async () => {
    await useBackend('cpu');
    const m = new xent.LossMeter(xent.sigmoidCrossEntropy, { posWeight: tf.scalar(2), reduction: 'sum' });
    m.update(tf.tensor1d([1]), tf.tensor1d([0]));
    m.merge(
      xent.LossMeter.fromJSON(
        new xa.LossMeter(xa.sigmoidCrossEntropy, { posWeight: 2, reduction: 'sum' }).toJSON(),
      ),
    );
    expect(Math.abs(m.value - 2 * Math.LN2)).toBeLessThanOrEqual(1e-6); // 2 · softplus(0)
    const cw = [0.1, 0.2, 0.3];
    const t = new xent.LossMeter(xent.softmaxCrossEntropy, { classWeights: cw });
    t.update(tf.tensor1d([2], 'int32'), tf.tensor2d([[0, 0, 0]]));
    const a = new xa.LossMeter(xa.softmaxCrossEntropy, { classWeights: cw });
    a.merge(xa.LossMeter.fromJSON(JSON.stringify(t.toJSON())));
    expect(Math.abs(a.value - Math.log(3))).toBeLessThanOrEqual(1e-6); // weighted mean of one row: ln 3
    expect(xent.LossMeter.fromJSON(a.toJSON()).toJSON().options.classWeights).toEqual(cw);
  });

  it('update takes weights only; an entropy meter takes (p, { weights }); merge takes a meter', async () => {
    await useBackend('cpu');
    const m = new xent.LossMeter(xent.sigmoidCrossEntropy);
    expect(code(() => m.update([1], [0], { weight: [5] } as never))).toBe('INVALID_OPTION');
    expect(code(() => m.merge({} as never))).toBe('INVALID_INPUT');
    const e = new xent.LossMeter(xent.entropy);
    expect(code(() => e.update([[0.5, 0.5]], [[0.5, 0.5]]))).toBe('INVALID_INPUT');
    e.update(
      [
        [0.9, 0.1],
        [0.5, 0.5],
      ],
      { weights: [0, 1] },
    );
    expect(Math.abs(e.value - Math.LN2)).toBeLessThanOrEqual(1e-6); // only the second row counts: ln 2
  });

  it('takes a tensor posWeight and keeps it through toJSON/fromJSON', async () => {
    await useBackend('cpu');
    const before = tf.memory().numTensors;
    const pw = tf.tensor1d([2, 1]);
    const m = new xent.LossMeter(xent.sigmoidCrossEntropy, { posWeight: pw, reduction: 'sum' });
    m.update([[1, 1]], [[0, 0]]);
    const r = xent.LossMeter.fromJSON(m.toJSON());
    r.update([[1, 0]], [[0, 0]]);
    pw.dispose();
    // 2 ln 2 + ln 2, then 2 ln 2 + ln 2 (softplus(0) = ln 2 for either term)
    expect(Math.abs(r.value - 6 * Math.LN2)).toBeLessThanOrEqual(1e-6);
    expect(tf.memory().numTensors).toBe(before);
  });
});
