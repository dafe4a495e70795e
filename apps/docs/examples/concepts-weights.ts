import { sigmoidCrossEntropy, softmaxCrossEntropy } from '@xent/arrays';

// Class weights: the true classes are 2 and 0, with weights 6 and 2; 'mean' divides by 6 + 2 (PyTorch's rule).
const classWeights = [2, 4, 6];
const logits = [
  [1, 0, -1],
  [0, 2, 0.5],
];
console.log(softmaxCrossEntropy([2, 0], logits, { classWeights })); // → 2.382293 [C02]

// posWeight multiplies the positive term only: at logit 0 (q = 50 %) a positive costs 3 · ln 2 instead of ln 2.
console.log(sigmoidCrossEntropy(1, 0, { posWeight: 3 })); // → 2.0794 (3 ln 2)
console.log(sigmoidCrossEntropy(0, 0, { posWeight: 3 })); // → 0.6931 (ln 2: negatives are not weighted)
