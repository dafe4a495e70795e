import type { ConformanceAdapter } from '../adapter';
import { loadFixture } from '../cases';
import { runGradient, runValue, summarise } from '../outcomes';
import type { TestApi } from '../runner';
import { REGIME_TOLERANCES, type Regime } from '../tolerances';

/**
 * One test per regime file for the values and one for the gradients; each reports the worst case
 * (id, call, got, expected, error) rather than one assertion per point.
 */
export function fixturesGroup(adapter: ConformanceAdapter, api: TestApi, regimes: readonly Regime[]): void {
  api.describe('fixtures (50-digit mpmath reference)', () => {
    for (const regime of regimes) {
      const tol = REGIME_TOLERANCES[regime][adapter.precision];
      api.test(`${regime}: values`, async () => {
        const file = loadFixture(regime);
        const outcomes = [];
        for (const c of file.cases) outcomes.push(await runValue(adapter, c, tol));
        const s = summarise(outcomes);
        api.expect(s.ran, `${regime}: no case ran`).toBeGreaterThanOrEqual(1);
        api.expect(s.failed, s.report).toBe(0);
        if (process.env.XENT_CONFORMANCE_REPORT)
          console.info(`${adapter.name} ${regime} values: ${s.report}`);
      });
      // the primitives have no gradient in SPEC: no gradient test where no case carries one
      if (!loadFixture(regime).cases.some((c) => c.grad !== undefined)) continue;
      if (!adapter.valueAndGrad && !adapter.gradient) continue;
      api.test(`${regime}: gradients`, async () => {
        const file = loadFixture(regime);
        const outcomes = [];
        for (const c of file.cases) outcomes.push(await runGradient(adapter, c, tol));
        const s = summarise(outcomes);
        api.expect(s.ran, `${regime}: no gradient case ran`).toBeGreaterThanOrEqual(1);
        api.expect(s.failed, s.report).toBe(0);
        if (process.env.XENT_CONFORMANCE_REPORT)
          console.info(`${adapter.name} ${regime} gradients: ${s.report}`);
      });
    }
  });
}
