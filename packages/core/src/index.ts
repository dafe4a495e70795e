/**
 * @xent/core — the definitions behind xent: option types and defaults, validation and errors, the shape
 * plan and broadcasting, reductions, float64 kernels with gradients, and mergeable meter state.
 * Adapters (`@xent/arrays`, `@xent/tfjs`) convert their input kinds to `{ data, shape }` views and call
 * these.
 */
export { describeValue, formatShape, XentError, XentErrorCode } from './errors';
export { computeLoss, runLoss } from './losses/computeLoss';
export type { LossConfig, LossResult, RunOutput, RunTargets } from './losses/types';
export type { MeterJSON, MeterState } from './meter/meterState';
export {
  createMeterState,
  mergeMeterStates,
  meterStateFromJSON,
  meterStateToJSON,
  meterStateValue,
  resetMeterState,
  updateMeterState,
  updateMeterStateFromPositions,
} from './meter/meterState';
export type { LossFamily, LossInfo, LossName, PrimitiveName } from './options/names';
export { isLossName, LOSS_INFO, LOSS_NAMES, OPTIONS_TAKEN, PRIMITIVE_NAMES } from './options/names';
export { resolveOptions, resolveWeights } from './options/resolveOptions';
export type {
  AxisOptions,
  BinaryCrossEntropyOptions,
  BinaryFocalLossOptions,
  CategoricalCrossEntropyOptions,
  CategoricalFocalLossOptions,
  CommonOptions,
  EntropyOptions,
  KlDivergenceOptions,
  LossOptionsMap,
  NllLossOptions,
  OnEmpty,
  Reduction,
  ResolvedOptions,
  ResultByReduction,
  SigmoidCrossEntropyOptions,
  SigmoidFocalLossOptions,
  SoftmaxCrossEntropyOptions,
  SoftmaxFocalLossOptions,
} from './options/types';
export { ON_EMPTY, REDUCTIONS } from './options/types';
export type { PrimitiveResult } from './primitives/computePrimitive';
export { computePrimitive } from './primitives/computePrimitive';
export { emptyValue, gradientScale, logBase, reduceValue, reductionDenominator } from './reduce/reduce';
export type { ClassAxisPlan, TargetKind } from './shape/axis';
export { checkSameShape, normalizeAxis, planClassAxis, sameShape, targetKind } from './shape/axis';
export { broadcastTo } from './shape/broadcast';
export { checkDistributions, checkLabels, checkProbabilities, SUM_TOLERANCE } from './validate/values';
export type { TensorView, ViewLike } from './view';
export { checkView, isTensorView, optionView, sizeOf } from './view';
