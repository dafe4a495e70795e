import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expFast } from './exp';
import { INV_LN2_N, LN2_N_HI, LN2_N_LO } from './expTable';
import { EXP_ULPS } from './testing/tolerances';
import { num, ulpError } from './testing/ulp';

interface ExpFixture {
  tool: string;
  version: string;
  precision_digits: number;
  regimes: Record<string, [number | string, number | string, number][]>;
  special: [string, number | string][];
}

// Reference: fixtures/gen_exp_fixture.py (python3 + mpmath, 50 digits).
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/exp.json', import.meta.url), 'utf8'),
) as ExpFixture;

describe('expFast against mpmath (50 digits)', () => {
  test('fixture names its reference tool', () => {
    expect(fixture.tool).toBe('mpmath');
    expect(fixture.precision_digits).toBeGreaterThanOrEqual(50);
  });

  for (const [regime, points] of Object.entries(fixture.regimes)) {
    test(`${regime}: worst error within ${EXP_ULPS} ulp`, () => {
      let worst = { x: 0, got: 0, expected: 0, ulps: 0 };
      for (const [xs, his, lo] of points) {
        const x = num(xs);
        const hi = num(his);
        const got = expFast(x);
        // results below the normal range are compared against the nearest subnormal by ulp of 2^-1074
        const e = ulpError(got, hi, lo);
        if (!(e <= worst.ulps)) worst = { x, got, expected: hi, ulps: e };
      }
      console.log(`expFast ${regime}: worst ${worst.ulps.toFixed(3)} ulp at x = ${worst.x}`);
      expect(worst.ulps, `worst case ${JSON.stringify(worst)}`).toBeLessThanOrEqual(EXP_ULPS);
    });
  }

  test('special values: exp(+∞) = +∞, exp(−∞) = +0, exp(NaN) = NaN', () => {
    for (const [x, e] of fixture.special) {
      expect(Object.is(expFast(num(x)), num(e))).toBe(true);
    }
  });

  test('exp(±0) is exactly 1 and exp is monotone across the table boundaries', () => {
    expect(expFast(0)).toBe(1);
    expect(expFast(-0)).toBe(1);
    const pts = fixture.regimes.boundaries!.map((p) => num(p[0])).sort((a, b) => a - b);
    let prev = Number.NEGATIVE_INFINITY;
    let mono = true;
    for (const x of pts) {
      const v = expFast(x);
      if (v < prev) mono = false;
      prev = v;
    }
    expect(mono).toBe(true);
  });
});

test('the literals written into expFast are the generated constants of expTable.ts', () => {
  const src = readFileSync(new URL('./exp.ts', import.meta.url), 'utf8');
  for (const c of [INV_LN2_N, LN2_N_HI, LN2_N_LO]) expect(src).toContain(`${c}`);
  expect(src).toContain('6755399441055744'); // 1.5 · 2^52
  expect(6755399441055744).toBe(1.5 * 2 ** 52);
});
