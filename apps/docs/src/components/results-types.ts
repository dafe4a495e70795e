/** The shape of examples/pneumonia/results/results.json, written by the PneumoniaMNIST training example. */
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

export type GeneratedResults =
  | { available: true; source: string; results: PneumoniaResults }
  | { available: false; source: string };
