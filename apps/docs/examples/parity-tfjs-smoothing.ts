import { softmaxCrossEntropy, XentError } from '@xent/arrays';

// One image, two positions, three classes: shape [1, 2, 3]. shape[1] is 2 here, not the class count.
const onehot = [
  [
    [1, 0, 0],
    [0, 0, 1],
  ],
];
const logits = [
  [
    [2, 0.5, -1],
    [0, 1, 0],
  ],
];
// xent smooths towards 1 / C with C = 3, the size of the class axis.
console.log(softmaxCrossEntropy(onehot, logits, { labelSmoothing: 0.3 })); // → 1.071378 [C08]

// tf.losses.softmaxCrossEntropy smooths with ε / shape[1] = 0.3 / 2: its targets then sum to 1.15,
// which xent refuses as a distribution.
const tfjsTargets = onehot.map((image) => image.map((row) => row.map((t) => t * 0.7 + 0.3 / 2)));
try {
  softmaxCrossEntropy(tfjsTargets, logits);
} catch (error) {
  if (error instanceof XentError) console.log(error.code); // → 'INVALID_PROBABILITY'
}
