import type { ConformanceAdapter } from '../adapter';
import { loadFixture } from '../cases';
import { runGradient, runValue } from '../outcomes';
import type { TestApi } from '../runner';
import { FLOAT32, FLOAT64 } from '../tolerances';

/**
 * Every case of `fixtures/handed.json` (a copy of the project's handed cases): one test per case, named
 * after its source report and id; values, gradients and `{ error: CODE }` expectations. Float32 adapters
 * use `expected_f32` / `grad_f32` / `tolerance_f32` and skip the cases marked `f32_skip`.
 */
export function handedGroup(adapter: ConformanceAdapter, api: TestApi): void {
  const file = loadFixture('handed');
  const fallback = adapter.precision === 'float32' ? FLOAT32 : FLOAT64;
  api.describe('handed cases', () => {
    for (const c of file.cases) {
      const name = `${c.source ?? 'handed'} — ${c.id}: ${c.fn}`;
      // a case whose inputs do not fit float32 (C13: 1e-50) has no float32 expectation
      if (adapter.precision === 'float32' && c.f32_skip) continue;
      api.test(name, async () => {
        const v = await runValue(adapter, c, fallback);
        api.expect(v.pass, v.message).toBe(true);
        const g = await runGradient(adapter, c, fallback);
        api.expect(g.pass, g.message).toBe(true);
      });
    }
  });
}
