import { describe, expect, test } from 'vitest';
import { XentError } from '../errors';
import { broadcastTo } from './broadcast';

const b = (data: number[], shape: number[], to: number[]) =>
  Array.from(broadcastTo('f', 'weights', { data, shape }, to));

describe('broadcastTo (NumPy rules, right-aligned, strict)', () => {
  test('equal shapes return the data itself', () => {
    const data = [1, 2, 3];
    expect(broadcastTo('f', 'w', { data, shape: [3] }, [3])).toBe(data);
  });
  test('scalars, rank-0 and size-1 views fill', () => {
    expect(b([7], [], [2, 2])).toEqual([7, 7, 7, 7]);
    expect(b([7], [1, 1], [2, 2])).toEqual([7, 7, 7, 7]);
  });
  test('trailing and leading dimensions', () => {
    expect(b([1, 2, 3], [3], [2, 3])).toEqual([1, 2, 3, 1, 2, 3]);
    expect(b([1, 2], [2, 1], [2, 3])).toEqual([1, 1, 1, 2, 2, 2]);
    // per-image weights [N, 1, 1] over positions [N, H, W]
    expect(b([1, 2], [2, 1, 1], [2, 2, 2])).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    // a middle broadcast dimension
    expect(b([1, 2, 3, 4], [2, 1, 2], [2, 3, 2])).toEqual([1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4]);
  });
  test('does not broadcast: SHAPE_MISMATCH with both shapes', () => {
    for (const [shape, to] of [
      [[3], [2, 2]],
      [[2], [2, 3]],
      [
        [2, 2, 2],
        [2, 2],
      ],
      [[0], [2]],
    ] as const) {
      let err: unknown;
      try {
        broadcastTo(
          'f',
          'weights',
          { data: new Array(shape.reduce((a: number, c: number) => a * c, 1)).fill(1), shape: [...shape] },
          [...to],
        );
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(XentError);
      expect((err as XentError).code).toBe('SHAPE_MISMATCH');
      expect((err as XentError).message).toContain(`[${to.join(', ')}]`);
    }
  });
});
