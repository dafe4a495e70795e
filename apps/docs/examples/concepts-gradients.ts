import { binaryCrossEntropy, LossMeter, softmaxCrossEntropy } from '@xent/arrays';

// The gradient of softmax cross-entropy with respect to the logits is softmax(z) − one-hot(y).
const { value, grad } = softmaxCrossEntropy.valueAndGrad(1, [0.5, 2.0, -1.0]);
console.log(value); // → 0.241311 (ln(e^0.5 + e^2 + e^−1) − 2)
console.log(grad); // → [0.175290, -0.214403, 0.039113] (softmax(z) − [0, 1, 0])

// For a probability q of a positive, d(−ln q)/dq = −1/q.
console.log(binaryCrossEntropy.valueAndGrad(1, 0.51).grad); // → -1.960784 (−1 / 0.51)

// Streaming: a meter per worker, merged, gives what one call over all the X-rays gives.
const a = new LossMeter(binaryCrossEntropy);
a.update([1, 1], [0.51, 0.98]);
const b = new LossMeter(binaryCrossEntropy);
b.update([0], [0.1]);
a.merge(LossMeter.fromJSON(JSON.parse(JSON.stringify(b.toJSON()))));
console.log(a.value); // → 0.266303 ((−ln 0.51 − ln 0.98 − ln 0.9) / 3)
console.log(binaryCrossEntropy([1, 1, 0], [0.51, 0.98, 0.1])); // → 0.266303 (the same, in one call)
