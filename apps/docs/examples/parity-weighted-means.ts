import { softmaxCrossEntropy } from '@xent/arrays';

// Per-sample weights on three X-rays. The same words, "weighted mean", give two different numbers.
const labels = [0, 1, 2];
const logits = [
  [8, 1, 1],
  [0, 9, 1],
  [2, 3, 5],
];
const weights = [1.2, 3.4, 5.6];

// xent's 'mean' is a true weighted mean: Σ w l / Σ w (PyTorch's rule for class weights).
console.log(softmaxCrossEntropy(labels, logits, { weights })); // → 0.093616 (0.954884 / 10.2)
// Keras' sum_over_batch_size divides Σ w l by the number of samples; so does PyTorch's (loss * w).mean().
console.log(softmaxCrossEntropy(labels, logits, { weights, reduction: 'sumOverCount' })); // → 0.318295 [KERAS-13]
