/**
 * Core's float64 kernels: the level below the public functions (see types.ts for the contract).
 * @internal
 */
export {
  accumulatorSum,
  accumulatorWeight,
  createAccumulator,
  mergeAccumulators,
  recordPosition,
} from './accumulator';
export { divergenceKernel } from './divergence';
export {
  logSigmoidKernel,
  logSoftmaxKernel,
  logSumExpKernel,
  sigmoidKernel,
  softmaxKernel,
} from './primitives';
export { sigmoidFamilyKernel } from './sigmoidFamily';
export { softmaxFamilyKernel } from './softmaxFamily';
export type {
  Accumulator,
  ClassLayout,
  DivergenceParams,
  SigmoidFamilyParams,
  SigmoidPredictionKind,
  SoftmaxFamilyParams,
  SoftmaxPredictionKind,
} from './types';
