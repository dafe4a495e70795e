/**
 * Evaluation metrics over per-case logits, all in float64. Probabilities are p = σ(z); the per-case
 * cross-entropy is the plain binary one (no class weight), computed from the logit as
 * softplus(−z) for a positive and softplus(z) for a negative, softplus(u) = max(u, 0) + log1p(e^{−|u|}),
 * which neither overflows nor loses the small losses of confident correct predictions.
 */

/** softplus(u) = log(1 + e^u) without overflow or cancellation. */
export function softplus(u: number): number {
  return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
}

/** σ(z) = 1 / (1 + e^{−z}), evaluated on the side that does not overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Binary cross-entropy in nats of label y ∈ {0, 1} against logit z. */
export function caseCrossEntropy(y: number, z: number): number {
  return y === 1 ? softplus(-z) : softplus(z);
}

/** Neumaier-compensated mean. */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return xs.length === 0 ? Number.NaN : (s + c) / xs.length;
}

/**
 * Area under the ROC curve as the Mann–Whitney statistic: the probability that a random positive scores
 * above a random negative, ties counting one half (average ranks over tied scores).
 */
export function auroc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Confusion-matrix rates at a threshold: predicted positive when p ≥ threshold. */
export function thresholdMetrics(labels: ArrayLike<number>, probs: ArrayLike<number>, threshold = 0.5) {
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const pos = (probs[i] as number) >= threshold;
    if (labels[i] === 1) pos ? tp++ : fn++;
    else pos ? fp++ : tn++;
  }
  return {
    accuracy: (tp + tn) / labels.length,
    sensitivity: tp / (tp + fn),
    specificity: tn / (tn + fp),
  };
}

/** Mean squared error of the predicted probability against the 0/1 label. */
export function brier(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  const sq = Array.from(
    { length: labels.length },
    (_, i) => ((probs[i] as number) - (labels[i] as number)) ** 2,
  );
  return mean(sq);
}

/** One bin of a reliability diagram. */
export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number | null;
  fractionPositive: number | null;
}

/**
 * Reliability diagram over `bins` equal-width bins of the predicted probability of pneumonia
 * ([k/B, (k+1)/B), the last bin closed at 1), and the expected calibration error
 * ECE = Σ_k (n_k / n) |mean p_k − fraction positive_k|. Empty bins report `null` and add nothing.
 */
export function calibration(labels: ArrayLike<number>, probs: ArrayLike<number>, bins = 10) {
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const p = probs[i] as number;
    const k = Math.min(bins - 1, Math.floor(p * bins));
    count[k] = (count[k] as number) + 1;
    sumP[k] = (sumP[k] as number) + p;
    sumY[k] = (sumY[k] as number) + (labels[i] as number);
  }
  let ece = 0;
  const reliability: ReliabilityBin[] = [];
  for (let k = 0; k < bins; k++) {
    const c = count[k] as number;
    const mp = c > 0 ? (sumP[k] as number) / c : null;
    const fp = c > 0 ? (sumY[k] as number) / c : null;
    if (mp !== null && fp !== null) ece += (c / labels.length) * Math.abs(mp - fp);
    reliability.push({
      lower: k / bins,
      upper: (k + 1) / bins,
      count: c,
      meanPredicted: mp,
      fractionPositive: fp,
    });
  }
  return { ece, reliability };
}

/** Mean plain cross-entropy (nats) of labels against logits divided by a temperature T. */
export function meanCrossEntropy(
  labels: ArrayLike<number>,
  logits: ArrayLike<number>,
  temperature = 1,
): number {
  return mean(
    Array.from({ length: labels.length }, (_, i) =>
      caseCrossEntropy(labels[i] as number, (logits[i] as number) / temperature),
    ),
  );
}

/**
 * Temperature scaling (Guo et al., 2017): the T > 0 minimising the mean cross-entropy of
 * σ(z / T) on held-out cases. The loss is convex in β = 1/T, so Newton's method on β from β = 1, with
 * step halving, converges in a few iterations; β is kept in [1e-3, 1e3].
 */
export function fitTemperature(labels: ArrayLike<number>, logits: ArrayLike<number>): number {
  const n = labels.length;
  let beta = 1;
  const loss = (b: number) => meanCrossEntropy(labels, logits, 1 / b);
  for (let iter = 0; iter < 100; iter++) {
    let g = 0;
    let hss = 0;
    for (let i = 0; i < n; i++) {
      const z = logits[i] as number;
      const p = sigmoid(beta * z);
      g += (p - (labels[i] as number)) * z;
      hss += p * (1 - p) * z * z;
    }
    g /= n;
    hss /= n;
    if (hss <= 0) break;
    let step = g / hss;
    const before = loss(beta);
    let next = Math.min(1e3, Math.max(1e-3, beta - step));
    while (loss(next) > before && Math.abs(step) > 1e-12) {
      step /= 2;
      next = Math.min(1e3, Math.max(1e-3, beta - step));
    }
    if (Math.abs(next - beta) <= 1e-12 * beta) {
      beta = next;
      break;
    }
    beta = next;
  }
  return 1 / beta;
}

/** Rounds to `digits` significant digits (to keep results.json small). */
export function round(x: number, digits = 6): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}
