/**
 * @xent/arrays — cross-entropy, focal, KL and entropy losses over plain JavaScript data (numbers,
 * nested arrays, typed arrays, `{ data, shape }` views), exact in float64, with analytic gradients and
 * mergeable meters.
 */

export type { AxisOptions, OnEmpty, Reduction } from '@xent/core';
export { XentError, XentErrorCode } from '@xent/core';
export { type BinaryCrossEntropyOptions, binaryCrossEntropy } from './binaryCrossEntropy';
export { type BinaryFocalLossOptions, binaryFocalLoss } from './binaryFocalLoss';
export { type CategoricalCrossEntropyOptions, categoricalCrossEntropy } from './categoricalCrossEntropy';
export { type CategoricalFocalLossOptions, categoricalFocalLoss } from './categoricalFocalLoss';
export { type EntropyFunction, type EntropyOptions, entropy } from './entropy';
export type { LossFunction, LossValue } from './internal/makeLoss';
export { type KlDivergenceOptions, klDivergence } from './klDivergence';
export {
  LossMeter,
  type LossMeterJSON,
  type MeterLoss,
  type MeterOptions,
  type MeterUpdateOptions,
} from './LossMeter';
export { logSigmoid } from './logSigmoid';
export { logSoftmax } from './logSoftmax';
export { logSumExp } from './logSumExp';
export { type NllLossOptions, nllLoss } from './nllLoss';
export { sigmoid } from './sigmoid';
export { type SigmoidCrossEntropyOptions, sigmoidCrossEntropy } from './sigmoidCrossEntropy';
export { type SigmoidFocalLossOptions, sigmoidFocalLoss } from './sigmoidFocalLoss';
export { softmax } from './softmax';
export { type SoftmaxCrossEntropyOptions, softmaxCrossEntropy } from './softmaxCrossEntropy';
export { type SoftmaxFocalLossOptions, softmaxFocalLoss } from './softmaxFocalLoss';
export type {
  ArrayInput,
  ArrayOutput,
  ArrayView,
  Float64View,
  NestedNumbers,
  NestedOutput,
  NumericTypedArray,
  ValueAndGrad,
} from './types';
