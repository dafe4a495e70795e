import { binaryCrossEntropy, softmaxCrossEntropy } from '@xent/arrays';

// An X-ray that shows pneumonia (target 1); the model says 51 % pneumonia.
console.log(binaryCrossEntropy(1, 0.51)); // → 0.6733 (−ln 0.51 nats)
console.log(binaryCrossEntropy(1, 0.51, { base: 2 })); // → 0.9714 (−log₂ 0.51 bits)

// Several X-rays at once: the mean over them (targets first, predictions second).
console.log(binaryCrossEntropy([1, 1, 0], [0.51, 0.98, 0.1])); // → 0.2663 ((−ln 0.51 − ln 0.98 − ln 0.9) / 3)

// One of three findings (normal, pneumonia, malignancy) from the model's scores (logits); the truth is pneumonia.
console.log(softmaxCrossEntropy(1, [0.5, 2.0, -1.0])); // → 0.2413 (ln(e^0.5 + e^2 + e^−1) − 2)
