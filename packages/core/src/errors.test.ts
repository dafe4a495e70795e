import { describe, expect, test } from 'vitest';
import { describeValue, fail, formatShape, XentError, XentErrorCode } from './errors';

describe('XentError', () => {
  test('message template, code, fn and argument', () => {
    const e = new XentError('INVALID_LABEL', 'softmaxCrossEntropy', 'targets', 'integers in [0, 3)', '1.5');
    expect(e.message).toBe("softmaxCrossEntropy: 'targets' must be integers in [0, 3); received 1.5.");
    expect(e.code).toBe('INVALID_LABEL');
    expect(e.fn).toBe('softmaxCrossEntropy');
    expect(e.argument).toBe('targets');
    expect(e.name).toBe('XentError');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(XentError);
  });

  test('instanceof holds through the Symbol.for brand (another copy of the class), and only through it', () => {
    const brand = Symbol.for('xent.XentError');
    class Copy extends Error {
      constructor() {
        super('x');
        Object.defineProperty(this, brand, { value: true });
      }
    }
    expect(new Copy()).toBeInstanceOf(XentError);
    expect(new Error('x')).not.toBeInstanceOf(XentError);
    expect((null as unknown as object) instanceof XentError).toBe(false);
    expect({ code: 'INVALID_INPUT' } instanceof XentError).toBe(false);
  });

  test('fail throws; the six codes', () => {
    expect(() => fail('EMPTY_INPUT', 'f', 'x', 'y', 'z')).toThrow(XentError);
    expect(Object.keys(XentErrorCode).sort()).toEqual([
      'EMPTY_INPUT',
      'INVALID_INPUT',
      'INVALID_LABEL',
      'INVALID_OPTION',
      'INVALID_PROBABILITY',
      'SHAPE_MISMATCH',
    ]);
  });
});

describe('message parts', () => {
  test('formatShape', () => {
    expect(formatShape([])).toBe('[]');
    expect(formatShape([2, 3])).toBe('[2, 3]');
  });
  test('describeValue', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue('abc')).toBe('"abc"');
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeValue(true)).toBe('boolean true');
    expect(describeValue(() => 0)).toBe('a function');
    expect(describeValue([1, 2])).toBe('an array of length 2');
    expect(describeValue(new Float32Array(3))).toBe('a Float32Array of length 3');
    expect(describeValue(new Map())).toBe('a Map');
    expect(describeValue({})).toBe('an object');
  });
});
