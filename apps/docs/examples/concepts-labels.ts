import { sigmoidCrossEntropy, softmaxCrossEntropy } from '@xent/arrays';

// ignoreIndex: the second X-ray has no label (−100); it counts in neither the sum nor the count.
const logits = [
  [2.0, 0.5, -1.0],
  [0.1, 0.2, 0.3],
  [-0.5, 1.5, 0.0],
];
console.log(softmaxCrossEntropy([0, -100, 1], logits, { ignoreIndex: -100, labelSmoothing: 0.2 })); // → 0.540500 [C01]

// ignoreValue: a finding reported as "uncertain" (−1) is left out of a multi-label loss.
console.log(sigmoidCrossEntropy([1, -1, 0], [2, 5, -1], { ignoreValue: -1 })); // → 0.220095 ((softplus(−2) + softplus(−1)) / 2)

// Label smoothing ε = 0.1 over C = 3 classes: the target becomes [0.0333, 0.9333, 0.0333].
console.log(softmaxCrossEntropy(1, [0.5, 2.0, -1.0], { labelSmoothing: 0.1 })); // → 0.391311 (−Σ t'_c log softmax(z)_c)
