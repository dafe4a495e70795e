import { binaryCrossEntropy, categoricalCrossEntropy, softmaxCrossEntropy } from '@xent/arrays';

// The textbook formula overflows: e^100000000 is Infinity in float64, and Infinity / Infinity is NaN.
const naive = -Math.log(Math.exp(1e8) / (Math.exp(1e8) + Math.exp(1e8)));
console.log(naive); // → NaN

// Through log-sum-exp the same logits are harmless (the loss depends only on their differences).
const logits = [
  [1e8, 1e8],
  [1e8, 1e8 + 8],
];
console.log(softmaxCrossEntropy([1, 0], logits, { reduction: 'none' })); // → [0.693147, 8.000335] [C05] (ln 2, 8 + ln(1 + e^−8))

// No clipping by default: a probability of 1e-12 for the true class costs −ln 1e-12.
console.log(categoricalCrossEntropy([2], [[0.7, 0.299999999999, 1e-12]], { reduction: 'none' })); // → [27.631021] [C11]
// Clipping at ε = 1e-7, as Keras does, caps that cost at −ln 1e-7 and hides how wrong the prediction was.
console.log(categoricalCrossEntropy([2], [[0.7, 0.299999999999, 1e-12]], { epsilon: 1e-7 })); // → 16.118096 (−ln 1e-7)
// A prediction of exactly 0 for a true positive is infinitely wrong, and says so.
console.log(binaryCrossEntropy(1, 0)); // → Infinity
