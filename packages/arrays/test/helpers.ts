/**
 * Shared helpers of the @xent/arrays tests: the reference values and a tolerance check that reports
 * got, expected and the error.
 */
import { FLOAT64 } from '@xent/conformance';
import { expect } from 'vitest';
import reference from './fixtures/examples.json';

/** mpmath values (50 digits, rounded once) keyed by expression; see test/fixtures/examples.json (meta). */
export const REFERENCE: Readonly<Record<string, number | number[]>> = reference.values;

/** The reference value of an expression; fails the test when the generator has not written it. */
export function ref(expression: string): number {
  const v = REFERENCE[expression];
  if (typeof v !== 'number') throw new Error(`no reference value for ${expression}`);
  return v;
}

/** Relative error of got against expected (absolute below FLOAT64.abs). */
export function relError(got: number, expected: number): number {
  if (Object.is(got, expected)) return 0;
  const diff = Math.abs(got - expected);
  return diff <= FLOAT64.abs ? 0 : diff / Math.abs(expected);
}

/** Deep closeness of numbers / nested arrays to SPEC's float64 tolerance (or `rel`). */
export function expectClose(got: unknown, expected: unknown, rel = FLOAT64.rel, where = ''): void {
  if (typeof expected === 'number') {
    expect(typeof got, `${where}: kind`).toBe('number');
    const g = got as number;
    if (Number.isNaN(expected) || !Number.isFinite(expected)) {
      expect(g, where).toBe(expected);
      return;
    }
    const err = relError(g, expected);
    expect(err, `${where}: got ${g}, expected ${expected}, relative error ${err}`).toBeLessThanOrEqual(rel);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(got), `${where}: expected an array, got ${JSON.stringify(got)}`).toBe(true);
    const g = got as unknown[];
    expect(g.length, `${where}: length`).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expectClose(g[i], expected[i], rel, `${where}[${i}]`);
    return;
  }
  expect(got, where).toEqual(expected);
}
