import { describe, expect, it } from 'vitest';
import {
  auroc,
  brier,
  calibration,
  caseCrossEntropy,
  fitTemperature,
  meanCrossEntropy,
  sigmoid,
  softplus,
  thresholdMetrics,
} from '../src/metrics.js';

describe('AUROC', () => {
  it('is the fraction of correctly ordered positive–negative pairs (hand case)', () => {
    // Pairs (positive score > negative score): 0.35 > 0.1 yes, 0.35 > 0.4 no, 0.8 > both yes → 3 of 4.
    expect(auroc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 15);
  });
  it('counts ties as one half', () => {
    // One pair, tied: 1/2. Two positives against one tied negative and one below: (1/2 + 1 + 1/2 + 1) / 4.
    expect(auroc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(auroc([1, 0, 1, 0], [0.7, 0.7, 0.7, 0.2])).toBeCloseTo(0.75, 15);
  });
  it('is 1 for perfect ranking, 0 for reversed, NaN with one class', () => {
    expect(auroc([0, 0, 1], [0.1, 0.2, 0.9])).toBe(1);
    expect(auroc([1, 1, 0], [0.1, 0.2, 0.9])).toBe(0);
    expect(auroc([1, 1], [0.1, 0.2])).toBeNaN();
  });
});

describe('cross-entropy from logits', () => {
  it('gives the worked example: −ln 0.51 = 0.673344553263765 nats for a pneumonia case at p = 0.51', () => {
    // Closed form: logit ln(0.51/0.49), cross-entropy −ln 0.51 (mpmath: 0.67334455326376563…).
    expect(caseCrossEntropy(1, Math.log(0.51 / 0.49))).toBeCloseTo(0.6733445532637656, 14);
  });
  it('stays finite and exact at extreme logits', () => {
    // softplus(−40) = log1p(e^−40) ≈ e^−40 = 4.248354255291589e−18 (relative error below 1e−17).
    expect(softplus(-40)).toBeCloseTo(4.248354255291589e-18, 30);
    expect(caseCrossEntropy(0, 800)).toBe(800);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });
});

describe('threshold metrics, Brier, calibration', () => {
  it('counts the confusion matrix at 0.5 (p = 0.5 is positive)', () => {
    const m = thresholdMetrics([1, 1, 0, 0, 1], [0.9, 0.4, 0.5, 0.1, 0.5]);
    // TP 2 (0.9, 0.5), FN 1, FP 1 (0.5), TN 1 → accuracy 3/5, sensitivity 2/3, specificity 1/2.
    expect(m.accuracy).toBeCloseTo(0.6, 15);
    expect(m.sensitivity).toBeCloseTo(2 / 3, 15);
    expect(m.specificity).toBe(0.5);
  });
  it('computes the Brier score as the mean squared error', () => {
    // ((0.9−1)² + (0.2−0)²) / 2 = (0.01 + 0.04) / 2 = 0.025.
    expect(brier([1, 0], [0.9, 0.2])).toBeCloseTo(0.025, 15);
  });
  it('bins by predicted probability and weights each bin by its count (hand case)', () => {
    // Bin [0.1, 0.2): p 0.15, 0.15, labels 0, 1 → |0.15 − 0.5| = 0.35, weight 2/4.
    // Bin [0.9, 1]: p 0.95, 1.0, labels 1, 1 → |0.975 − 1| = 0.025, weight 2/4. ECE = 0.175 + 0.0125.
    const { ece, reliability } = calibration([0, 1, 1, 1], [0.15, 0.15, 0.95, 1.0]);
    expect(ece).toBeCloseTo(0.1875, 15);
    expect(reliability).toHaveLength(10);
    expect(reliability[1]).toEqual({
      lower: 0.1,
      upper: 0.2,
      count: 2,
      meanPredicted: 0.15,
      fractionPositive: 0.5,
    });
    expect(reliability[9]?.count).toBe(2);
    expect(reliability[5]).toEqual({
      lower: 0.5,
      upper: 0.6,
      count: 0,
      meanPredicted: null,
      fractionPositive: null,
    });
  });
});

describe('temperature scaling', () => {
  it('finds the closed-form optimum', () => {
    // Four cases at logit 2, three of them positive: the best σ(2/T) is 3/4, so T = 2 / ln 3.
    const T = fitTemperature([1, 1, 1, 0], [2, 2, 2, 2]);
    expect(T).toBeCloseTo(2 / Math.log(3), 10);
    expect(meanCrossEntropy([1, 1, 1, 0], [2, 2, 2, 2], T)).toBeLessThan(
      meanCrossEntropy([1, 1, 1, 0], [2, 2, 2, 2], 1),
    );
  });
});
