import { softmaxCrossEntropy } from '@xent/arrays';

const labels = [2, 0];
const logits = [
  [1, 0, -1],
  [0, 2, 0.5],
];
const classWeights = [2, 4, 6];

// PyTorch's rule (and xent's): every smoothed class term carries its own class weight, Σ_c cw_c t'_c (−log q_c),
// divided by the sum of the true classes' weights (6 + 2).
console.log(softmaxCrossEntropy(labels, logits, { classWeights, labelSmoothing: 0.2 })); // → 2.218898 [peer:pytorch-smoothing-class-weights]

// Keras' class_weight is a sample weight cw[y] on the smoothed loss, and sum_over_batch_size divides by N.
const keras = softmaxCrossEntropy(labels, logits, {
  weights: labels.map((y) => classWeights[y] ?? 0),
  labelSmoothing: 0.2,
  reduction: 'sumOverCount',
});
console.log(keras); // → 8.762507 [peer:keras-smoothing-class-weights]
