/**
 * The names of the losses and primitives and what each one is, for the levels above the kernels.
 */

/**
 * Every loss, in the order the docs list them.
 * @example
 * ```ts
 * LOSS_NAMES.length; // 11
 * ```
 */
export const LOSS_NAMES = [
  'softmaxCrossEntropy',
  'categoricalCrossEntropy',
  'sigmoidCrossEntropy',
  'binaryCrossEntropy',
  'softmaxFocalLoss',
  'categoricalFocalLoss',
  'sigmoidFocalLoss',
  'binaryFocalLoss',
  'nllLoss',
  'entropy',
  'klDivergence',
] as const;

/** The name of one loss. */
export type LossName = (typeof LOSS_NAMES)[number];

/**
 * The stable primitives.
 * @example
 * ```ts
 * PRIMITIVE_NAMES[0]; // 'logSumExp'
 * ```
 */
export const PRIMITIVE_NAMES = ['logSumExp', 'logSoftmax', 'softmax', 'logSigmoid', 'sigmoid'] as const;

/** The name of one primitive. */
export type PrimitiveName = (typeof PRIMITIVE_NAMES)[number];

/** How a loss reads its inputs: the class-axis families, the element-wise family, or the divergences. */
export type LossFamily = 'softmax' | 'sigmoid' | 'entropy' | 'kl';

/** What a loss is: its family, what its predictions hold, whether it is a focal form. */
export interface LossInfo {
  readonly family: LossFamily;
  /** `'logits'`, `'probabilities'` or `'logProbabilities'` (nllLoss); for KL it depends on `from` */
  readonly predictions: 'logits' | 'probabilities' | 'logProbabilities' | 'none';
  readonly focal: boolean;
}

/**
 * The description of every loss.
 * @example
 * ```ts
 * LOSS_INFO.nllLoss.predictions; // 'logProbabilities'
 * ```
 */
export const LOSS_INFO: Readonly<Record<LossName, LossInfo>> = {
  softmaxCrossEntropy: { family: 'softmax', predictions: 'logits', focal: false },
  categoricalCrossEntropy: { family: 'softmax', predictions: 'probabilities', focal: false },
  sigmoidCrossEntropy: { family: 'sigmoid', predictions: 'logits', focal: false },
  binaryCrossEntropy: { family: 'sigmoid', predictions: 'probabilities', focal: false },
  softmaxFocalLoss: { family: 'softmax', predictions: 'logits', focal: true },
  categoricalFocalLoss: { family: 'softmax', predictions: 'probabilities', focal: true },
  sigmoidFocalLoss: { family: 'sigmoid', predictions: 'logits', focal: true },
  binaryFocalLoss: { family: 'sigmoid', predictions: 'probabilities', focal: true },
  nllLoss: { family: 'softmax', predictions: 'logProbabilities', focal: false },
  entropy: { family: 'entropy', predictions: 'none', focal: false },
  klDivergence: { family: 'kl', predictions: 'probabilities', focal: false },
};

/**
 * True when `name` is one of {@link LOSS_NAMES}.
 * @example
 * ```ts
 * isLossName('dice'); // false
 * ```
 */
export function isLossName(name: unknown): name is LossName {
  return typeof name === 'string' && Object.hasOwn(LOSS_INFO, name);
}

const COMMON = ['weights', 'reduction', 'base', 'onEmpty', 'validate'] as const;
const SOFTMAX = [...COMMON, 'axis', 'classWeights', 'ignoreIndex', 'labelSmoothing'] as const;
const SIGMOID = [...COMMON, 'posWeight', 'ignoreValue', 'labelSmoothing'] as const;

/**
 * The option names each loss takes (SPEC "Options"); any other key is an `INVALID_OPTION`.
 * @example
 * ```ts
 * OPTIONS_TAKEN.entropy.includes('classWeights'); // false
 * ```
 */
export const OPTIONS_TAKEN: Readonly<Record<LossName | PrimitiveName, readonly string[]>> = {
  softmaxCrossEntropy: SOFTMAX,
  categoricalCrossEntropy: [...SOFTMAX, 'epsilon'],
  sigmoidCrossEntropy: SIGMOID,
  binaryCrossEntropy: [...SIGMOID, 'epsilon'],
  softmaxFocalLoss: [...SOFTMAX, 'alpha', 'gamma'],
  categoricalFocalLoss: [...SOFTMAX, 'alpha', 'gamma', 'epsilon'],
  sigmoidFocalLoss: [...SIGMOID, 'alpha', 'gamma'],
  binaryFocalLoss: [...SIGMOID, 'alpha', 'gamma', 'epsilon'],
  nllLoss: SOFTMAX,
  entropy: [...COMMON, 'axis'],
  klDivergence: [...COMMON, 'axis', 'from', 'epsilon'],
  logSumExp: ['axis'],
  logSoftmax: ['axis'],
  softmax: ['axis'],
  logSigmoid: [],
  sigmoid: [],
};
