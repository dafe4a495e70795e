import { categoricalCrossEntropy, entropy, klDivergence } from '@xent/arrays';

// A panel of radiologists splits 70 / 20 / 10 between normal, pneumonia and malignancy (p);
// the model says 50 / 30 / 20 (q).
const p = [0.7, 0.2, 0.1];
const q = [0.5, 0.3, 0.2];

console.log(categoricalCrossEntropy(p, q)); // → 0.8869 (H(p, q) = −Σ p log q, nats)
console.log(entropy(p)); // → 0.8018 (H(p) = −Σ p log p: the part no model can remove)
console.log(klDivergence(p, q)); // → 0.0851 (KL(p ‖ q) = H(p, q) − H(p): the part the model adds)
console.log(categoricalCrossEntropy(p, q, { base: 2 })); // → 1.2796 (the same cross-entropy in bits: nats / ln 2)
