import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLOAT64 } from '../../../packages/conformance/src/tolerances';
import type { PneumoniaResults } from '../src/components/results-types';

// The real-X-rays page rendered with a synthetic run (test/fixtures/make-results.py): the figures it
// recomputes in the page with @xent/arrays match the fixture's 50-digit references; without a committed
// run it says so instead of failing.
const site = fileURLToPath(new URL('..', import.meta.url));
const fixture = JSON.parse(readFileSync(join(site, 'test/fixtures/results-fixture.json'), 'utf8')) as {
  expected: Record<'before' | 'after' | 'case0' | 'case0Bits', string>;
  results: PneumoniaResults;
};

/** The text of the element carrying `data-testid`, from static markup. */
function byTestId(html: string, id: string): string {
  const match = new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html);
  if (!match) throw new Error(`no element with data-testid ${id}`);
  return match[1] ?? '';
}

describe('real X-rays page', () => {
  beforeAll(() => {
    // The page imports the build-time inputs; write them if no build has yet.
    if (!existsSync(join(site, 'src/generated/results.json'))) {
      const run = spawnSync(process.execPath, ['scripts/generate.mjs'], { cwd: site, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
    }
  });

  it('recomputes the test cross-entropy before and after temperature, and a case by index', async () => {
    const { Results } = await import('../src/components/RealXrays');
    const html = renderToStaticMarkup(<Results r={fixture.results} />);
    const e = fixture.expected;
    // four decimals shown: the rounded reference
    expect(byTestId(html, 'recomputed-ce')).toBe(Number(e.before).toFixed(4));
    expect(byTestId(html, 'recomputed-after')).toBe(Number(e.after).toFixed(4));
    expect(byTestId(html, 'case-ce')).toBe(Number(e.case0).toFixed(4));
    for (const m of fixture.results.confidentMistakes) expect(html).toContain(`<td>${m.index}</td>`);
    expect(html).toContain('CC BY 4.0');
    expect(html).toContain('No file chosen: the X-rays are not shown.');
  });

  it('computes those figures with @xent/arrays to float64 accuracy', async () => {
    const { binaryCrossEntropy, sigmoidCrossEntropy } = await import('@xent/arrays');
    const { labels, probabilities } = fixture.results.testCases;
    const T = fixture.results.calibration.temperature;
    const within = (got: number, ref: string) =>
      Math.abs(got - Number(ref)) <= Math.max(FLOAT64.abs, 1e-10 * Math.abs(Number(ref)));
    expect(within(binaryCrossEntropy(labels, probabilities), fixture.expected.before)).toBe(true);
    // the logits ln q − log1p(−q) are float64 roundings: 1e-10 covers them, far below the digits shown
    const scaled = probabilities.map((p) => (Math.log(p) - Math.log1p(-p)) / T);
    expect(within(sigmoidCrossEntropy(labels, scaled), fixture.expected.after)).toBe(true);
  });

  it('says the run is not generated yet when results.json is absent', async () => {
    const { default: RealXrays } = await import('../src/components/RealXrays');
    const generated = JSON.parse(readFileSync(join(site, 'src/generated/results.json'), 'utf8')) as {
      available: boolean;
    };
    const html = renderToStaticMarkup(<RealXrays />);
    if (generated.available) expect(html).toContain('data-testid="test-metrics"');
    else expect(html).toContain('Not generated yet');
  });
});
