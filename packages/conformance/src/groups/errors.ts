import type { ConformanceAdapter, MeterHandle } from '../adapter';
import { contextFor } from '../cases';
import { show } from '../compare';
import { ERROR_CASES } from '../errorCases';
import type { TestApi } from '../runner';

/** SPEC.md "Bad input": `${fn}: '${argument}' must be ${what}; received ${what came}.` */
const TEMPLATE = /^([\w.]+): '([^']+)' must be ([\s\S]+); received ([\s\S]*)\.$/;

/** What a call threw, or a description of what it returned instead. */
async function thrown(run: () => unknown): Promise<{ error?: unknown; returned?: unknown }> {
  try {
    return { returned: await run() };
  } catch (error) {
    return { error };
  }
}

function checkError(
  adapter: ConformanceAdapter,
  api: TestApi,
  outcome: { error?: unknown; returned?: unknown },
  code: string,
  fn: string | undefined,
  where: string,
): Error {
  if (!('error' in outcome)) {
    api.expect(`returned ${show(outcome.returned)}`, `${where}: expected XentError ${code}`).toBe('threw');
  }
  const err = outcome.error;
  api.expect(err instanceof adapter.XentError, `${where}: threw ${String(err)}, not an XentError`).toBe(true);
  const e = err as Error & { code?: unknown };
  api.expect(e.code, `${where}: wrong code; message: ${e.message}`).toBe(code);
  api.expect(e.message, `${where}: message does not follow SPEC's template`).toMatch(TEMPLATE);
  if (fn !== undefined)
    api.expect(TEMPLATE.exec(e.message)?.[1], `${where}: message names another function`).toBe(fn);
  return e;
}

/** Every `XentError` code several ways (SPEC.md "Bad input"), the message template, and meter misuse. */
export function errorsGroup(adapter: ConformanceAdapter, api: TestApi): void {
  api.describe('errors (XentError codes and message template)', () => {
    for (const c of ERROR_CASES) {
      const where = `${c.fn}(${show(c.targets, 120)}, ${show(c.predictions, 120)}, ${show(c.options)})`;
      api.test(`${c.code}: ${c.way}`, async () => {
        const ctx = contextFor(c.fn, c.targets, c.predictions, c.raw === true);
        const outcome = await thrown(() => adapter.call(c.fn, c.targets, c.predictions, c.options, ctx));
        const e = checkError(adapter, api, outcome, c.code, c.fn, where);
        for (const m of c.mentions ?? []) {
          api
            .expect(e.message.includes(m), `${where}: message "${e.message}" should mention ${m}`)
            .toBe(true);
        }
      });
    }
    api.test('validate: false accepts valid input and still checks the options', async () => {
      const X = [
        [2, 0.5, -1],
        [0.1, 0.2, 3],
      ];
      const ctx = contextFor('binaryCrossEntropy', [1, 0], [0.5, 0.5]);
      const ok = await thrown(() =>
        adapter.call('binaryCrossEntropy', [1, 0], [0.5, 0.5], { validate: false }, ctx),
      );
      api.expect('error' in ok, `validate: false on valid input threw ${String(ok.error)}`).toBe(false);
      const bad = await thrown(() =>
        adapter.call(
          'softmaxCrossEntropy',
          [0, 2],
          X,
          { validate: false, gamma: 2 },
          contextFor('softmaxCrossEntropy', [0, 2], X),
        ),
      );
      checkError(adapter, api, bad, 'INVALID_OPTION', 'softmaxCrossEntropy', 'gamma with validate: false');
    });
    const meter = adapter.meter;
    if (!meter) return;
    api.test("INVALID_OPTION: LossMeter with weights or reduction 'none' at construction", async () => {
      const w = await thrown(() => meter.create('binaryCrossEntropy', { weights: [1, 2] }));
      checkError(adapter, api, w, 'INVALID_OPTION', undefined, 'LossMeter(binaryCrossEntropy, { weights })');
      const n = await thrown(() => meter.create('softmaxCrossEntropy', { reduction: 'none' }));
      checkError(
        adapter,
        api,
        n,
        'INVALID_OPTION',
        undefined,
        "LossMeter(softmaxCrossEntropy, { reduction: 'none' })",
      );
    });
    api.test('INVALID_OPTION: merging meters of different losses or options', async () => {
      const a: MeterHandle = meter.create('binaryCrossEntropy');
      const b: MeterHandle = meter.create('sigmoidCrossEntropy');
      checkError(
        adapter,
        api,
        await thrown(() => a.merge(b)),
        'INVALID_OPTION',
        undefined,
        'merge(bce, sce)',
      );
      const c: MeterHandle = meter.create('binaryCrossEntropy', { reduction: 'sum' });
      checkError(
        adapter,
        api,
        await thrown(() => a.merge(c)),
        'INVALID_OPTION',
        undefined,
        'merge(mean, sum)',
      );
    });
    api.test("EMPTY_INPUT: a meter's value before any update with onEmpty: 'throw'", async () => {
      const m = meter.create('binaryCrossEntropy', { onEmpty: 'throw' });
      checkError(
        adapter,
        api,
        await thrown(() => m.value()),
        'EMPTY_INPUT',
        undefined,
        'value before update',
      );
    });
  });
}
