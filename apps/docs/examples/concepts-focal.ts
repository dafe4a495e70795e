import { binaryCrossEntropy, binaryFocalLoss } from '@xent/arrays';

// An easy case (pneumonia predicted at 90 %) and a hard one (10 %), both with pneumonia.
console.log(binaryCrossEntropy(1, 0.9)); // → 0.105361 (−ln 0.9)
console.log(binaryFocalLoss(1, 0.9, { gamma: 2 })); // → 0.001054 ((1 − 0.9)² · −ln 0.9: the easy case almost vanishes)
console.log(binaryFocalLoss(1, 0.1, { gamma: 2 })); // → 1.865094 ((1 − 0.1)² · −ln 0.1: the hard case keeps 81 %)
console.log(binaryFocalLoss(1, 0.9, { gamma: 0 })); // → 0.105361 (γ = 0 is the cross-entropy)
