import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { log1pFast, log1pUnit } from './log1p';
import { LN2_HI, LN2_LO } from './logTable';
import { LOG1P_ULPS } from './testing/tolerances';
import { num, ulpError } from './testing/ulp';

interface Log1pFixture {
  tool: string;
  precision_digits: number;
  regimes: Record<string, [number | string, number | string, number][]>;
  special: [number | string, number | string][];
}

// Reference: fixtures/gen_log1p_fixture.py (python3 + mpmath, 50 digits).
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/log1p.json', import.meta.url), 'utf8'),
) as Log1pFixture;

describe('log1pFast against mpmath (50 digits)', () => {
  test('fixture names its reference tool', () => {
    expect(fixture.tool).toBe('mpmath');
    expect(fixture.precision_digits).toBeGreaterThanOrEqual(50);
  });

  for (const [regime, points] of Object.entries(fixture.regimes)) {
    test(`${regime}: worst error within ${LOG1P_ULPS} ulp`, () => {
      let worst = { x: 0, got: 0, expected: 0, ulps: 0 };
      for (const [xs, his, lo] of points) {
        const x = num(xs);
        const got = log1pFast(x);
        const e = ulpError(got, num(his), lo);
        if (!(e <= worst.ulps)) worst = { x, got, expected: num(his), ulps: e };
      }
      console.log(`log1pFast ${regime}: worst ${worst.ulps.toFixed(3)} ulp at x = ${worst.x}`);
      expect(worst.ulps, `worst case ${JSON.stringify(worst)}`).toBeLessThanOrEqual(LOG1P_ULPS);
    });
  }

  test('log1pUnit agrees with the reference on every fixture point in [0, 1] (and defers outside)', () => {
    let worst = { x: 0, ulps: 0 };
    for (const points of Object.values(fixture.regimes)) {
      for (const [xs, his, lo] of points) {
        const x = num(xs);
        const e = ulpError(log1pUnit(x), num(his), lo);
        if (!(e <= worst.ulps)) worst = { x, ulps: e };
      }
    }
    console.log(`log1pUnit: worst ${worst.ulps.toFixed(3)} ulp at x = ${worst.x}`);
    expect(worst.ulps, JSON.stringify(worst)).toBeLessThanOrEqual(LOG1P_ULPS);
  });

  test('special values: log1p(+∞) = +∞, log1p(NaN) = NaN, log1p(0) = 0, log1p(−1) = −∞', () => {
    for (const [x, e] of fixture.special) expect(Object.is(log1pFast(num(x)), num(e))).toBe(true);
    expect(Object.is(log1pFast(-0), -0)).toBe(true);
  });

  test('the literals written into log1pFast are the generated constants of logTable.ts', () => {
    const src = readFileSync(new URL('./log1p.ts', import.meta.url), 'utf8');
    for (const c of [LN2_HI, LN2_LO]) expect(src).toContain(`${c}`);
  });
});
