import { describe, expect, it } from 'vitest';
import {
  normwiseError,
  pairedRatio,
  quantileSorted,
  ratioMatrix,
  relativeError,
  summarize,
} from '../src/stats.mjs';

// Expected values follow from the type-7 quantile definition h = (n − 1) p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
describe('stats', () => {
  it('interpolates quantiles between order statistics (type 7)', () => {
    const x = [1, 2, 3, 4];
    expect(quantileSorted(x, 0.5)).toBe(2.5); // h = 1.5
    expect(quantileSorted(x, 0.25)).toBe(1.75); // h = 0.75
    expect(quantileSorted(x, 1)).toBe(4);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('summarises median, quartiles, range and relative spread', () => {
    const s = summarize([3, 1, 2]);
    expect(s).toMatchObject({ n: 3, median: 2, q1: 1.5, q3: 2.5, min: 1, max: 3 });
    expect(s.iqrRel).toBe(0.5); // (2.5 − 1.5) / 2
  });

  it('pairs ratios by repetition, so a common drift cancels', () => {
    // b drifts (1, 5, 3) and a is exactly twice b in every repetition: the paired ratio is 2 throughout
    const r = pairedRatio([2, 10, 6], [1, 5, 3]);
    expect(r.median).toBe(2);
    expect(r.q3 - r.q1).toBe(0);
    // missing samples are skipped, not counted as 0
    expect(pairedRatio([2, undefined, 6], [1, 5, 3]).n).toBe(2);
  });

  it('builds the full matrix of time ratios, reciprocal across the diagonal', () => {
    const m = ratioMatrix({ a: [1, 2, 4], b: [4, 8, 16] });
    expect(m.a?.b?.median).toBe(0.25);
    expect(m.b?.a?.median).toBe(4);
    expect(m.a?.a?.median).toBe(1);
  });

  it('never lets a NaN or an infinity pass an error tolerance', () => {
    expect(relativeError(Number.NaN, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(relativeError(1.5, 1)).toBe(0.5);
    expect(relativeError(1e-3, 0)).toBe(1e-3);
    expect(normwiseError([1, Number.NaN], [1, 2])).toBe(Number.POSITIVE_INFINITY);
    expect(normwiseError([1, 2], [1, 2, 3])).toBe(Number.POSITIVE_INFINITY);
    expect(normwiseError([1, 2.5], [1, 2])).toBe(0.25); // max |d| / max |ref| = 0.5 / 2
  });
});
