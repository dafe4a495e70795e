/**
 * The shape of results.json, as the docs site reads it. This mirrors
 * apps/docs/src/components/results-types.ts field for field; test/results.test-d.ts fails to type-check
 * if the two drift apart in either direction.
 *
 * Units: cross-entropies in nats (`…Bits` in bits), per image, without the class weight (the plain
 * binary cross-entropy of the label against σ(logit)); `index` is the position in the official test split.
 * `reliability` lists the non-empty bins of ten equal-width bins of the predicted probability.
 */
export interface Reliability {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  fractionPositive: number;
}

export interface CalibrationSide {
  crossEntropy: number;
  ece: number;
  brier: number;
  reliability: Reliability[];
}

export interface PneumoniaResults {
  meta: {
    command: string;
    seed: number;
    backend: string;
    epochs: number;
    bestEpoch: number;
    trainSeconds: number;
    date: string;
    node: string;
    tfjs: string;
    posWeight: number;
    model: { params: number; description: string };
    dataset: { name: string; sha256: string; train: number; val: number; test: number };
  };
  epochs: Array<{
    epoch: number;
    trainLoss: number;
    trainLossBits: number;
    valLoss: number;
    valLossBits: number;
    valAuroc: number;
    valAccuracy: number;
    seconds: number;
  }>;
  test: {
    crossEntropy: number;
    crossEntropyBits: number;
    accuracy: number;
    sensitivity: number;
    specificity: number;
    auroc: number;
    ece: number;
    brier: number;
    n: number;
    positives: number;
    negatives: number;
  };
  calibration: { temperature: number; before: CalibrationSide; after: CalibrationSide };
  workedExample: Array<{
    target: number;
    index: number;
    label: number;
    probability: number;
    crossEntropy: number;
    crossEntropyBits: number;
  }>;
  confidentMistakes: Array<{ index: number; label: number; probability: number; crossEntropy: number }>;
  testCases: { labels: number[]; probabilities: number[]; crossEntropy: number[] };
}
