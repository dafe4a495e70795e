import * as tf from '@tensorflow/tfjs-core';
import { fail } from './errors';
import { sumAll, sumLast } from './math';
import type { Resolved } from './options';
import { recording } from './recording';

/**
 * One shared weighted reduction with an analytic gradient, used by every loss.
 *
 * A loss supplies `denominators` (computed before the differentiable part, from targets, weights and ignored
 * positions only) and `compute`, which returns per-position numerators a_n and the element-wise derivatives
 * ∂a_n/∂predictions (and ∂a_n/∂targets, ∂w_n/∂targets for soft targets). The value is the reduction of a_n; the
 * gradient is the upstream gradient times the reduction's factor times those derivatives — one pass, no
 * autodiff through log/exp, so it is finite wherever the value is.
 */

export interface Denominators {
  /** w_n per position (the weighted mean's weights; 0 where ignored), or null: w_n = 1 for every position */
  readonly weight: tf.Tensor | null;
  /** 1 where a position is counted (not ignored), or null: every position counts */
  readonly counted: tf.Tensor | null;
  /** number of positions */
  readonly positions: number;
}

export interface Pieces {
  /** a_n, shaped like the positions */
  readonly a: tf.Tensor;
  /** ∂a_n/∂predictions, shaped like predictions */
  readonly gradPredictions: tf.Tensor | null;
  /** ∂a_n/∂targets, shaped like targets, when targets are an input */
  readonly gradTargets?: tf.Tensor | undefined;
  /** ∂w_n/∂targets (only where w_n depends on the targets: class weights with soft targets) */
  readonly gradWeightTargets?: tf.Tensor | undefined;
}

/** Σ over every position, or per sample (over all axes but the first) for `layersLoss`. */
function total(r: Resolved, t: tf.Tensor): tf.Tensor {
  if (!r.perSample) return sumAll(t);
  return sumLast(tf.reshape(t, [t.shape[0]!, -1]));
}

/** The denominator of the scalar reduction as a float32 tensor (null for 'sum'); [N] per sample. */
function denominator(r: Resolved, d: Denominators, samples: number): tf.Tensor | null {
  const all = () =>
    d.counted !== null
      ? total(r, d.counted)
      : r.perSample
        ? tf.fill([samples], d.positions / samples)
        : tf.scalar(d.positions);
  switch (r.reduction) {
    case 'mean':
      return d.weight !== null ? total(r, d.weight) : all();
    case 'sumOverCount':
      return all();
    case 'sumOverNonzeroWeights':
      return d.weight !== null ? total(r, tf.cast(tf.notEqual(d.weight, 0), 'float32')) : all();
    default:
      return null;
  }
}

/**
 * Runs the loss. `inputs` are the differentiable tensors: [predictions] or [targets, predictions].
 * `expand` turns a tensor shaped like the positions into one that broadcasts against predictions
 * (inserting the class axis for the softmax family).
 */
export function runLoss(
  r: Resolved,
  d: Denominators,
  inputs: tf.Tensor[],
  compute: (inputs: tf.Tensor[], wantGrad: boolean) => Pieces,
  expand: (positions: tf.Tensor) => tf.Tensor,
  positionShape: readonly number[],
): tf.Tensor {
  const samples = r.perSample ? (positionShape[0] ?? 0) : 1;
  if (r.perSample && positionShape.length === 0) {
    fail(
      'SHAPE_MISMATCH',
      r.fn,
      'predictions',
      'batched (a sample axis 0 besides the class axis)',
      'a single unbatched sample',
    );
  }
  const den = denominator(r, d, samples);
  if (den !== null && r.onEmpty === 'throw' && den.dataSync().some((v) => v === 0)) {
    fail(
      'EMPTY_INPUT',
      r.fn,
      'targets',
      `at least one counted position for reduction '${r.reduction}'`,
      'none (empty input, all ignored or all weights 0)',
    );
  }
  if (r.collect !== null) {
    const p = compute(inputs, false);
    r.collect({
      a: p.a.dataSync(),
      weight: d.weight === null ? null : d.weight.dataSync(),
      counted: d.counted === null ? null : d.counted.dataSync(),
    });
  }
  const invLnBase = r.base === Math.E ? null : 1 / Math.log(r.base);
  const scale = (t: tf.Tensor) => (invLnBase === null ? t : tf.mul(t, invLnBase));
  const withTargets = inputs.length === 2;
  // per-sample values [N] broadcast against positions [N, ...]
  const toPositions = (t: tf.Tensor) =>
    r.perSample && r.reduction !== 'none'
      ? tf.reshape(t, [samples, ...positionShape.slice(1).map(() => 1)])
      : t;
  // the value, the reduction's factor d value / d a_n (a scalar except for 'none'), and the derivatives
  const forward = (ins: tf.Tensor[], wantGrad: boolean) => {
    const p = compute(ins, wantGrad);
    let value: tf.Tensor;
    let factor: tf.Tensor;
    if (r.reduction === 'none') {
      value = scale(p.a);
      factor = scale(tf.onesLike(p.a));
    } else {
      const sum = total(r, p.a);
      if (den === null) {
        value = scale(sum);
        factor = scale(tf.onesLike(sum));
      } else {
        const empty = tf.equal(den, 0);
        const mean = tf.div(sum, den);
        const inv = tf.div(1, den);
        if (r.onEmpty === 'nan') {
          // 0/0 is not NaN on every backend (wasm gives Infinity): NaN is written where the denominator is 0
          value = scale(tf.where(empty, tf.fill(mean.shape, Number.NaN), mean));
          factor = scale(inv);
        } else {
          value = scale(tf.where(empty, tf.zerosLike(mean), mean));
          factor = scale(tf.where(empty, tf.zerosLike(inv), inv));
        }
      }
    }
    let gt: tf.Tensor | null = null;
    if (withTargets && wantGrad) {
      gt = p.gradTargets ?? tf.zerosLike(ins[0]!);
      if (p.gradWeightTargets !== undefined && r.reduction === 'mean') {
        // value = A / W with W depending on the targets: ∂value/∂t = (∂A/∂t − value · ∂W/∂t) / W.
        const meanNats = invLnBase === null ? value : tf.div(value, invLnBase);
        gt = tf.sub(gt, tf.mul(expand(toPositions(meanNats)), p.gradWeightTargets));
      }
    }
    return { value, factor, gp: p.gradPredictions, gt };
  };
  const upstreamOf = (dy: tf.Tensor, f: tf.Tensor) => expand(toPositions(tf.mul(dy, f)));
  if (r.targetsGradient !== null) {
    // ∂(Σ dy · value)/∂targets alone (the kernel path's gradient with respect to distribution targets)
    const f = forward(inputs, true);
    return tf.mul(upstreamOf(r.targetsGradient, f.factor), f.gt ?? tf.zerosLike(inputs[0]!));
  }
  const op = tf.customGrad((...args: unknown[]) => {
    const save = args[args.length - 1] as (t: tf.Tensor[]) => void;
    const wantGrad = recording();
    const f = forward(args.slice(0, -1) as tf.Tensor[], wantGrad);
    if (wantGrad) save(f.gt === null ? [f.factor, f.gp!] : [f.factor, f.gp!, f.gt]);
    return {
      value: f.value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [factor, gp, gt] = saved as [tf.Tensor, tf.Tensor, tf.Tensor | undefined];
        const upstream = upstreamOf(dy, factor);
        const gradP = tf.mul(upstream, gp);
        if (!withTargets) return [gradP];
        return [tf.mul(upstream, gt!), gradP];
      },
    };
  });
  return op(...inputs);
}
