import * as tf from '@tensorflow/tfjs-core';
import { computeLoss, type LossName } from '@xent/core';
import type { TensorInput } from '../types';
import { asFloat, toTensor } from './convert';
import { COLLECT, type LossSpec, PER_SAMPLE, TARGETS_GRADIENT, viewOf } from './options';
import { recording } from './recording';

/**
 * The path of the backends that keep tensor data in CPU memory: core's float64 kernels run on the tensors'
 * data, and the result goes back into the graph through `tf.customGrad`. On the cpu backend `dataSync()`
 * hands back the tensor's own JS typed array (no copy); on the wasm backend it copies out of the module's
 * heap (a memcpy, ~1 ns per element), which costs far less than the two dozen composite kernels it
 * replaces. One pass computes the value and, when a gradient is being recorded, ∂value/∂predictions; the
 * float64 result is rounded once to float32. Backends whose data lives on a GPU (webgl, webgpu) would pay
 * a synchronous read-back instead, so they run the composite form.
 *
 * The gradient with respect to distribution targets (which core's kernels do not produce) comes from a
 * second, zero-valued op over the targets whose gradient runs the composite form; TF.js prunes that op
 * from the backward pass unless the targets lie on the path from the differentiated inputs, so it costs
 * nothing in ordinary training.
 */

type Composite = (targets: TensorInput, predictions: TensorInput | null, options: unknown) => tf.Tensor;

/** The backends whose tensor data a synchronous `dataSync()` reads from CPU memory. */
const KERNEL_PATH_BACKENDS: ReadonlySet<string> = new Set(['cpu', 'wasm']);

/**
 * Whether the kernel path serves this call: the cpu or wasm backend, a loss with a gradient (not `entropy`), no
 * per-sample or meter mode, and clip bounds that core's float64 `[ε, 1 − ε]` and SPEC's float32 bounds agree
 * on (an ε whose bounds are not float32 numbers runs the composite form).
 */
export function kernelPathApplies(spec: LossSpec, options: unknown): boolean {
  if (spec.fn === 'entropy' || !KERNEL_PATH_BACKENDS.has(tf.getBackend())) return false;
  if (options === undefined) return true;
  if (typeof options !== 'object' || options === null) return true; // core reports it
  const o = options as Record<string | symbol, unknown>;
  if (o[PER_SAMPLE] === true || o[COLLECT] !== undefined || o[TARGETS_GRADIENT] !== undefined) return false;
  const eps = o.epsilon;
  return typeof eps !== 'number' || (Math.fround(eps) === eps && Math.fround(1 - eps) === 1 - eps);
}

/** The options as core reads them: tensor-valued options become `{ data, shape }` views. */
function coreOptions(fn: string, options: unknown): unknown {
  if (options === undefined || typeof options !== 'object' || options === null || Array.isArray(options)) {
    return options;
  }
  const out: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  for (const key of ['weights', 'classWeights', 'posWeight', 'alpha']) {
    if (out[key] !== undefined) out[key] = viewOf(fn, key, out[key]);
  }
  return out;
}

/**
 * Runs loss `spec.fn` through core's kernels. `composite` is the composite implementation of the same loss,
 * used only for the gradient with respect to distribution targets.
 */
export function kernelLoss(
  spec: LossSpec,
  targets: TensorInput,
  predictions: TensorInput,
  options: unknown,
  composite: Composite,
): tf.Tensor {
  const fn = spec.fn;
  return tf.tidy(() => {
    const kl = spec.family === 'kl';
    const x = asFloat(toTensor(fn, kl ? 'q (predictions)' : 'predictions', predictions));
    const t0 = toTensor(fn, kl ? 'p (targets)' : 'targets', targets);
    const t = t0.dtype === 'int32' || t0.dtype === 'float32' ? t0 : tf.cast(t0, 'float32');
    const opts = coreOptions(fn, options);
    const wantGrad = recording();
    const res = computeLoss(
      fn as LossName,
      { data: t.dataSync(), shape: t.shape },
      { data: x.dataSync(), shape: x.shape },
      opts,
      { grad: wantGrad },
    );
    const none = res.values !== null;
    const valueTensor = () =>
      none ? tf.tensor(Float32Array.from(res.values!), [...res.positionShape]) : tf.scalar(res.value);
    // 'none': an upstream gradient per position, broadcast along the class axis
    const rawAxis = (options as { axis?: number } | undefined)?.axis ?? -1;
    const toPredictions = (dy: tf.Tensor) => {
      if (!none || dy.rank === x.rank || dy.rank === 0) return dy;
      return tf.expandDims(dy, rawAxis < 0 ? rawAxis + x.rank : rawAxis);
    };
    const byPredictions = tf.customGrad((...args: unknown[]) => {
      const save = args[1] as (ts: tf.Tensor[]) => void;
      if (res.grad !== null) save([tf.tensor(Float32Array.from(res.grad), x.shape)]);
      return {
        value: valueTensor(),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.mul(toPredictions(dy), saved[0]!)],
      };
    });
    const value = byPredictions(x);
    // labels have no gradient; a distribution (float) target gets one through a zero-valued op
    const labels = t.dtype === 'int32' || (spec.family === 'softmax' && t.rank !== x.rank);
    if (labels || !(t0 instanceof tf.Tensor) || !wantGrad) return value;
    const byTargets = tf.customGrad((...args: unknown[]) => {
      const save = args[1] as (ts: tf.Tensor[]) => void;
      save([args[0] as tf.Tensor, x]);
      return {
        value: tf.zerosLike(value),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const [ts, xs] = saved as [tf.Tensor, tf.Tensor];
          return [composite(ts, xs, { ...(options as object), [TARGETS_GRADIENT]: dy })];
        },
      };
    });
    return tf.add(value, byTargets(t));
  });
}
