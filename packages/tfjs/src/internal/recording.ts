import * as tf from '@tensorflow/tfjs-core';

/**
 * True when a gradient tape is recording (inside `tf.grad`, `tf.variableGrads`, `model.fit`), so that a loss
 * should also produce what its gradient needs; outside one the forward pass computes the value alone. Reads
 * the engine's public `state`; if a future TF.js hides it, every call prepares its gradient (still correct).
 */
export function recording(): boolean {
  const state = (tf.engine() as unknown as { state?: { gradientDepth?: unknown } }).state;
  return typeof state?.gradientDepth === 'number' ? state.gradientDepth > 0 : true;
}
