/**
 * The worked example of the README: a radiograph that truly shows pneumonia (target 1), predicted with
 * probability 0.51, costs −ln 0.51 ≈ 0.6733 nats (0.9714 bits); predicted 0.98, −ln 0.98 ≈ 0.0202 nats.
 * The same number through every form of cross-entropy that can express it. Expected values: the closed
 * form −ln q at 50 digits (test/fixtures/examples.json, written by the generator).
 */
import { describe, expect, test } from 'vitest';
import {
  binaryCrossEntropy,
  categoricalCrossEntropy,
  klDivergence,
  nllLoss,
  sigmoidCrossEntropy,
  softmaxCrossEntropy,
} from '../src/index';
import { expectClose, ref } from './helpers';

const logit = (q: number) => Math.log(q / (1 - q));

describe('worked example: true pneumonia', () => {
  test('binaryCrossEntropy(1, 0.51) = −ln 0.51 nats; 0.98 → −ln 0.98; in bits', () => {
    expectClose(binaryCrossEntropy(1, 0.51), ref('binaryCrossEntropy(1, 0.51)'));
    expectClose(binaryCrossEntropy(1, 0.98), ref('binaryCrossEntropy(1, 0.98)'));
    expectClose(binaryCrossEntropy(1, 0.51, { base: 2 }), ref('binaryCrossEntropy(1, 0.51, { base: 2 })'));
    expectClose(binaryCrossEntropy(1, 0.98, { base: 2 }), ref('binaryCrossEntropy(1, 0.98, { base: 2 })'));
    // the figures the README prints, to their four digits
    expect(binaryCrossEntropy(1, 0.51).toFixed(4)).toBe('0.6733');
    expect(binaryCrossEntropy(1, 0.98).toFixed(4)).toBe('0.0202');
    expect(binaryCrossEntropy(1, 0.51, { base: 2 }).toFixed(4)).toBe('0.9714');
  });

  test('the same through sigmoidCrossEntropy on the logit ln(0.51/0.49)', () => {
    expectClose(sigmoidCrossEntropy(1, logit(0.51)), ref('sigmoidCrossEntropy(1, Math.log(0.51 / 0.49))'));
    expectClose(
      sigmoidCrossEntropy(1, logit(0.51), { base: 2 }),
      ref('sigmoidCrossEntropy(1, Math.log(0.51 / 0.49), { base: 2 })'),
    );
  });

  test('the same through categoricalCrossEntropy, one-hot and integer label', () => {
    expectClose(
      categoricalCrossEntropy([1, 0], [0.51, 0.49]),
      ref('categoricalCrossEntropy([1, 0], [0.51, 0.49])'),
    );
    expectClose(categoricalCrossEntropy(0, [0.51, 0.49]), ref('categoricalCrossEntropy(0, [0.51, 0.49])'));
    expectClose(
      categoricalCrossEntropy([1, 0], [0.51, 0.49], { base: 2 }),
      ref('categoricalCrossEntropy([1, 0], [0.51, 0.49], { base: 2 })'),
    );
  });

  test('the same through softmaxCrossEntropy on logits ln 0.51, ln 0.49 (label, one-hot, batch of one)', () => {
    const logits = [Math.log(0.51), Math.log(0.49)];
    const expected = ref('softmaxCrossEntropy(0, [Math.log(0.51), Math.log(0.49)])');
    expectClose(softmaxCrossEntropy(0, logits), expected);
    expectClose(softmaxCrossEntropy([1, 0], logits), expected);
    expectClose(softmaxCrossEntropy([0], [logits]), expected);
    expectClose(softmaxCrossEntropy([[1, 0]], [logits]), expected);
    expectClose(
      softmaxCrossEntropy(0, logits, { base: 2 }),
      ref('softmaxCrossEntropy(0, [Math.log(0.51), Math.log(0.49)], { base: 2 })'),
    );
  });

  test('the same through nllLoss and klDivergence (H(p) = 0 for a one-hot p)', () => {
    expectClose(
      nllLoss(0, [Math.log(0.51), Math.log(0.49)]),
      ref('nllLoss(0, [Math.log(0.51), Math.log(0.49)])'),
    );
    expectClose(klDivergence([1, 0], [0.51, 0.49]), ref('klDivergence([1, 0], [0.51, 0.49])'));
  });

  test('a batch of both studies: the mean, and per-study values with reduction none', () => {
    expectClose(binaryCrossEntropy([1, 1], [0.51, 0.98]), ref('binaryCrossEntropy([1, 1], [0.51, 0.98])'));
    const none = binaryCrossEntropy([1, 1], [0.51, 0.98], { reduction: 'none' });
    expectClose(none, [ref('binaryCrossEntropy(1, 0.51)'), ref('binaryCrossEntropy(1, 0.98)')]);
    // the gradient of −ln q is −1/q (closed form)
    const { value, grad } = binaryCrossEntropy.valueAndGrad(1, 0.51);
    expectClose(value, ref('binaryCrossEntropy(1, 0.51)'));
    expectClose(grad, -1 / 0.51, 1e-10);
  });
});
