import * as tf from '@tensorflow/tfjs-core';
import { sigmoidCrossEntropy } from '@xent/tfjs';
import { batchTensor, pixelStats, predictLogits, randomShifts, subset } from './batches.js';
import { countPositives, type PneumoniaMnist } from './data.js';
import { evaluate } from './evaluate.js';
import { auroc, caseCrossEntropy, mean, meanCrossEntropy, sigmoid, thresholdMetrics } from './metrics.js';
import { buildModel, MODEL_DESCRIPTION } from './model.js';
import { mulberry32, permutation } from './random.js';

const LN2 = Math.LN2;

/** Options of one training run. */
export interface TrainOptions {
  data: PneumoniaMnist;
  epochs: number;
  seed: number;
  batchSize?: number;
  /** Peak learning rate of Adam; it follows a half cosine from here to 0 over all steps. */
  learningRate?: number;
  /** Augmentation: each training image is shifted by up to ±maxShift pixels per axis (default 2; 0 = none). */
  maxShift?: number;
  /** Use only the first `trainLimit` training images (for quick checks). */
  trainLimit?: number;
  onBatch?: (p: BatchProgress) => void;
  onEpoch?: (e: EpochRecord) => void;
}

export interface BatchProgress {
  epoch: number;
  epochs: number;
  done: number;
  total: number;
  imagesPerSecond: number;
  etaSeconds: number;
}

export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  trainLossBits: number;
  trainWeightedLoss: number;
  valLoss: number;
  valLossBits: number;
  valWeightedLoss: number;
  valAuroc: number;
  valAccuracy: number;
  learningRate: number;
  seconds: number;
}

function weightedCrossEntropy(labels: Uint8Array, logits: Float64Array, posWeight: number): number {
  return mean(
    Array.from(logits, (z, i) =>
      labels[i] === 1 ? posWeight * caseCrossEntropy(1, z) : caseCrossEntropy(0, z),
    ),
  );
}

/**
 * Trains the model with Adam (cosine learning-rate decay, one step per batch) on @xent/tfjs's
 * class-weighted sigmoid cross-entropy, keeps the weights of the epoch with the lowest validation
 * class-weighted cross-entropy, and evaluates them on the test split.
 */
export async function train(options: TrainOptions) {
  const { data, epochs, seed } = options;
  const batchSize = options.batchSize ?? 64;
  const peakLr = options.learningRate ?? 3e-3;
  const maxShift = options.maxShift ?? 2;
  const trainSplit = subset(data.train, options.trainLimit ?? data.train.n);
  const positives = countPositives(trainSplit);
  const negatives = trainSplit.n - positives;
  const posWeight = negatives / positives;
  const { mu, sigma } = pixelStats(trainSplit);

  const model = buildModel(seed);
  const optimizer = tf.train.adam(peakLr);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const random = mulberry32(seed);
  const stepsPerEpoch = Math.ceil(trainSplit.n / batchSize);
  const totalSteps = stepsPerEpoch * epochs;
  const history: EpochRecord[] = [];
  let best: { epoch: number; score: number; weights: tf.Tensor[] } | null = null;
  let step = 0;
  const started = performance.now();

  for (let epoch = 1; epoch <= epochs; epoch++) {
    const epochStart = performance.now();
    const order = permutation(trainSplit.n, random);
    const plain: number[] = [];
    let weightedSum = 0;
    let lr = peakLr;
    for (let from = 0; from < trainSplit.n; from += batchSize) {
      const to = Math.min(trainSplit.n, from + batchSize);
      lr = 0.5 * peakLr * (1 + Math.cos((Math.PI * step) / totalSteps));
      (optimizer as unknown as { learningRate: number }).learningRate = lr;
      const yArr = new Float32Array(to - from);
      for (let k = 0; k < yArr.length; k++) yArr[k] = trainSplit.labels[order[from + k] as number] as number;
      let batchLogits: Float32Array | undefined;
      const value = tf.tidy(() => {
        const shift = maxShift > 0 ? randomShifts(to - from, maxShift, random) : undefined;
        const x = batchTensor(trainSplit, order, from, to, mu, sigma, shift);
        const y = tf.tensor1d(yArr);
        const loss = optimizer.minimize(
          () => {
            const z = tf.reshape(model.apply(x, { training: true }) as tf.Tensor, [-1]) as tf.Tensor1D;
            batchLogits = z.dataSync() as Float32Array;
            // Class-weighted binary cross-entropy from logits: posWeight scales the pneumonia term.
            return sigmoidCrossEntropy(y, z, { posWeight }) as tf.Scalar;
          },
          true,
          variables,
        );
        return (loss as tf.Scalar).dataSync()[0] as number;
      });
      weightedSum += value * yArr.length;
      if (batchLogits !== undefined) {
        for (let k = 0; k < yArr.length; k++)
          plain.push(caseCrossEntropy(yArr[k] as number, batchLogits[k] as number));
      }
      step++;
      const seconds = (performance.now() - epochStart) / 1000;
      const rate = to / seconds;
      options.onBatch?.({
        epoch,
        epochs,
        done: to,
        total: trainSplit.n,
        imagesPerSecond: rate,
        etaSeconds: (trainSplit.n - to) / rate,
      });
    }
    const valLogits = predictLogits(model, data.val, mu, sigma);
    const valProbs = Array.from(valLogits, sigmoid);
    const trainLoss = mean(plain);
    const valLoss = meanCrossEntropy(data.val.labels, valLogits);
    const record: EpochRecord = {
      epoch,
      trainLoss,
      trainLossBits: trainLoss / LN2,
      trainWeightedLoss: weightedSum / trainSplit.n,
      valLoss,
      valLossBits: valLoss / LN2,
      valWeightedLoss: weightedCrossEntropy(data.val.labels, valLogits, posWeight),
      valAuroc: auroc(data.val.labels, valProbs),
      valAccuracy: thresholdMetrics(data.val.labels, valProbs).accuracy,
      learningRate: lr,
      seconds: (performance.now() - epochStart) / 1000,
    };
    history.push(record);
    options.onEpoch?.(record);
    const score = record.valWeightedLoss;
    if (best === null || score < best.score) {
      for (const t of best?.weights ?? []) t.dispose();
      best = { epoch, score, weights: model.getWeights().map((w) => w.clone()) };
    }
  }
  const trainSeconds = (performance.now() - started) / 1000;
  if (best !== null) {
    model.setWeights(best.weights);
    for (const t of best.weights) t.dispose();
  }
  optimizer.dispose();

  const testLogits = predictLogits(model, data.test, mu, sigma);
  const valLogits = predictLogits(model, data.val, mu, sigma);
  const params = model.countParams();
  model.dispose();
  return {
    evaluation: evaluate(data.test.labels, testLogits, data.val.labels, valLogits),
    history,
    bestEpoch: best?.epoch ?? 0,
    trainSeconds,
    posWeight,
    params,
    description: MODEL_DESCRIPTION,
    trainCount: trainSplit.n,
  };
}
