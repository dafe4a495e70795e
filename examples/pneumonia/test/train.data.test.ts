import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PneumoniaResults } from '../src/results.js';
import { main } from '../src/run.js';
import { dataPath, SKIP_MESSAGE, STRICT } from './dataPath.js';

const path = dataPath();

function capture() {
  let text = '';
  return {
    stream: {
      write: (s: string) => {
        text += s;
        return true;
      },
      isTTY: false,
    },
    text: () => text,
  };
}

/** Every key of results.json, as apps/docs/src/components/results-types.ts declares them. */
const KEYS = {
  top: ['calibration', 'confidentMistakes', 'epochs', 'meta', 'test', 'testCases', 'workedExample'],
  meta: [
    'backend',
    'bestEpoch',
    'command',
    'dataset',
    'date',
    'epochs',
    'model',
    'node',
    'posWeight',
    'seed',
    'tfjs',
    'trainSeconds',
  ],
  epoch: [
    'epoch',
    'seconds',
    'trainLoss',
    'trainLossBits',
    'valAccuracy',
    'valAuroc',
    'valLoss',
    'valLossBits',
  ],
  test: [
    'accuracy',
    'auroc',
    'brier',
    'crossEntropy',
    'crossEntropyBits',
    'ece',
    'n',
    'negatives',
    'positives',
    'sensitivity',
    'specificity',
  ],
  side: ['brier', 'crossEntropy', 'ece', 'reliability'],
  bin: ['count', 'fractionPositive', 'lower', 'meanPredicted', 'upper'],
  worked: ['crossEntropy', 'crossEntropyBits', 'index', 'label', 'probability', 'target'],
  mistake: ['crossEntropy', 'index', 'label', 'probability'],
};
const keys = (o: object) => Object.keys(o).sort();

/** AUROC by counting every (positive, negative) pair, ties one half: independent of src/metrics.ts. */
function pairwiseAuroc(labels: number[], p: number[]): number {
  let good = 0;
  let pairs = 0;
  labels.forEach((yi, i) => {
    if (yi !== 1) return;
    labels.forEach((yj, j) => {
      if (yj !== 0) return;
      pairs++;
      good += (p[i] as number) > (p[j] as number) ? 1 : p[i] === p[j] ? 0.5 : 0;
    });
  });
  return good / pairs;
}

describe.skipIf(path === undefined)('a short run on pneumoniamnist.npz through the command line', () => {
  it('trains 2 epochs on 384 images, and writes a complete results.json and loss-curve.svg', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pneumonia-run-'));
    const out = capture();
    const argv = [
      '--',
      '--data',
      path as string,
      '--epochs',
      '2',
      '--train-limit',
      '384',
      '--seed',
      '3',
      '--out',
      'run/results.json',
    ];
    const code = await main({ argv, env: {}, cwd: dir, stdout: out.stream, stderr: capture().stream });
    expect(code, out.text()).toBe(0);
    // Relative --out resolves against the directory the command was started from.
    const file = join(dir, 'run', 'results.json');
    expect(existsSync(join(dir, 'run', 'loss-curve.svg'))).toBe(true);
    expect(readFileSync(join(dir, 'run', 'loss-curve.svg'), 'utf8')).toMatch(
      /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(out.text()).toMatch(/train CE [\d.]+ nats \([\d.]+ bits\)\s+val CE [\d.]+ nats/);
    const r = JSON.parse(readFileSync(file, 'utf8')) as PneumoniaResults;

    expect(keys(r)).toEqual(KEYS.top);
    expect(keys(r.meta)).toEqual(KEYS.meta);
    expect(keys(r.meta.model)).toEqual(['description', 'params']);
    expect(keys(r.meta.dataset)).toEqual(['name', 'sha256', 'test', 'train', 'val']);
    expect(r.meta).toMatchObject({ seed: 3, backend: 'wasm', epochs: 2, tfjs: '4.22.0' });
    expect(r.meta.dataset).toMatchObject({ train: 384, val: 524, test: 624 });
    expect(r.meta.command).toBe(
      `pnpm --filter @xent/example-pneumonia start --data ${path} --epochs 2 --train-limit 384 --seed 3 --out run/results.json`,
    );
    expect(r.epochs).toHaveLength(2);
    for (const e of r.epochs) expect(keys(e)).toEqual(KEYS.epoch);
    // The training loss falls from the first epoch to the second.
    expect((r.epochs[1] as (typeof r.epochs)[0]).trainLoss).toBeLessThan(
      (r.epochs[0] as (typeof r.epochs)[0]).trainLoss,
    );
    expect([1, 2]).toContain(r.meta.bestEpoch);

    const t = r.test;
    expect(keys(t)).toEqual(KEYS.test);
    // The official test split: 624 images, 390 pneumonia / 234 normal (data README).
    expect([t.n, t.positives, t.negatives]).toEqual([624, 390, 234]);
    for (const v of [t.accuracy, t.sensitivity, t.specificity, t.auroc, t.ece, t.brier]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(t.crossEntropy).toBeGreaterThan(0);
    expect(t.crossEntropyBits).toBeCloseTo(t.crossEntropy / Math.LN2, 4);
    expect(t.accuracy).toBeCloseTo((t.sensitivity * t.positives + t.specificity * t.negatives) / t.n, 5);

    const { labels, probabilities, crossEntropy } = r.testCases;
    expect([labels.length, probabilities.length, crossEntropy.length]).toEqual([624, 624, 624]);
    expect(labels.filter((y) => y === 1)).toHaveLength(390);
    expect(pairwiseAuroc(labels, probabilities)).toBeCloseTo(t.auroc, 5);
    // Each case's cross-entropy is −ln p (pneumonia) or −ln(1 − p) (normal), for p away from 0 and 1.
    probabilities.forEach((p, i) => {
      if (p > 1e-6 && p < 1 - 1e-6) {
        expect(crossEntropy[i]).toBeCloseTo(labels[i] === 1 ? -Math.log(p) : -Math.log1p(-p), 4);
      }
    });
    expect(crossEntropy.reduce((a, b) => a + b, 0) / 624).toBeCloseTo(t.crossEntropy, 4);

    expect(r.calibration.temperature).toBeGreaterThan(0);
    for (const side of [r.calibration.before, r.calibration.after]) {
      expect(keys(side)).toEqual(KEYS.side);
      expect(side.reliability.reduce((a, b) => a + b.count, 0)).toBe(624);
      for (const b of side.reliability) {
        expect(keys(b)).toEqual(KEYS.bin);
        expect(b.count).toBeGreaterThan(0);
        expect(b.meanPredicted).toBeGreaterThanOrEqual(b.lower);
        expect(b.meanPredicted).toBeLessThanOrEqual(b.upper);
      }
    }
    expect(r.calibration.before).toMatchObject({ ece: t.ece, brier: t.brier, crossEntropy: t.crossEntropy });

    expect(r.workedExample.map((w) => w.target)).toEqual([0.51, 0.98]);
    for (const w of r.workedExample) {
      expect(keys(w)).toEqual(KEYS.worked);
      expect(labels[w.index]).toBe(1);
      const nearest = Math.min(
        ...probabilities.filter((_, i) => labels[i] === 1).map((p) => Math.abs(p - w.target)),
      );
      expect(Math.abs((probabilities[w.index] as number) - w.target)).toBe(nearest);
      expect(w.crossEntropy).toBeCloseTo(-Math.log(w.probability), 4);
    }
    for (const m of r.confidentMistakes) {
      expect(keys(m)).toEqual(KEYS.mistake);
      expect(m.probability >= 0.5 ? 1 : 0).not.toBe(m.label);
      expect(labels[m.index]).toBe(m.label);
    }
  });
});

// registered only where the file is missing: a skip that says what it needs, or under XENT_STRICT=1 a failure
if (path === undefined) {
  if (STRICT)
    it('needs pneumoniamnist.npz (XENT_STRICT=1)', () => {
      throw new Error(SKIP_MESSAGE);
    });
  else it.skip(`short training run skipped: ${SKIP_MESSAGE}`);
}
