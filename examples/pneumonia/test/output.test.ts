import { describe, expect, it } from 'vitest';
import { randomShifts } from '../src/batches.js';
import { progressBar, progressLine } from '../src/progress.js';
import { mulberry32, permutation } from '../src/random.js';
import { lossCurveSvg } from '../src/svg.js';
import type { EpochRecord } from '../src/train.js';

describe('progress bar', () => {
  it('shows the epoch, the bar, images per second and the ETA', () => {
    const line = progressLine({
      epoch: 3,
      epochs: 24,
      done: 2354,
      total: 4708,
      imagesPerSecond: 412.4,
      etaSeconds: 65,
    });
    // Half done: 15 of 30 cells; 65 s is 1:05.
    expect(line).toBe(`epoch  3/24 [${'#'.repeat(15)}${'.'.repeat(15)}] 2354/4708   412 img/s  ETA 1:05`);
  });

  it('prints a line per quarter of an epoch on a pipe, and the last line at 100 %', () => {
    let text = '';
    const bar = progressBar({
      write: (s: string) => (text += s),
      isTTY: false,
    } as unknown as NodeJS.WriteStream);
    for (let done = 64; done <= 640; done += 64) {
      bar.update({
        epoch: 1,
        epochs: 1,
        done,
        total: 640,
        imagesPerSecond: 100,
        etaSeconds: (640 - done) / 100,
      });
    }
    const lines = text.trim().split('\n');
    expect(lines.map((l) => l.match(/(\d+)\/640/)?.[1])).toEqual(['192', '320', '512', '640']);
  });
});

describe('loss-curve.svg', () => {
  const record = (epoch: number, trainLoss: number, valLoss: number): EpochRecord => ({
    epoch,
    trainLoss,
    trainLossBits: trainLoss / Math.LN2,
    trainWeightedLoss: trainLoss,
    valLoss,
    valLossBits: valLoss / Math.LN2,
    valWeightedLoss: valLoss,
    valAuroc: 0.9,
    valAccuracy: 0.9,
    learningRate: 1e-3,
    seconds: 1,
  });

  it('draws both curves, marks the chosen epoch and escapes the title', () => {
    const svg = lossCurveSvg(
      [record(1, 0.4, 0.5), record(2, 0.3, 0.35), record(3, 0.2, 0.4)],
      2,
      'a < b & c',
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title>a &lt; b &amp; c</title>');
    expect(svg).toContain('chosen epoch 2');
    expect(svg.match(/<path d="M/g)).toHaveLength(2);
    expect(svg).not.toMatch(/NaN|undefined|<script/);
  });
});

describe('seeded randomness', () => {
  it('gives the same permutation and shifts for the same seed, within bounds', () => {
    const a = permutation(100, mulberry32(7));
    const b = permutation(100, mulberry32(7));
    expect([...a]).toEqual([...b]);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const s = randomShifts(1000, 2, mulberry32(1));
    expect(Math.min(...s.dx, ...s.dy)).toBe(-2);
    expect(Math.max(...s.dx, ...s.dy)).toBe(2);
  });
});
