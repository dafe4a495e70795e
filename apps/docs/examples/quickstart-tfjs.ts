import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { sigmoidCrossEntropy } from '@xent/tfjs';

await tf.setBackend('cpu');
// Three findings on one X-ray (present, absent, present) and the model's logits for each.
const targets = tf.tensor2d([[1, 0, 1]]);
const logits = tf.tensor2d([[2, -1, -0.5]]);
const loss = sigmoidCrossEntropy(targets, logits); // a scalar tf.Tensor, differentiable
console.log(loss.dataSync()[0]); // → 0.47142 (mean of softplus(−2), softplus(−1), softplus(0.5); float32)
tf.dispose([targets, logits, loss]);
