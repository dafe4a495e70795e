import {
  auroc,
  brier,
  calibration,
  caseCrossEntropy,
  fitTemperature,
  mean,
  meanCrossEntropy,
  round,
  sigmoid,
  thresholdMetrics,
} from './metrics.js';
import type { CalibrationSide, PneumoniaResults } from './results.js';

const LN2 = Math.LN2;

/** Predicted probabilities of the worked example: a borderline call and a confident one. */
export const WORKED_TARGETS = [0.51, 0.98] as const;

/** How many of the most confident mistakes results.json lists. */
export const MISTAKES_LISTED = 10;

/** The figures of results.json computed from the model's logits on the test split (and validation). */
export type Evaluation = Pick<
  PneumoniaResults,
  'test' | 'calibration' | 'workedExample' | 'confidentMistakes' | 'testCases'
>;

function side(labels: Uint8Array, logits: Float64Array, temperature: number): CalibrationSide {
  const probs = Array.from(logits, (z) => sigmoid(z / temperature));
  const { ece, reliability } = calibration(labels, probs);
  return {
    crossEntropy: round(meanCrossEntropy(labels, logits, temperature)),
    ece: round(ece),
    brier: round(brier(labels, probs)),
    // Empty bins have no mean; results.json lists the others (each carries its bounds).
    reliability: reliability.flatMap((b) =>
      b.meanPredicted === null || b.fractionPositive === null
        ? []
        : [
            {
              lower: round(b.lower),
              upper: round(b.upper),
              count: b.count,
              meanPredicted: round(b.meanPredicted),
              fractionPositive: round(b.fractionPositive),
            },
          ],
    ),
  };
}

/**
 * Every test-split figure: mean cross-entropy (nats and bits, unweighted), accuracy, sensitivity and
 * specificity at p ≥ 0.5, AUROC, ECE over 10 bins and Brier score; temperature scaling fitted on the
 * validation logits and the test figures before and after it; the worked example (the test images of
 * true pneumonia whose probability is nearest 0.51 and 0.98); the most confident mistakes (wrong at 0.5,
 * largest cross-entropy first); and every test case's label, probability and cross-entropy.
 */
export function evaluate(
  labels: Uint8Array,
  logits: Float64Array,
  valLabels: Uint8Array,
  valLogits: Float64Array,
): Evaluation {
  const n = labels.length;
  const probs = Array.from(logits, sigmoid);
  const ce = Array.from(logits, (z, i) => caseCrossEntropy(labels[i] as number, z));
  const crossEntropy = mean(ce);
  const rates = thresholdMetrics(labels, probs);
  let positives = 0;
  for (const y of labels) positives += y;

  const temperature = fitTemperature(valLabels, valLogits);
  const before = side(labels, logits, 1);
  const after = side(labels, logits, temperature);

  const workedExample = WORKED_TARGETS.map((target) => {
    let at = -1;
    for (let i = 0; i < n; i++) {
      if (labels[i] !== 1) continue;
      if (at < 0 || Math.abs((probs[i] as number) - target) < Math.abs((probs[at] as number) - target))
        at = i;
    }
    const c = ce[at] as number;
    return {
      target,
      index: at,
      label: 1,
      probability: round(probs[at] as number),
      crossEntropy: round(c),
      crossEntropyBits: round(c / LN2),
    };
  }).filter((w) => w.index >= 0);

  const confidentMistakes = Array.from({ length: n }, (_, i) => i)
    .filter((i) => ((probs[i] as number) >= 0.5 ? 1 : 0) !== labels[i])
    .sort((a, b) => (ce[b] as number) - (ce[a] as number))
    .slice(0, MISTAKES_LISTED)
    .map((i) => ({
      index: i,
      label: labels[i] as number,
      probability: round(probs[i] as number),
      crossEntropy: round(ce[i] as number),
    }));

  return {
    test: {
      crossEntropy: round(crossEntropy),
      crossEntropyBits: round(crossEntropy / LN2),
      accuracy: round(rates.accuracy),
      sensitivity: round(rates.sensitivity),
      specificity: round(rates.specificity),
      auroc: round(auroc(labels, probs)),
      ece: before.ece,
      brier: before.brier,
      n,
      positives,
      negatives: n - positives,
    },
    calibration: { temperature: round(temperature), before, after },
    workedExample,
    confidentMistakes,
    testCases: {
      labels: Array.from(labels),
      // Ten digits, so that the cross-entropy recomputed from a probability near 1 keeps its digits.
      probabilities: probs.map((p) => round(p, 10)),
      crossEntropy: ce.map((c) => round(c)),
    },
  };
}
