import type { FunctionName } from './adapter';

/**
 * Bad input, several ways for every code of SPEC.md "Bad input". Each case is a call that must throw an
 * `XentError` with `code`; `mentions` lists strings the message must contain (both shapes for
 * `SHAPE_MISMATCH`). `raw` marks input the adapter must pass through unconverted.
 */
export interface ErrorCase {
  readonly code:
    | 'SHAPE_MISMATCH'
    | 'INVALID_LABEL'
    | 'INVALID_PROBABILITY'
    | 'INVALID_OPTION'
    | 'INVALID_INPUT'
    | 'EMPTY_INPUT';
  readonly way: string;
  readonly fn: FunctionName;
  readonly targets: unknown;
  readonly predictions?: unknown;
  readonly options?: Record<string, unknown>;
  readonly raw?: boolean;
  readonly mentions?: readonly string[];
}

const X = [
  [2, 0.5, -1],
  [0.1, 0.2, 3],
];
const Q = [
  [0.7, 0.2, 0.1],
  [0.1, 0.1, 0.8],
];
const B = [0.2, 0.7];

// biome-ignore format: a table, one case per line
export const ERROR_CASES: readonly ErrorCase[] = [
  // SHAPE_MISMATCH
  { code: 'SHAPE_MISMATCH', way: 'five labels for four rows', fn: 'softmaxCrossEntropy', targets: [0, 1, 2, 0, 1], predictions: [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]], mentions: ['5', '4'] },
  { code: 'SHAPE_MISMATCH', way: 'sigmoid targets [2, 2] for logits [2, 3]', fn: 'sigmoidCrossEntropy', targets: [[1, 0], [0, 1]], predictions: [[1, 2, 3], [4, 5, 6]], mentions: ['2', '3'] },
  { code: 'SHAPE_MISMATCH', way: 'distribution targets [2, 4] for probabilities [2, 3]', fn: 'categoricalCrossEntropy', targets: [[0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0]], predictions: Q, mentions: ['4', '3'] },
  { code: 'SHAPE_MISMATCH', way: 'swapped arguments (logits first)', fn: 'softmaxCrossEntropy', targets: X, predictions: [0, 2] },
  { code: 'SHAPE_MISMATCH', way: 'classWeights of length 2 for C = 3', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { classWeights: [1, 2] } },
  { code: 'SHAPE_MISMATCH', way: 'per-class alpha of length 4 for C = 3', fn: 'softmaxFocalLoss', targets: [0, 2], predictions: X, options: { alpha: [1, 1, 1, 1] } },
  { code: 'SHAPE_MISMATCH', way: 'weights [3] for positions [2]', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { weights: [1, 2, 3] } },
  { code: 'SHAPE_MISMATCH', way: 'posWeight of length 2 for 3 labels', fn: 'sigmoidCrossEntropy', targets: [[1, 0, 1]], predictions: [[1, 2, 3]], options: { posWeight: [1, 2] } },
  { code: 'SHAPE_MISMATCH', way: 'KL p [2, 3] and q [2, 2]', fn: 'klDivergence', targets: Q, predictions: [[0.5, 0.5], [0.5, 0.5]] },
  // INVALID_LABEL
  { code: 'INVALID_LABEL', way: 'label = C', fn: 'softmaxCrossEntropy', targets: [0, 3], predictions: X },
  { code: 'INVALID_LABEL', way: 'label 1.5', fn: 'softmaxCrossEntropy', targets: [0, 1.5], predictions: X },
  { code: 'INVALID_LABEL', way: 'label -1 without ignoreIndex', fn: 'categoricalCrossEntropy', targets: [-1, 0], predictions: Q },
  { code: 'INVALID_LABEL', way: 'NaN label', fn: 'softmaxCrossEntropy', targets: [Number.NaN, 0], predictions: X },
  { code: 'INVALID_LABEL', way: 'bare label 3 for rank-1 logits of C = 3', fn: 'softmaxCrossEntropy', targets: 3, predictions: [1, 2, 3] },
  { code: 'INVALID_LABEL', way: 'nllLoss label -100 that is not the ignoreIndex', fn: 'nllLoss', targets: [-100, 0], predictions: [[-1, -0.5], [-0.2, -2]], options: { ignoreIndex: -1 } },
  // INVALID_PROBABILITY
  { code: 'INVALID_PROBABILITY', way: 'binary prediction -0.1', fn: 'binaryCrossEntropy', targets: [1, 0], predictions: [-0.1, 0.5] },
  { code: 'INVALID_PROBABILITY', way: 'binary prediction 1.5', fn: 'binaryFocalLoss', targets: [1, 0], predictions: [1.5, 0.5] },
  { code: 'INVALID_PROBABILITY', way: 'binary target 1.5', fn: 'sigmoidCrossEntropy', targets: [1.5, 0], predictions: [0.3, 2] },
  { code: 'INVALID_PROBABILITY', way: 'NaN binary target', fn: 'binaryCrossEntropy', targets: [Number.NaN, 0], predictions: B },
  { code: 'INVALID_PROBABILITY', way: 'a probability row summing to 0.9', fn: 'categoricalCrossEntropy', targets: [0, 1], predictions: [[0.6, 0.2, 0.1], [0.1, 0.1, 0.8]] },
  { code: 'INVALID_PROBABILITY', way: 'a distribution target summing to 0.9', fn: 'softmaxCrossEntropy', targets: [[0.5, 0.4, 0], [0, 0, 1]], predictions: X },
  { code: 'INVALID_PROBABILITY', way: 'a negative distribution target', fn: 'softmaxCrossEntropy', targets: [[1.1, -0.1, 0], [0, 0, 1]], predictions: X },
  { code: 'INVALID_PROBABILITY', way: 'entropy of a row summing to 1.1', fn: 'entropy', targets: [[0.6, 0.5]] },
  { code: 'INVALID_PROBABILITY', way: 'KL q with a negative entry', fn: 'klDivergence', targets: [[0.5, 0.5]], predictions: [[1.1, -0.1]] },
  { code: 'INVALID_PROBABILITY', way: 'KL p summing to 0.9', fn: 'klDivergence', targets: [[0.5, 0.4]], predictions: [[0.5, 0.5]] },
  { code: 'INVALID_PROBABILITY', way: 'swapped binary arguments (logits as targets)', fn: 'sigmoidCrossEntropy', targets: [2.5, -1], predictions: [1, 0] },
  // INVALID_OPTION
  { code: 'INVALID_OPTION', way: 'unknown option (a typo)', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { reductio: 'sum' } },
  { code: 'INVALID_OPTION', way: 'gamma on softmaxCrossEntropy', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { gamma: 2 } },
  { code: 'INVALID_OPTION', way: 'ignoreIndex with distribution targets', fn: 'softmaxCrossEntropy', targets: [[1, 0, 0], [0, 0, 1]], predictions: X, options: { ignoreIndex: -100 } },
  { code: 'INVALID_OPTION', way: "epsilon with from: 'logits'", fn: 'klDivergence', targets: [[0.5, 0.5]], predictions: [[1, 2]], options: { from: 'logits', epsilon: 1e-7 } },
  { code: 'INVALID_OPTION', way: 'epsilon on a logits loss', fn: 'sigmoidCrossEntropy', targets: [1, 0], predictions: [1, 2], options: { epsilon: 1e-7 } },
  { code: 'INVALID_OPTION', way: 'posWeight on softmaxCrossEntropy', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { posWeight: 2 } },
  { code: 'INVALID_OPTION', way: 'classWeights on binaryCrossEntropy', fn: 'binaryCrossEntropy', targets: [1, 0], predictions: B, options: { classWeights: [1, 2] } },
  { code: 'INVALID_OPTION', way: "reduction 'avg'", fn: 'binaryCrossEntropy', targets: [1, 0], predictions: B, options: { reduction: 'avg' }, mentions: ['mean'] },
  { code: 'INVALID_OPTION', way: 'axis 2 for rank 2', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { axis: 2 } },
  { code: 'INVALID_OPTION', way: 'axis -3 for rank 2', fn: 'entropy', targets: Q, options: { axis: -3 } },
  { code: 'INVALID_OPTION', way: 'labelSmoothing 1.5', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { labelSmoothing: 1.5 } },
  { code: 'INVALID_OPTION', way: 'epsilon 0.5', fn: 'binaryCrossEntropy', targets: [1, 0], predictions: B, options: { epsilon: 0.5 } },
  { code: 'INVALID_OPTION', way: 'gamma -1', fn: 'sigmoidFocalLoss', targets: [1, 0], predictions: [1, 2], options: { gamma: -1 } },
  { code: 'INVALID_OPTION', way: 'alpha 1.5 on a sigmoid focal loss', fn: 'sigmoidFocalLoss', targets: [1, 0], predictions: [1, 2], options: { alpha: 1.5 } },
  { code: 'INVALID_OPTION', way: 'base 1', fn: 'entropy', targets: Q, options: { base: 1 } },
  { code: 'INVALID_OPTION', way: 'base 0', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { base: 0 } },
  { code: 'INVALID_OPTION', way: "onEmpty 'skip'", fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { onEmpty: 'skip' } },
  { code: 'INVALID_OPTION', way: "from 'logit'", fn: 'klDivergence', targets: [[0.5, 0.5]], predictions: [[0.5, 0.5]], options: { from: 'logit' } },
  // INVALID_INPUT
  { code: 'INVALID_INPUT', way: 'ragged nested predictions', fn: 'softmaxCrossEntropy', targets: [0, 1], predictions: [[1, 2, 3], [1, 2]], raw: true },
  { code: 'INVALID_INPUT', way: 'a string entry', fn: 'sigmoidCrossEntropy', targets: [1, 0], predictions: [0.5, 'x'], raw: true },
  { code: 'INVALID_INPUT', way: 'predictions as an object', fn: 'binaryCrossEntropy', targets: [1, 0], predictions: { a: 1 }, raw: true },
  { code: 'INVALID_INPUT', way: 'null predictions', fn: 'softmaxCrossEntropy', targets: [0], predictions: null, raw: true },
  { code: 'INVALID_INPUT', way: 'a negative weight', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { weights: [1, -1] } },
  { code: 'INVALID_INPUT', way: 'a NaN weight', fn: 'binaryCrossEntropy', targets: [1, 0], predictions: B, options: { weights: [Number.NaN, 1] } },
  { code: 'INVALID_INPUT', way: 'an infinite class weight', fn: 'softmaxCrossEntropy', targets: [0, 2], predictions: X, options: { classWeights: [1, Number.POSITIVE_INFINITY, 1] } },
  { code: 'INVALID_INPUT', way: 'a negative posWeight', fn: 'sigmoidCrossEntropy', targets: [1, 0], predictions: [1, 2], options: { posWeight: -2 } },
  // EMPTY_INPUT
  { code: 'EMPTY_INPUT', way: 'every label ignored', fn: 'softmaxCrossEntropy', targets: [-100, -100], predictions: X, options: { ignoreIndex: -100, onEmpty: 'throw' } },
  { code: 'EMPTY_INPUT', way: 'empty input', fn: 'sigmoidCrossEntropy', targets: [], predictions: [], options: { onEmpty: 'throw' } },
  { code: 'EMPTY_INPUT', way: 'every weight 0 (mean)', fn: 'binaryCrossEntropy', targets: [1, 0], predictions: B, options: { weights: [0, 0], onEmpty: 'throw' } },
  { code: 'EMPTY_INPUT', way: 'every value ignored (sumOverCount)', fn: 'binaryFocalLoss', targets: [-1, -1], predictions: B, options: { ignoreValue: -1, reduction: 'sumOverCount', onEmpty: 'throw' } },
  { code: 'EMPTY_INPUT', way: 'every class weight 0 (sumOverNonzeroWeights)', fn: 'categoricalCrossEntropy', targets: [0, 0], predictions: Q, options: { classWeights: [0, 1, 1], reduction: 'sumOverNonzeroWeights', onEmpty: 'throw' } },
];
