/**
 * Test helpers: kernel parameter objects with neutral defaults, and kernel runs that return what a
 * property needs (the compensated total, per-position values and the gradient).
 * @internal
 */
import { accumulatorSum, createAccumulator } from '../accumulator';
import { divergenceKernel } from '../divergence';
import { sigmoidFamilyKernel } from '../sigmoidFamily';
import { softmaxFamilyKernel } from '../softmaxFamily';
import type { DivergenceParams, SigmoidFamilyParams, SoftmaxFamilyParams } from '../types';

export interface Run {
  total: number;
  perPosition: Float64Array;
  grad: Float64Array;
}

type SoftmaxInput = Partial<SoftmaxFamilyParams> & Pick<SoftmaxFamilyParams, 'layout' | 'predictions'>;

/** Runs the softmax-family kernel with defaults (logits, no options) and fresh outputs. */
export function runSoftmax(p: SoftmaxInput): Run {
  const { outer, classes, inner } = p.layout;
  const perPosition = new Float64Array(outer * inner);
  const grad = new Float64Array(outer * classes * inner);
  const acc = createAccumulator();
  softmaxFamilyKernel({
    predictionKind: 'logits',
    labels: null,
    distributions: null,
    ignoreIndex: null,
    classWeights: null,
    labelSmoothing: 0,
    epsilon: 0,
    gamma: null,
    alpha: null,
    sampleWeights: null,
    ...p,
    perPosition,
    grad,
    acc,
  });
  return { total: accumulatorSum(acc), perPosition, grad };
}

type SigmoidInput = Partial<SigmoidFamilyParams> & Pick<SigmoidFamilyParams, 'predictions' | 'targets'>;

/** Runs the sigmoid-family kernel with defaults (logits, no options) and fresh outputs. */
export function runSigmoid(p: SigmoidInput): Run {
  const size = p.predictions.length;
  const perPosition = new Float64Array(size);
  const grad = new Float64Array(size);
  const acc = createAccumulator();
  sigmoidFamilyKernel({
    size,
    predictionKind: 'logits',
    ignoreValue: null,
    posWeight: null,
    labelSmoothing: 0,
    epsilon: 0,
    gamma: null,
    alpha: null,
    sampleWeights: null,
    ...p,
    perPosition,
    grad,
    acc,
  });
  return { total: accumulatorSum(acc), perPosition, grad };
}

type DivergenceInput = Partial<DivergenceParams> & Pick<DivergenceParams, 'layout' | 'p'>;

/** Runs the divergence kernel (entropy when q is absent) with fresh outputs. */
export function runDivergence(p: DivergenceInput): Run {
  const { outer, classes, inner } = p.layout;
  const perPosition = new Float64Array(outer * inner);
  const grad = new Float64Array(outer * classes * inner);
  const acc = createAccumulator();
  const q = p.q ?? null;
  divergenceKernel({
    qKind: 'probabilities',
    epsilon: 0,
    sampleWeights: null,
    ...p,
    q,
    perPosition,
    grad: q === null ? null : grad,
    acc,
  });
  return { total: accumulatorSum(acc), perPosition, grad };
}

/**
 * Central finite difference of f at x along coordinate j, h = 1e-6 · max(1, |x_j|) (error O(h²)).
 * x is copied, never modified.
 */
export function centralDifference(f: (x: Float64Array) => number, x: Float64Array, j: number): number {
  const h = 1e-6 * Math.max(1, Math.abs(x[j]!));
  const xp = Float64Array.from(x);
  const xm = Float64Array.from(x);
  xp[j] = x[j]! + h;
  xm[j] = x[j]! - h;
  return (f(xp) - f(xm)) / (xp[j]! - xm[j]!);
}

/** Softmax of a row (test reference for building probability inputs), in float64. */
export function softmaxRow(x: readonly number[]): number[] {
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
