import { binaryCrossEntropy, categoricalCrossEntropy, XentError } from '@xent/arrays';

// PyTorch's BCELoss clamps the log at −100, so 1e-50 for a true positive costs 100; xent gives the true value.
console.log(binaryCrossEntropy(1, 1e-50)); // → 115.129255 (−ln 1e-50; handed case C13)

// Keras clips probabilities to [1e-7, 1 − 1e-7]; xent clips only when asked, with `epsilon`.
console.log(categoricalCrossEntropy(2, [0.7, 0.299999999999, 1e-12])); // → 27.631021 (−ln 1e-12)
console.log(categoricalCrossEntropy(2, [0.7, 0.299999999999, 1e-12], { epsilon: 1e-7 })); // → 16.118096 [peer:keras-clip-1e-7]

// Keras renormalises rows that do not sum to 1; xent refuses them.
try {
  categoricalCrossEntropy(
    [0, 1, 2],
    [
      [0.9, 0.05, 0.05],
      [0.5, 0.89, 0.6],
      [0.05, 0.01, 0.94],
    ],
  );
} catch (error) {
  if (error instanceof XentError) console.log(error.code); // → 'INVALID_PROBABILITY' [KERAS-07]
}
