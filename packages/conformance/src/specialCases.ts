import type { FunctionName, Nested } from './adapter';

/**
 * Special values (SPEC.md "Definitions", "Limits and special values", "Bad input"), each with its closed
 * form: 0·log 0 = 0, several +∞ logits, rows of −∞, NaN propagation, +Infinity exactly where the value is
 * infinite, weight 0 against an infinite or NaN loss, the worked example.
 */
export interface SpecialCase {
  readonly name: string;
  readonly fn: FunctionName;
  readonly targets: Nested;
  readonly predictions?: Nested;
  readonly options?: Record<string, unknown>;
  readonly expected: Nested;
  /** the closed form the expected value comes from */
  readonly why: string;
  /** inputs beyond float32 (|x| > 3.4e38): float64 adapters only */
  readonly float64Only?: boolean;
}

const INF = Number.POSITIVE_INFINITY;
const NAN = Number.NaN;
const NONE = { reduction: 'none' } as const;

// biome-ignore format: a table, one case per line
export const SPECIAL_CASES: readonly SpecialCase[] = [
  // 0 · log 0 = 0
  { name: '0·log 0: zero target on a −∞ logit', fn: 'softmaxCrossEntropy', targets: [[0, 1]], predictions: [[-INF, 0]], expected: 0, why: 'q = [0, 1]: −(0·log 0 + 1·log 1) = 0' },
  { name: '0·log 0: binary targets equal to predictions 0 and 1', fn: 'binaryCrossEntropy', targets: [0, 1], predictions: [0, 1], options: NONE, expected: [0, 0], why: '−[t log q + (1 − t) log(1 − q)] with the zero terms 0' },
  { name: '0·log 0: categorical zero probability under a zero target', fn: 'categoricalCrossEntropy', targets: [[0, 1]], predictions: [[0, 1]], expected: 0, why: '−1·log 1' },
  { name: '0·log 0: sigmoid at ±∞ logits', fn: 'sigmoidCrossEntropy', targets: [0, 1], predictions: [-INF, INF], options: NONE, expected: [0, 0], why: 'σ(−∞) = 0 with t = 0; σ(∞) = 1 with t = 1' },
  { name: '0·log 0: KL with p = q = 0 in one class', fn: 'klDivergence', targets: [[0, 1]], predictions: [[0, 1]], expected: 0, why: 'Σ p (log p − log q) over p > 0 only' },
  { name: '0·log 0: entropy of a one-hot row', fn: 'entropy', targets: [[1, 0, 0]], expected: 0, why: '−1·log 1 − 0·log 0 − 0·log 0' },
  // several +∞ logits share the probability; a row of −∞ is NaN
  { name: 'two +∞ logits share the probability', fn: 'softmaxCrossEntropy', targets: 0, predictions: [INF, INF, 0], expected: Math.LN2, why: 'q = [1/2, 1/2, 0]: −log(1/2) = ln 2' },
  { name: 'three +∞ logits', fn: 'softmaxCrossEntropy', targets: [1], predictions: [[INF, INF, INF, 5]], expected: Math.log(3), why: 'q = 1/3 for each +∞: ln 3' },
  { name: 'the label off the +∞ logits is +Infinity', fn: 'softmaxCrossEntropy', targets: 2, predictions: [INF, INF, 0], expected: INF, why: 'q_2 = 0: −log 0' },
  { name: 'a row of −∞ logits is NaN', fn: 'softmaxCrossEntropy', targets: 0, predictions: [-INF, -INF, -INF], expected: NAN, why: 'softmax of all −∞ is 0/0' },
  { name: 'logSoftmax of a row of −∞ is NaN', fn: 'logSoftmax', targets: [[-INF, -INF], [0, 0]], expected: [[NAN, NAN], [-Math.LN2, -Math.LN2]], why: '0/0; equal logits give −ln 2' },
  { name: 'logSumExp of a row of −∞ is −∞', fn: 'logSumExp', targets: [[-INF, -INF], [0, 0]], expected: [-INF, Math.LN2], why: 'log(0 + 0) = log 0 = −∞; log(1 + 1) = ln 2' },
  // NaN propagates (not replaced), except where the weight is 0 or the position is ignored
  { name: 'a NaN logit makes its whole row NaN', fn: 'softmaxCrossEntropy', targets: [0, 0], predictions: [[0, NAN], [0, 0]], options: NONE, expected: [NAN, Math.LN2], why: 'row 1: equal logits, ln 2' },
  { name: 'a NaN logit makes a mean NaN', fn: 'softmaxCrossEntropy', targets: [0, 0], predictions: [[0, NAN], [0, 0]], expected: NAN, why: 'NaN in the numerator' },
  { name: 'a NaN sigmoid logit makes only its element NaN', fn: 'sigmoidCrossEntropy', targets: [0, 0], predictions: [NAN, 0], options: NONE, expected: [NAN, Math.LN2], why: 'softplus(0) = ln 2' },
  { name: 'a NaN binary prediction is NaN, not an error', fn: 'binaryCrossEntropy', targets: [1], predictions: [NAN], expected: NAN, why: 'NaN propagates' },
  { name: 'a NaN categorical prediction is NaN, not an error', fn: 'categoricalCrossEntropy', targets: [0], predictions: [[NAN, 0.5]], expected: NAN, why: 'NaN propagates' },
  { name: 'weight 0 on a NaN prediction', fn: 'sigmoidCrossEntropy', targets: [0, 0], predictions: [NAN, 0], options: { weights: [0, 1] }, expected: Math.LN2, why: '(0 + ln 2) / (0 + 1)' },
  { name: 'an ignored NaN row', fn: 'softmaxCrossEntropy', targets: [-100, 0], predictions: [[NAN, 0], [0, 0]], options: { ignoreIndex: -100 }, expected: Math.LN2, why: 'only row 1 counts: ln 2' },
  { name: 'an ignored NaN element', fn: 'binaryCrossEntropy', targets: [-1, 1], predictions: [NAN, 0.5], options: { ignoreValue: -1 }, expected: Math.LN2, why: '−log 0.5' },
  // +Infinity exactly where the value is infinite, finite where it is finite
  { name: '+Infinity: binary target 1 on prediction 0', fn: 'binaryCrossEntropy', targets: 1, predictions: 0, expected: INF, why: '−log 0' },
  { name: '+Infinity: binary target 0 on prediction 1', fn: 'binaryCrossEntropy', targets: [0], predictions: [1], expected: INF, why: '−log(1 − 1)' },
  { name: '+Infinity: sigmoid target 1 on logit −∞', fn: 'sigmoidCrossEntropy', targets: [1], predictions: [-INF], expected: INF, why: 'softplus(∞)' },
  { name: '+Infinity: soft target on logit +∞', fn: 'sigmoidCrossEntropy', targets: [0.5], predictions: [INF], expected: INF, why: '−0.5·log(1 − 1)' },
  { name: '+Infinity: categorical label on probability 0', fn: 'categoricalCrossEntropy', targets: 0, predictions: [0, 1], expected: INF, why: '−log 0' },
  { name: '+Infinity: softmax label on logit −∞', fn: 'softmaxCrossEntropy', targets: 0, predictions: [-INF, 0], expected: INF, why: '−log 0' },
  { name: '+Infinity: KL with q = 0 under p > 0', fn: 'klDivergence', targets: [[0.5, 0.5]], predictions: [[0, 1]], expected: INF, why: '0.5 (log 0.5 − log 0)' },
  { name: '+Infinity: nllLoss of log-probability −∞', fn: 'nllLoss', targets: 0, predictions: [-INF, 0], expected: INF, why: '−(−∞)' },
  { name: 'finite: sigmoid target 1 on logit −1e300', fn: 'sigmoidCrossEntropy', targets: [1], predictions: [-1e300], expected: 1e300, why: 'softplus(x) = x + log1p(e^−x) = 1e300', float64Only: true },
  { name: 'finite: softmax logits ±1e300', fn: 'softmaxCrossEntropy', targets: 1, predictions: [1e300, -1e300], expected: 2e300, why: 'logSumExp − x_1 = 1e300 + 1e300', float64Only: true },
  // weight, class weight, posWeight 0 remove a term even against an infinite log
  { name: 'weight 0 on an infinite loss', fn: 'binaryCrossEntropy', targets: [1, 1], predictions: [0, 0.5], options: { weights: [0, 1] }, expected: Math.LN2, why: '(0 + ln 2) / (0 + 1)' },
  { name: 'class weight 0 on an infinite log', fn: 'categoricalCrossEntropy', targets: [0, 1], predictions: [[0, 1], [0.5, 0.5]], options: { classWeights: [0, 1], reduction: 'sum' }, expected: Math.LN2, why: '0 + 1·ln 2' },
  { name: 'posWeight 0 on an infinite log', fn: 'binaryCrossEntropy', targets: [1], predictions: [0], options: { posWeight: 0, reduction: 'sum' }, expected: 0, why: '−[0·1·log 0 + 0·log 1]' },
  { name: 'focal with γ < 1 at a +∞ logit label is 0, not NaN', fn: 'softmaxFocalLoss', targets: 0, predictions: [INF, 0, 1], options: { gamma: 0.5 }, expected: 0, why: '(1 − 1)^0.5 · 0' },
  { name: 'sigmoid focal with γ < 1 at ±∞', fn: 'sigmoidFocalLoss', targets: [1, 0], predictions: [INF, -INF], options: { gamma: 0.5, reduction: 'none' }, expected: [0, 0], why: 'p_t = 1: 0^0.5 · 0' },
  { name: 'focal: α_t = 0 on an infinite binary log is 0', fn: 'binaryFocalLoss', targets: [1], predictions: [0], options: { alpha: 0 }, expected: 0, why: 'α_t = α = 0 removes the term: 0, not 0 · ∞' },
  { name: 'focal: α_t = 0 on +∞ and −∞ sigmoid logits', fn: 'sigmoidFocalLoss', targets: [0, 1], predictions: [INF, -INF], options: { alpha: 1, reduction: 'none' }, expected: [0, INF], why: 't = 0: α_t = 1 − α = 0 removes −log(1 − σ(∞)); t = 1: α_t = α = 1 keeps −log σ(−∞) = ∞' },
  { name: 'focal: α = 0 keeps a batch finite around its removed infinite term', fn: 'binaryFocalLoss', targets: [0, 1], predictions: [0.5, 0], options: { alpha: 0, gamma: 2, reduction: 'sum' }, expected: 0.25 * Math.LN2, why: 't = 0, q = 1/2: (1 − 0)(1/2)² ln 2; t = 1, q = 0: α_t = 0' },
  { name: 'focal: a tiny soft target on a certain wrong prediction is +Infinity', fn: 'binaryFocalLoss', targets: [1e-200], predictions: [0], options: { gamma: 2 }, expected: INF, why: '1 − p_t = t = 1e-200 > 0 times −t log 0 = ∞ ((1e-200)² underflows, the product does not)', float64Only: true },
  { name: 'focal: the same from a −∞ logit', fn: 'sigmoidFocalLoss', targets: [1e-200], predictions: [-INF], options: { gamma: 2 }, expected: INF, why: 'as above, q = σ(−∞) = 0', float64Only: true },
  { name: 'labelSmoothing 1 on a −∞ logit is +Infinity, not NaN', fn: 'softmaxCrossEntropy', targets: [1], predictions: [[0, -INF]], options: { labelSmoothing: 1 }, expected: INF, why: "t' = [1/2, 1/2]: ½ (−log 1) + ½ (−log 0); the label's own term has weight 1 − ε = 0" },
  { name: 'labelSmoothing 1 on a zero probability is +Infinity, not NaN', fn: 'categoricalCrossEntropy', targets: [2], predictions: [[0.5, 0.5, 0]], options: { labelSmoothing: 1 }, expected: INF, why: "t' = 1/3 each: ⅓ (−log 0) = ∞" },
  { name: 'small sigmoid labelSmoothing keeps its ε/2 in float32', fn: 'sigmoidCrossEntropy', targets: [1], predictions: [1e4], options: { labelSmoothing: 1e-7 }, expected: (1 - 1e-7 / 2) * Math.log1p(Math.exp(-1e4)) + (1e-7 / 2) * (1e4 + Math.log1p(Math.exp(-1e4))), why: "t' softplus(−x) + (ε/2) softplus(x) with softplus(1e4) = 1e4: ≈ 5e-4" },
  // the worked example, SPEC.md "The losses" and issue 3 (exact forms −ln q, −log2 q)
  { name: 'worked example: binaryCrossEntropy(1, 0.51)', fn: 'binaryCrossEntropy', targets: 1, predictions: 0.51, expected: -Math.log(0.51), why: '−ln 0.51 = 0.6733 nats' },
  { name: 'worked example: binaryCrossEntropy(1, 0.98)', fn: 'binaryCrossEntropy', targets: 1, predictions: 0.98, expected: -Math.log(0.98), why: '−ln 0.98 = 0.0202 nats' },
  { name: 'worked example in bits', fn: 'binaryCrossEntropy', targets: 1, predictions: 0.51, options: { base: 2 }, expected: -Math.log2(0.51), why: '−log2 0.51' },
  { name: 'worked example: sigmoid of logit ln(0.51/0.49)', fn: 'sigmoidCrossEntropy', targets: 1, predictions: Math.log(0.51 / 0.49), expected: -Math.log(0.51), why: 'σ(ln(0.51/0.49)) = 0.51' },
  { name: 'worked example: categorical [1, 0] vs [0.51, 0.49]', fn: 'categoricalCrossEntropy', targets: [1, 0], predictions: [0.51, 0.49], expected: -Math.log(0.51), why: '−ln 0.51' },
  { name: 'worked example: softmax of logits ln 0.51, ln 0.49', fn: 'softmaxCrossEntropy', targets: 0, predictions: [Math.log(0.51), Math.log(0.49)], expected: -Math.log(0.51), why: 'softmax gives [0.51, 0.49]' },
  // shapes of results and absent options
  { name: "'none' on rank-1 multi-class input is a number", fn: 'softmaxCrossEntropy', targets: 1, predictions: [0, 0], options: NONE, expected: Math.LN2, why: 'one sample: ln 2' },
  { name: 'an option given as undefined is absent', fn: 'binaryCrossEntropy', targets: [1], predictions: [0.5], options: { weights: undefined, reduction: undefined, epsilon: undefined }, expected: Math.LN2, why: '−log 0.5' },
];
