import * as tf from '@tensorflow/tfjs-core';
import type { TensorInput } from '../types';
import { asFloat, classVector, toTensor, weightTensor } from './convert';
import { fail, shapeText } from './errors';
import { kernelLoss, kernelPathApplies } from './kernelPath';
import { type Denominators, type Pieces, runLoss } from './lossOp';
import {
  axisLastPermutation,
  clipBounds,
  moveAxisLast,
  mulNoNan,
  negLogSoftmaxParts,
  sumLast,
  zeroWhere,
} from './math';
import { type LossSpec, normalizeAxis, resolveOptions } from './options';
import { checkDistributions, checkLabels } from './validate';

/**
 * The softmax/categorical/nll cross-entropies and their focal forms, over tensors.
 *
 * Per position n (every index but the class axis), with u_c = s_n α_c cw_c t'_c and L_c = −log q_c:
 *   a_n = Σ_c u_c (1 − q_c)^γ L_c          (γ = 0 and α = 1 for plain cross-entropy)
 * L_c comes from {@link negLogSoftmaxParts} for logits, −log(clip(q)) for probabilities and −x for
 * log-probabilities; 1 − q_c = −expm1(−L_c) for logits, so that the focal factor keeps its precision as
 * q_c → 1. The derivative with respect to the logits is h − q Σ_c h_c with
 *   h_c = −u_c (1 − q_c)^γ (1 + γ q_c L_c / (1 − q_c)),
 * whose factor L_c / (1 − q_c) tends to 1 as q_c → 1, so the gradient stays finite for every γ ≥ 0.
 */
export function softmaxFamilyLoss(
  spec: LossSpec,
  targets: TensorInput,
  predictions: TensorInput,
  options: unknown,
): tf.Tensor {
  if (kernelPathApplies(spec, options)) {
    return kernelLoss(spec, targets, predictions, options, (t, x, o) => softmaxFamilyLoss(spec, t, x!, o));
  }
  return tf.tidy(() => {
    const r = resolveOptions(spec, options);
    const { fn } = r;
    const x = asFloat(toTensor(fn, 'predictions', predictions));
    if (x.rank < 1) {
      fail('SHAPE_MISMATCH', fn, 'predictions', 'of rank ≥ 1 (a class axis)', `shape ${shapeText(x.shape)}`);
    }
    const axis = normalizeAxis(fn, r.axis, x.rank);
    if (r.perSample && axis === 0) {
      fail('INVALID_OPTION', fn, 'axis', 'not 0 in layersLoss (axis 0 holds the samples)', String(r.axis));
    }
    const classes = x.shape[axis]!;
    const positionShape = x.shape.filter((_, i) => i !== axis);
    const layout = {
      outer: x.shape.slice(0, axis).reduce((p, v) => p * v, 1),
      classes,
      inner: x.shape.slice(axis + 1).reduce((p, v) => p * v, 1),
    };
    const positions = layout.outer * layout.inner;
    const t0 = toTensor(fn, 'targets', targets);
    const sameShape = t0.rank === x.rank && t0.shape.every((d, i) => d === x.shape[i]);
    const labelShape = t0.rank === positionShape.length && t0.shape.every((d, i) => d === positionShape[i]);
    if (!sameShape && !labelShape) {
      fail(
        'SHAPE_MISMATCH',
        fn,
        'targets',
        `integer labels of shape ${shapeText(positionShape)} or distributions of shape ${shapeText(x.shape)} (predictions ${shapeText(x.shape)}, class axis ${axis})`,
        `shape ${shapeText(t0.shape)}`,
      );
    }
    const isLabels = !sameShape;
    if (!isLabels && r.ignoreIndex !== null) {
      fail(
        'INVALID_OPTION',
        fn,
        'ignoreIndex',
        'absent with distribution targets (it applies to integer labels)',
        String(r.ignoreIndex),
      );
    }
    const cw =
      r.classWeights === null
        ? null
        : classVector(fn, 'classWeights', r.classWeights, classes, 'INVALID_INPUT');
    let alpha: tf.Tensor | null = null;
    if (r.alpha !== null) {
      alpha =
        typeof r.alpha === 'number'
          ? tf.scalar(r.alpha)
          : classVector(fn, 'alpha', r.alpha, classes, 'INVALID_OPTION');
    }
    const s = r.weights === null ? null : weightTensor(fn, 'weights', r.weights, positionShape, 'position');

    // Value checks (they read data).
    if (r.validate) {
      if (isLabels) checkLabels(fn, t0.dataSync(), classes, r.ignoreIndex);
      else checkDistributions(fn, 'targets', t0.dataSync(), layout, false);
      if (spec.kind === 'probabilities') checkDistributions(fn, 'predictions', x.dataSync(), layout, true);
    }

    // Canonical layout: class axis last.
    const inverse = axisLastPermutation(x.rank, axis)?.inverse ?? null;
    const sFull = s === null ? null : tf.broadcastTo(s, positionShape);
    let labels: tf.Tensor | null = null;
    let valid: tf.Tensor | null = null;
    let oneHot: () => tf.Tensor; // raw target distribution, class last
    let labelIndex: tf.Tensor | null = null; // flat index of each position's label in the class-last layout
    let tInput: tf.Tensor | null = null;
    if (isLabels) {
      labels = tf.cast(t0, 'int32');
      if (r.ignoreIndex !== null) {
        valid = tf.notEqual(labels, r.ignoreIndex);
        labels = tf.where(valid, labels, tf.zerosLike(labels));
      }
      // the one-hot form is built only where a gradient or a focal term needs it (tf.oneHot refuses one class)
      const l = labels;
      let memo: tf.Tensor | null = null;
      oneHot = () => {
        memo ??=
          classes > 1
            ? tf.cast(tf.oneHot(l, classes), 'float32') // wasm's OneHot writes int bits into a float32 output
            : tf.cast(tf.equal(tf.expandDims(l, -1), 0), 'float32');
        return memo;
      };
      const rowStart = tf.mul(tf.range(0, positions, 1, 'int32'), tf.scalar(classes, 'int32'));
      labelIndex = tf.add(rowStart, tf.reshape(l, [-1]));
    } else {
      tInput = asFloat(t0);
      const moved = moveAxisLast(tInput, axis).moved;
      oneHot = () => moved;
    }

    // Denominators (independent of the predictions).
    let mask: tf.Tensor | null = valid; // positions that count and have s ≠ 0 are evaluated
    if (sFull !== null) {
      const nz = tf.notEqual(sFull, 0);
      mask = mask === null ? nz : tf.logicalAnd(mask, nz);
    }
    let w: tf.Tensor | null = sFull;
    if (cw !== null) {
      const perPos = labels !== null ? tf.gather(cw, labels) : sumLast(tf.mul(oneHot(), cw));
      w = w === null ? perPos : tf.mul(w, perPos);
    }
    if (valid !== null) {
      const v = tf.cast(valid, 'float32');
      w = w === null ? v : tf.mul(w, v);
    }
    const den: Denominators = {
      weight: w,
      counted: valid === null ? null : tf.cast(valid, 'float32'),
      positions,
    };

    const eps = r.labelSmoothing;
    const gamma = r.gamma;
    const kind = spec.kind;
    const expandC = (t: tf.Tensor) => (t.rank === 0 ? t : tf.expandDims(t, axis));
    const fromCanonical = (t: tf.Tensor) => (inverse === null ? t : tf.transpose(t, inverse));

    const compute = (ins: tf.Tensor[], wantGrad: boolean): Pieces => {
      const xIn = ins[ins.length - 1]!;
      const xl = inverse === null ? xIn : moveAxisLast(xIn, axis).moved;
      // coefficient of L_c before the position weight: cw_c α_c t'_c (built only where it is read)
      const smooth = (t: tf.Tensor) => (eps === 0 ? t : tf.add(tf.mul(t, 1 - eps), eps / classes));
      let classCoef: tf.Tensor | null = cw;
      if (alpha !== null) classCoef = classCoef === null ? alpha : tf.mul(classCoef, alpha);
      let uMemo: tf.Tensor | null = null;
      const uOf = () => {
        if (uMemo === null) {
          const tl = ins.length === 2 ? moveAxisLast(ins[0]!, axis).moved : oneHot();
          const u0 = classCoef === null ? smooth(tl) : tf.mul(smooth(tl), classCoef);
          uMemo = sFull === null ? u0 : tf.mul(u0, tf.expandDims(sFull, -1));
        }
        return uMemo;
      };

      let negLogQ: tf.Tensor;
      let q: tf.Tensor;
      let oneMinusQ: tf.Tensor | null = null;
      let clipped: tf.Tensor | null = null;
      if (kind === 'logits') {
        negLogQ = negLogSoftmaxParts(xl).negLogQ;
        q = wantGrad || gamma !== null ? tf.exp(tf.neg(negLogQ)) : negLogQ; // q is read only by focal and gradients
        if (gamma !== null) oneMinusQ = tf.neg(tf.expm1(tf.neg(negLogQ)));
      } else if (kind === 'probabilities') {
        let qc = xl;
        if (r.epsilon > 0) {
          const [lo, hi] = clipBounds(r.epsilon);
          clipped = tf.logicalOr(tf.lessEqual(xl, lo), tf.greaterEqual(xl, hi));
          qc = tf.clipByValue(xl, lo, hi);
        }
        q = qc;
        negLogQ = tf.neg(tf.log(qc));
        if (gamma !== null) oneMinusQ = tf.sub(1, qc);
      } else {
        negLogQ = tf.neg(xl);
        q = wantGrad || gamma !== null ? tf.exp(xl) : xl;
      }
      const focalFactor = gamma === null || oneMinusQ === null ? null : tf.pow(oneMinusQ, tf.scalar(gamma));
      const lossTerms = focalFactor === null ? negLogQ : tf.mul(focalFactor, negLogQ);
      let aRaw: tf.Tensor;
      if (labelIndex !== null && focalFactor === null) {
        // integer labels: a = s [(1 − ε) cw_y L_y + ε/C Σ_c cw_c L_c], L_y gathered (no one-hot product)
        const picked = tf.reshape(tf.gather(tf.reshape(negLogQ, [-1]), labelIndex), positionShape);
        // ε = 1 removes the label's term entirely (0 · ∞ would be NaN against a −∞ log)
        aRaw = eps === 0 ? picked : eps === 1 ? tf.zerosLike(picked) : tf.mul(picked, 1 - eps);
        if (cw !== null) aRaw = mulNoNan(tf.gather(cw, labels!), aRaw);
        if (eps > 0) {
          const all = sumLast(cw === null ? negLogQ : mulNoNan(cw, negLogQ));
          aRaw = tf.add(aRaw, tf.mul(all, eps / classes));
        }
        if (sFull !== null) aRaw = tf.mul(aRaw, sFull);
      } else {
        aRaw = sumLast(mulNoNan(uOf(), lossTerms));
      }
      const a = mask === null ? aRaw : zeroWhere(tf.logicalNot(mask), aRaw);
      if (!wantGrad) return { a, gradPredictions: null };
      const u = uOf();

      // h_c = u_c q_c ∂ℓ_c/∂q_c (see above); for plain cross-entropy h = −u.
      let h: tf.Tensor;
      let gq: tf.Tensor | null = null;
      if (focalFactor === null || gamma === null || oneMinusQ === null) {
        h = tf.neg(u);
      } else {
        const ratio = tf.where(tf.equal(oneMinusQ, 0), tf.onesLike(negLogQ), tf.div(negLogQ, oneMinusQ));
        const qRatio = zeroWhere(tf.equal(q, 0), tf.mul(q, ratio));
        h = tf.neg(mulNoNan(u, tf.mul(focalFactor, tf.add(1, tf.mul(gamma, qRatio)))));
        if (kind === 'probabilities') {
          // ∂ℓ/∂q = −(1 − q)^γ (1/q + γ L/(1 − q))
          gq = tf.neg(mulNoNan(u, tf.mul(focalFactor, tf.add(tf.div(1, q), tf.mul(gamma, ratio)))));
        }
      }
      let g: tf.Tensor;
      if (kind === 'logits') {
        g = tf.sub(h, tf.mul(q, sumLast(h, true)));
      } else if (kind === 'probabilities') {
        g = gq ?? tf.neg(mulNoNan(u, tf.div(1, q)));
        if (clipped !== null) g = zeroWhere(clipped, g);
      } else {
        g = h;
      }
      if (mask !== null) g = zeroWhere(tf.logicalNot(tf.expandDims(mask, -1)), g);

      let gradTargets: tf.Tensor | undefined;
      let gradWeightTargets: tf.Tensor | undefined;
      if (ins.length === 2) {
        // ∂a/∂t_c = s (1 − ε) cw_c α_c (1 − q_c)^γ L_c
        let coef: tf.Tensor = tf.scalar(1 - eps);
        if (classCoef !== null) coef = tf.mul(coef, classCoef);
        if (sFull !== null) coef = tf.mul(coef, tf.expandDims(sFull, -1));
        let gt = mulNoNan(tf.broadcastTo(coef, lossTerms.shape), lossTerms);
        if (mask !== null) gt = zeroWhere(tf.logicalNot(tf.expandDims(mask, -1)), gt);
        gradTargets = fromCanonical(gt);
        if (cw !== null) {
          const dw = sFull === null ? tf.broadcastTo(cw, xl.shape) : tf.mul(cw, tf.expandDims(sFull, -1));
          gradWeightTargets = fromCanonical(dw);
        }
      }
      return { a, gradPredictions: fromCanonical(g), gradTargets, gradWeightTargets };
    };
    const inputs = tInput === null ? [x] : [tInput, x];
    return runLoss(r, den, inputs, compute, expandC, positionShape);
  });
}
