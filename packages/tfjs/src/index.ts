export { binaryCrossEntropy } from './binaryCrossEntropy';
export { binaryFocalLoss } from './binaryFocalLoss';
export { categoricalCrossEntropy } from './categoricalCrossEntropy';
export { categoricalFocalLoss } from './categoricalFocalLoss';
export { entropy } from './entropy';
export type { XentErrorCode } from './internal/errors';
export { XentError } from './internal/errors';
export { klDivergence } from './klDivergence';
export type { LossMeterState } from './LossMeter';
export { LossMeter } from './LossMeter';
export type { LossFunction } from './layersLoss';
export { layersLoss } from './layersLoss';
export { logSigmoid } from './logSigmoid';
export { logSoftmax } from './logSoftmax';
export { logSumExp } from './logSumExp';
export { nllLoss } from './nllLoss';
export { sigmoid } from './sigmoid';
export { sigmoidCrossEntropy } from './sigmoidCrossEntropy';
export { sigmoidFocalLoss } from './sigmoidFocalLoss';
export { softmax } from './softmax';
export { softmaxCrossEntropy } from './softmaxCrossEntropy';
export { softmaxFocalLoss } from './softmaxFocalLoss';
export type {
  AxisOptions,
  BinaryFocalOptions,
  BinaryOptions,
  CategoricalFocalOptions,
  CategoricalOptions,
  CommonOptions,
  EntropyOptions,
  KlDivergenceOptions,
  LossTensor,
  OnEmpty,
  Reduction,
  ReductionTensor,
  SigmoidFocalOptions,
  SigmoidOptions,
  SoftmaxFocalOptions,
  SoftmaxOptions,
  TensorInput,
} from './types';
