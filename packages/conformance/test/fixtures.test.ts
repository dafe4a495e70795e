import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { decode, type FixtureCase, flatten, loadFixture, REGIMES } from '../src/index';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const GENERATOR = fileURLToPath(new URL('../generate/generate.py', import.meta.url));
const FUNCTIONS = new Set([
  'softmaxCrossEntropy',
  'categoricalCrossEntropy',
  'sigmoidCrossEntropy',
  'binaryCrossEntropy',
  'softmaxFocalLoss',
  'categoricalFocalLoss',
  'sigmoidFocalLoss',
  'binaryFocalLoss',
  'entropy',
  'klDivergence',
  'nllLoss',
  'logSumExp',
  'logSoftmax',
  'softmax',
  'logSigmoid',
  'sigmoid',
]);

const isError = (e: unknown) => e !== null && typeof e === 'object' && !Array.isArray(e);

describe('fixture files', () => {
  for (const regime of REGIMES) {
    test(`${regime}: a meta block (tool, version, precision, seed) and well-formed cases`, () => {
      const file = loadFixture(regime);
      expect(file.meta.tool).toBe('mpmath');
      expect(String(file.meta.version)).toMatch(/^\d+\.\d+/);
      expect(String(file.meta.precision)).toMatch(/^50 significant/);
      expect(typeof file.meta.seed).toBe('number');
      expect(file.cases.length).toBeGreaterThan(10);
      const ids = new Set<string>();
      for (const c of file.cases) {
        expect(ids.has(c.id), `duplicate id ${c.id}`).toBe(false);
        ids.add(c.id);
        expect(FUNCTIONS.has(c.fn), `${c.id}: unknown function ${c.fn}`).toBe(true);
        expect(c.expected, `${c.id}: no expected value`).not.toBe(undefined);
        expect(
          c.f32_skip !== undefined || c.expected_f32 !== undefined,
          `${c.id}: neither expected_f32 nor f32_skip`,
        ).toBe(true);
        if (c.grad !== undefined && !isError(c.expected)) {
          expect(flatten(decode(c.grad)).shape, `${c.id}: gradient shaped unlike predictions`).toEqual(
            flatten(decode(c.predictions)).shape,
          );
        }
      }
    });
  }

  // The reductions' consistency inside the reference: sum = mean × Σw = sumOverCount × count
  // = sumOverNonzeroWeights × #(w ≠ 0), checked on the cases that name their reduction and denominators.
  test('options: each scalar reduction times its denominator gives the same sum', () => {
    const cases = loadFixture('options').cases;
    const byStem = new Map<string, Map<string, FixtureCase>>();
    for (const c of cases) {
      const m = /^(.*)-(mean|sum|sumOverCount|sumOverNonzeroWeights)$/.exec(c.id);
      if (!m || c.den === undefined) continue;
      const group = byStem.get(m[1]!) ?? new Map<string, FixtureCase>();
      group.set(m[2]!, c);
      byStem.set(m[1]!, group);
    }
    const complete = [...byStem].filter(([, g]) => g.size === 4);
    expect(complete.length).toBeGreaterThanOrEqual(3);
    for (const [stem, group] of complete) {
      const sum = group.get('sum')!.expected as number;
      const [W, count, nonzero] = group.get('mean')!.den!;
      const pairs: [string, number][] = [
        ['mean', W!],
        ['sumOverCount', count!],
        ['sumOverNonzeroWeights', nonzero!],
      ];
      for (const [red, den] of pairs) {
        const v = group.get(red)!.expected as number;
        expect(Math.abs(v * den - sum), `${stem}: ${red} × ${den} vs sum ${sum}`).toBeLessThanOrEqual(
          1e-14 * Math.abs(sum),
        );
      }
    }
  });
});

/**
 * The first python3 on PATH that has mpmath and numpy. Package managers put the directory of `node` first
 * on a script's PATH, and the python3 beside it (a system one, say) may lack them while one further on has
 * them; `PYTHON` names one explicitly.
 */
function findPython(): { exe: string | null; why: string } {
  const candidates = [
    ...(process.env.PYTHON ? [process.env.PYTHON] : []),
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'python3')),
  ];
  let why = 'no python3 on PATH';
  for (const exe of [...new Set(candidates)]) {
    if (!existsSync(exe)) continue;
    const r = spawnSync(exe, ['-c', 'import mpmath, numpy'], { encoding: 'utf8' });
    if (r.status === 0) return { exe, why: '' };
    why = `${exe}: ${(r.stderr ?? '').trim().split('\n').pop() || String(r.error ?? `exit ${r.status}`)}`;
  }
  return { exe: null, why };
}
const python = findPython();

describe('the generator', () => {
  const exe = python.exe;
  if (exe === null) {
    test.skip(
      `reproduces the committed fixtures — skipped: no python3 with mpmath and numpy (${python.why})`,
    );
    return;
  }
  test('reproduces the committed fixtures byte for byte (fixed seeds)', () => {
    const out = mkdtempSync(join(tmpdir(), 'xent-fixtures-'));
    try {
      execFileSync(exe, [GENERATOR], {
        env: { ...process.env, XENT_FIXTURES_OUT: out },
        stdio: 'pipe',
      });
      for (const regime of REGIMES) {
        const fresh = readFileSync(join(out, `${regime}.json`), 'utf8');
        const committed = readFileSync(join(FIXTURES, `${regime}.json`), 'utf8');
        expect(
          fresh === committed,
          `fixtures/${regime}.json differs from a fresh run: run pnpm --filter @xent/conformance fixtures`,
        ).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
