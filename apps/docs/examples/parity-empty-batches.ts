import { softmaxCrossEntropy, XentError } from '@xent/arrays';

// Every X-ray in this batch is unlabelled (−100), so a mean has nothing to divide by.
const labels = [-100, -100];
const logits = [
  [1, 2, 3],
  [0.5, 0.5, 0],
];
console.log(softmaxCrossEntropy(labels, logits, { ignoreIndex: -100 })); // → 0 (onEmpty: 'zero', the default, as Keras)
console.log(softmaxCrossEntropy(labels, logits, { ignoreIndex: -100, onEmpty: 'nan' })); // → NaN [C04] (PyTorch)
try {
  softmaxCrossEntropy(labels, logits, { ignoreIndex: -100, onEmpty: 'throw' });
} catch (error) {
  if (error instanceof XentError) console.log(error.code); // → 'EMPTY_INPUT'
}
