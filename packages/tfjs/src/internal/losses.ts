/**
 * The losses of this package by name, for the wrappers that take a loss function (LossMeter, layersLoss)
 * and must know which one they were given.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { binaryCrossEntropy } from '../binaryCrossEntropy';
import { binaryFocalLoss } from '../binaryFocalLoss';
import { categoricalCrossEntropy } from '../categoricalCrossEntropy';
import { categoricalFocalLoss } from '../categoricalFocalLoss';
import { entropy } from '../entropy';
import { klDivergence } from '../klDivergence';
import { nllLoss } from '../nllLoss';
import { sigmoidCrossEntropy } from '../sigmoidCrossEntropy';
import { sigmoidFocalLoss } from '../sigmoidFocalLoss';
import { softmaxCrossEntropy } from '../softmaxCrossEntropy';
import { softmaxFocalLoss } from '../softmaxFocalLoss';

// biome-ignore lint/suspicious/noExplicitAny: the meter accepts every loss signature
export type AnyLoss = (...args: any[]) => tf.Tensor;

export const LOSSES: Record<string, AnyLoss> = {
  softmaxCrossEntropy,
  categoricalCrossEntropy,
  nllLoss,
  softmaxFocalLoss,
  categoricalFocalLoss,
  sigmoidCrossEntropy,
  binaryCrossEntropy,
  sigmoidFocalLoss,
  binaryFocalLoss,
  klDivergence,
  entropy,
};

/** The name of loss `f` of this package, or undefined for any other value. */
export function lossNameOf(f: unknown): string | undefined {
  return typeof f === 'function' ? Object.keys(LOSSES).find((k) => LOSSES[k] === f) : undefined;
}
