/**
 * Every kernel against the 50-digit mpmath reference (fixtures/gen_kernels_fixture.py → kernels.json),
 * one test per kernel and regime, each reporting its worst case (input, got, expected, error in ulps).
 */
import { describe, expect, test } from 'vitest';
import { logSigmoidKernel, logSoftmaxKernel, logSumExpKernel, sigmoidKernel, softmaxKernel } from './index';
import { arr, compare, type FixtureCase, loadKernelFixture, Worst } from './testing/fixtures';
import { checkLossCase } from './testing/runCase';
import { VALUE_ABS, VALUE_REL } from './testing/tolerances';

const fixture = loadKernelFixture();
const LOSS_KERNELS = ['softmaxFamily', 'sigmoidFamily', 'divergence'];
const PRIMITIVES = ['logSumExp', 'logSoftmax', 'softmax', 'logSigmoid', 'sigmoid'];

function groups(kernels: readonly string[]): Map<string, FixtureCase[]> {
  const m = new Map<string, FixtureCase[]>();
  for (const c of fixture.cases) {
    if (!kernels.includes(c.kernel)) continue;
    const key = `${c.kernel} / ${c.regime}`;
    const list = m.get(key) ?? [];
    list.push(c);
    m.set(key, list);
  }
  return m;
}

test('the fixture names its reference tool, precision and seed', () => {
  expect(fixture.meta.tool).toBe('mpmath');
  expect(fixture.meta.precision_digits).toBeGreaterThanOrEqual(50);
  expect(typeof fixture.meta.seed).toBe('number');
  expect(fixture.cases.length).toBeGreaterThan(100);
});

describe('loss kernels: value ≤ 1e-12 relative, gradient ≤ 1e-10 relative (1e-14 absolute)', () => {
  for (const [key, cases] of groups(LOSS_KERNELS)) {
    const kinds = key.endsWith('/ float32')
      ? (['float32', 'float64'] as const)
      : (['float64', 'array'] as const);
    for (const kind of kinds) {
      test(`${key} (${kind} predictions)`, () => {
        const values = new Worst();
        const grads = new Worst();
        for (const c of cases) checkLossCase(c, kind, values, grads);
        if (kind === 'float64') console.log(`${key}: value ${values.report()}; gradient ${grads.report()}`);
        expect(values.failures, values.report()).toBe(0);
        expect(grads.failures, grads.report()).toBe(0);
      });
    }
  }
});

function runPrimitive(c: FixtureCase, out: Float64Array): void {
  const x = arr(c.params.x)!;
  const layout = {
    outer: c.params.outer as number,
    classes: c.params.classes as number,
    inner: c.params.inner as number,
  };
  if (c.kernel === 'logSumExp') logSumExpKernel(layout, x, out);
  else if (c.kernel === 'logSoftmax') logSoftmaxKernel(layout, x, out);
  else if (c.kernel === 'softmax') softmaxKernel(layout, x, out);
  else if (c.kernel === 'logSigmoid') logSigmoidKernel(x.length, x, out);
  else sigmoidKernel(x.length, x, out);
}

describe('primitives: ≤ 1e-12 relative', () => {
  for (const [key, cases] of groups(PRIMITIVES)) {
    test(key, () => {
      const w = new Worst();
      for (const c of cases) {
        const expected = arr(c.expected.out)!;
        const out = new Float64Array(expected.length);
        runPrimitive(c, out);
        for (let j = 0; j < expected.length; j++) {
          w.add(compare(`${c.id}[${j}]`, out[j]!, expected[j]!, VALUE_REL, VALUE_ABS));
        }
      }
      console.log(`${key}: ${w.report()}`);
      expect(w.failures, w.report()).toBe(0);
    });
  }
});
