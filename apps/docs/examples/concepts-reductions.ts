import { softmaxCrossEntropy } from '@xent/arrays';

// Three X-rays, true classes 0, 1, 2, the model's logits, and a sample weight per X-ray.
const labels = [0, 1, 2];
const logits = [
  [8, 1, 1],
  [0, 9, 1],
  [2, 3, 5],
];
const weights = [1.2, 3.4, 5.6];

console.log(softmaxCrossEntropy(labels, logits, { reduction: 'none' })); // → [0.001822, 0.000459, 0.169846] (ln(Σ e^z) − z_y per X-ray)
console.log(softmaxCrossEntropy(labels, logits, { weights, reduction: 'sum' })); // → 0.954884 (Σ w l)
console.log(softmaxCrossEntropy(labels, logits, { weights })); // → 0.093616 (mean: Σ w l / Σ w = 0.954884 / 10.2)
console.log(softmaxCrossEntropy(labels, logits, { weights, reduction: 'sumOverCount' })); // → 0.318295 [KERAS-13] (Σ w l / 3, Keras)
console.log(softmaxCrossEntropy(labels, logits, { weights, reduction: 'sumOverNonzeroWeights' })); // → 0.318295 (Σ w l / #(w ≠ 0), TF.js)
