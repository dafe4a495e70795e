import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  auroc,
  brier,
  calibration,
  fitTemperature,
  meanCrossEntropy,
  sigmoid,
  thresholdMetrics,
} from '../src/metrics.js';
import { scaledError, TOL, type Tolerance } from './tolerances.js';

interface FixtureCase {
  name: string;
  labels: number[];
  logits: number[];
  auroc: number;
  accuracy: number;
  sensitivity: number;
  specificity: number;
  meanCrossEntropy: number;
  brier: number;
  ece: number;
  temperature: number;
  meanCrossEntropyAtTemperature: number;
}

// Written by test/fixtures/make_metrics.py (python3 + mpmath at 50 digits, exact fractions for AUROC;
// its `meta` block records versions and seed).
const fixture = JSON.parse(readFileSync(new URL('./fixtures/metrics.json', import.meta.url), 'utf8')) as {
  meta: Record<string, unknown>;
  cases: FixtureCase[];
};

describe('metrics against the python/mpmath reference (test/fixtures/metrics.json)', () => {
  it('has a meta block naming the tool, precision and seed', () => {
    expect(fixture.meta).toMatchObject({
      precision: expect.stringContaining('50'),
      seed: expect.any(Number),
    });
    expect(fixture.cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const probs = c.logits.map(sigmoid);
    const rates = thresholdMetrics(c.labels, probs);
    const T = fitTemperature(c.labels, c.logits);
    const checks: [string, number, number, Tolerance][] = [
      ['auroc', auroc(c.labels, probs), c.auroc, TOL.exact],
      ['accuracy', rates.accuracy, c.accuracy, TOL.exact],
      ['sensitivity', rates.sensitivity, c.sensitivity, TOL.exact],
      ['specificity', rates.specificity, c.specificity, TOL.exact],
      ['meanCrossEntropy', meanCrossEntropy(c.labels, c.logits), c.meanCrossEntropy, TOL.sum],
      ['brier', brier(c.labels, probs), c.brier, TOL.sum],
      ['ece', calibration(c.labels, probs).ece, c.ece, TOL.sum],
      ['temperature', T, c.temperature, TOL.temperature],
      [
        'meanCrossEntropyAtTemperature',
        meanCrossEntropy(c.labels, c.logits, T),
        c.meanCrossEntropyAtTemperature,
        TOL.sum,
      ],
    ];
    let worst = { name: '', got: 0, want: 0, err: 0 };
    for (const [name, got, want, tol] of checks) {
      const err = scaledError(got, want, tol);
      if (!(err <= worst.err)) worst = { name, got, want, err };
    }
    expect(worst.err, `worst: ${worst.name} got ${worst.got}, expected ${worst.want}`).toBeLessThanOrEqual(1);
  });
});
