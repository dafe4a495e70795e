import { softmaxCrossEntropy, XentError } from '@xent/arrays';

// Soft labels that sum to 1: the gradient with respect to the logits is softmax(z) − t.
const good = softmaxCrossEntropy.valueAndGrad([0.25, 0.75], [1, 2]);
console.log(good.value); // → 0.563262 (−0.25 ln q₁ − 0.75 ln q₂, q = softmax([1, 2]))
console.log(good.grad); // → [0.018941, -0.018941] (q − t)

// Labels that sum to 0.5 are not a distribution: xent refuses them (TF.js computes a loss and a gradient).
try {
  softmaxCrossEntropy([0.2, 0.3], [1, 2]);
} catch (error) {
  if (error instanceof XentError) console.log(error.code); // → 'INVALID_PROBABILITY' [C07]
}

// With the check turned off, xent differentiates the formula as written: q · Σt − t.
// TF.js returns q − t here, the gradient only of targets that sum to 1.
const raw = softmaxCrossEntropy.valueAndGrad([0.2, 0.3], [1, 2], { validate: false });
console.log(raw.grad); // → [-0.065529, 0.065529] [peer:true-soft-label-gradient]
