/** Meter state: exact merge, JSON round trip, option checks (SPEC "Meters"). Values: closed forms (ln 2). */
import { describe, expect, test } from 'vitest';
import { XentError } from '../errors';
import { computeLoss } from '../losses/computeLoss';
import {
  createMeterState,
  mergeMeterStates,
  meterStateFromJSON,
  meterStateToJSON,
  meterStateValue,
  resetMeterState,
  updateMeterState,
} from './meterState';

const v = (data: number[], shape: number[]) => ({ data, shape });
const code = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return e instanceof XentError ? `${e.code} ${e.argument}` : 'not a XentError';
  }
  return undefined;
};

describe('meter state', () => {
  test('batches with their own weights add up to one call', () => {
    const s = createMeterState('sigmoidCrossEntropy');
    updateMeterState(s, v([1, 0], [2]), v([0, 2], [2]), [1, 3]);
    updateMeterState(s, v([1], [1]), v([-1], [1]), 2);
    const whole = computeLoss('sigmoidCrossEntropy', v([1, 0, 1], [3]), v([0, 2, -1], [3]), {
      weights: [1, 3, 2],
    }).value;
    expect(Math.abs(meterStateValue(s) - whole)).toBeLessThanOrEqual(1e-15 * whole);
  });

  test('merge, reset and onEmpty', () => {
    const a = createMeterState('binaryCrossEntropy', { reduction: 'sum' });
    const b = createMeterState('binaryCrossEntropy', { reduction: 'sum' });
    updateMeterState(a, v([1], []), v([0.5], []));
    updateMeterState(b, v([0], []), v([0.5], []));
    mergeMeterStates(a, b);
    expect(meterStateValue(a)).toBe(2 * Math.LN2);
    expect(meterStateValue(b)).toBe(Math.LN2);
    resetMeterState(a);
    expect(meterStateValue(a)).toBe(0);
    expect(meterStateValue(createMeterState('entropy', { onEmpty: 'nan' }))).toBeNaN();
    expect(code(() => meterStateValue(createMeterState('entropy', { onEmpty: 'throw' })))).toMatch(
      /^EMPTY_INPUT/,
    );
  });

  test('a failed batch leaves the state unchanged', () => {
    const s = createMeterState('binaryCrossEntropy');
    updateMeterState(s, v([1], []), v([0.5], []));
    expect(() => updateMeterState(s, v([1, 0], [2]), v([0.5, 1.5], [2]))).toThrow(XentError);
    expect(meterStateValue(s)).toBe(Math.LN2);
  });

  test('JSON round trip, infinite sums included', () => {
    const s = createMeterState('softmaxFocalLoss', { gamma: 1, classWeights: [1, 2], reduction: 'sum' });
    updateMeterState(s, v([0], [1]), v([0, 0], [1, 2]));
    const back = meterStateFromJSON(JSON.parse(JSON.stringify(meterStateToJSON(s))));
    expect(meterStateValue(back)).toBe(meterStateValue(s));
    expect(back.key).toBe(s.key);
    const inf = createMeterState('binaryCrossEntropy');
    updateMeterState(inf, v([1], []), v([0], []));
    const json = meterStateToJSON(inf);
    expect(json.sums.sum).toBe('Infinity');
    expect(meterStateValue(meterStateFromJSON(JSON.stringify(json)))).toBe(Number.POSITIVE_INFINITY);
  });

  test('construction and merge errors', () => {
    expect(code(() => createMeterState('binaryCrossEntropy', { weights: [1] }))).toBe(
      'INVALID_OPTION weights',
    );
    expect(code(() => createMeterState('binaryCrossEntropy', { reduction: 'none' }))).toBe(
      'INVALID_OPTION reduction',
    );
    expect(code(() => createMeterState('dice' as never))).toBe('INVALID_INPUT loss');
    const a = createMeterState('binaryCrossEntropy');
    expect(code(() => mergeMeterStates(a, createMeterState('binaryCrossEntropy', { epsilon: 1e-7 })))).toBe(
      'INVALID_OPTION other',
    );
    expect(code(() => mergeMeterStates(a, createMeterState('sigmoidCrossEntropy')))).toBe(
      'INVALID_OPTION other',
    );
    // options equal after defaults merge: an explicit default is the same meter
    expect(
      code(() =>
        mergeMeterStates(a, createMeterState('binaryCrossEntropy', { reduction: 'mean', base: Math.E })),
      ),
    ).toBeUndefined();
  });

  test('fromJSON refuses what is not a meter state', () => {
    const good = meterStateToJSON(createMeterState('entropy'));
    for (const bad of [
      null,
      'not json',
      {},
      { ...good, version: 2 },
      { ...good, loss: 'dice' },
      { ...good, sums: { ...good.sums, count: -1 } },
      { ...good, sums: { ...good.sums, sum: 'lots' } },
    ]) {
      expect(
        code(() => meterStateFromJSON(bad)),
        JSON.stringify(bad),
      ).toBe('INVALID_INPUT state');
    }
  });
});
