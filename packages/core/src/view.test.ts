import { describe, expect, test } from 'vitest';
import { XentError } from './errors';
import { checkView, isTensorView, optionView, sizeOf } from './view';

const code = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (e) {
    return e instanceof XentError ? e.code : 'not a XentError';
  }
  return undefined;
};

describe('views', () => {
  test('sizeOf and isTensorView', () => {
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([2, 0, 3])).toBe(0);
    expect(sizeOf([2, 3, 4])).toBe(24);
    expect(isTensorView({ data: [1], shape: [1] })).toBe(true);
    expect(isTensorView({ data: [1], shape: 1 })).toBe(false);
    expect(isTensorView([1])).toBe(false);
  });

  test('checkView refuses malformed views with INVALID_INPUT', () => {
    expect(checkView('f', 'x', { data: [1, 2], shape: [2] }).shape).toEqual([2]);
    expect(code(() => checkView('f', 'x', [1, 2]))).toBe('INVALID_INPUT');
    expect(code(() => checkView('f', 'x', { data: [1, 2], shape: [3] }))).toBe('INVALID_INPUT');
    expect(code(() => checkView('f', 'x', { data: [1, 2], shape: [2.5] }))).toBe('INVALID_INPUT');
    expect(code(() => checkView('f', 'x', { data: [1], shape: [-1] }))).toBe('INVALID_INPUT');
    expect(code(() => checkView('f', 'x', { data: 7, shape: [] }))).toBe('INVALID_INPUT');
  });

  test('optionView: a scalar, flat numbers, a view; nothing else', () => {
    expect(optionView('f', 'w', 2)).toEqual({ data: [2], shape: [] });
    expect(optionView('f', 'w', [1, 2]).shape).toEqual([2]);
    expect(optionView('f', 'w', new Float64Array(3)).shape).toEqual([3]);
    expect(optionView('f', 'w', { data: [1, 2], shape: [2, 1] }).shape).toEqual([2, 1]);
    expect(code(() => optionView('f', 'w', 'a'))).toBe('INVALID_INPUT');
    expect(code(() => optionView('f', 'w', [1, '2']))).toBe('INVALID_INPUT');
    expect(code(() => optionView('f', 'w', new DataView(new ArrayBuffer(8))))).toBe('INVALID_INPUT');
  });
});
