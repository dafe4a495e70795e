import * as tf from '@tensorflow/tfjs-core';
import type { TensorInput } from '../types';
import { asFloat, toTensor, weightTensor } from './convert';
import { fail, shapeText } from './errors';
import { kernelLoss, kernelPathApplies } from './kernelPath';
import { type Denominators, type Pieces, runLoss } from './lossOp';
import { clipBounds, log1p, mulNoNan, sigmoid, zeroWhere } from './math';
import { type LossSpec, resolveOptions } from './options';
import { checkUnitInterval } from './validate';

/**
 * The sigmoid/binary cross-entropies and their focal forms, one position per element.
 *
 * With t' the smoothed target, pw the positive weight and, for logits x,
 *   CE = pw t' softplus(−x) + (1 − t') softplus(x)      (= −[pw t' log σ(x) + (1 − t') log(1 − σ(x))])
 * where softplus(x) = max(x, 0) + log1p(e^(−|x|)) neither overflows nor loses small values; for probabilities
 * CE = −pw t' log q − (1 − t') log1p(−q), with 1 − t' formed as (1 − ε)(1 − t) + ε/2. Focal: α_t m^γ CE with m = 1 − p_t = t' σ(−x) + (1 − t') σ(x)
 * (a sum of non-negative terms, no cancellation). Its derivative uses dm/dx = σ(x)σ(−x)(1 − 2t') written as
 * m · r with r = σ(x)σ(−x)/m ≤ 1, so γ < 1 at saturated logits never produces 0 · ∞.
 */
export function sigmoidFamilyLoss(
  spec: LossSpec,
  targets: TensorInput,
  predictions: TensorInput,
  options: unknown,
): tf.Tensor {
  if (kernelPathApplies(spec, options)) {
    return kernelLoss(spec, targets, predictions, options, (t, x, o) => sigmoidFamilyLoss(spec, t, x!, o));
  }
  return tf.tidy(() => {
    const r = resolveOptions(spec, options);
    const { fn } = r;
    const x = asFloat(toTensor(fn, 'predictions', predictions));
    const t0 = asFloat(toTensor(fn, 'targets', targets));
    if (t0.rank !== x.rank || !t0.shape.every((d, i) => d === x.shape[i])) {
      fail(
        'SHAPE_MISMATCH',
        fn,
        'targets',
        `of the predictions' shape ${shapeText(x.shape)}`,
        `shape ${shapeText(t0.shape)}`,
      );
    }
    const shape = x.shape;
    const s =
      r.weights === null
        ? null
        : tf.broadcastTo(weightTensor(fn, 'weights', r.weights, shape, 'element'), shape);
    const pw =
      r.posWeight === null
        ? null
        : tf.broadcastTo(weightTensor(fn, 'posWeight', r.posWeight, shape, 'element'), shape);
    const ignoreValue = r.ignoreValue === null ? null : Math.fround(r.ignoreValue);
    if (r.validate) {
      checkUnitInterval(fn, 'targets', t0.dataSync(), false, ignoreValue);
      if (spec.kind === 'probabilities') checkUnitInterval(fn, 'predictions', x.dataSync(), true, null);
    }
    const valid = ignoreValue === null ? null : tf.notEqual(t0, ignoreValue);
    let mask: tf.Tensor | null = valid;
    if (s !== null) {
      const nz = tf.notEqual(s, 0);
      mask = mask === null ? nz : tf.logicalAnd(mask, nz);
    }
    let w: tf.Tensor | null = s;
    if (valid !== null) {
      const v = tf.cast(valid, 'float32');
      w = w === null ? v : tf.mul(w, v);
    }
    const den: Denominators = {
      weight: w,
      counted: valid === null ? null : tf.cast(valid, 'float32'),
      positions: x.size,
    };
    const eps = r.labelSmoothing;
    const gamma = r.gamma;
    const alpha = r.alpha as number | null;
    const logits = spec.kind === 'logits';

    const compute = (ins: tf.Tensor[], wantGrad: boolean): Pieces => {
      const xl = ins[ins.length - 1]!;
      let tRaw = ins.length === 2 ? ins[0]! : t0;
      if (valid !== null) tRaw = tf.where(valid, tRaw, tf.zerosLike(tRaw)); // ignored: any finite stand-in
      const tp = eps === 0 ? tRaw : tf.add(tf.mul(tRaw, 1 - eps), eps / 2);
      const posCoef = pw === null ? tp : tf.mul(pw, tp);
      // 1 − t' formed directly, (1 − ε)(1 − t) + ε/2: in float32, 1 − t' rounds ε/2 away for ε < ~1e-7
      const negCoef = eps === 0 ? tf.sub(1, tRaw) : tf.add(tf.mul(tf.sub(1, tRaw), 1 - eps), eps / 2);
      let clipped: tf.Tensor | null = null;
      // log-loss pieces: lPos = −log q, lNeg = −log(1 − q); their derivatives dPos, dNeg w.r.t. the prediction
      let lPos: tf.Tensor;
      let lNeg: tf.Tensor;
      let dPos: tf.Tensor;
      let dNeg: tf.Tensor;
      let sig: tf.Tensor | null = null;
      let sigNeg: tf.Tensor | null = null;
      let q: tf.Tensor | null = null;
      if (logits) {
        // softplus(±x) = max(±x, 0) + log1p(e^(−|x|)): the log1p term is shared by both
        const shared = log1p(tf.exp(tf.neg(tf.abs(xl))));
        lPos = tf.add(tf.relu(tf.neg(xl)), shared);
        lNeg = tf.add(tf.relu(xl), shared);
        if (!wantGrad && gamma === null) {
          // the value alone: −[pw t' log σ(x) + (1 − t') log(1 − σ(x))]
          let a = tf.add(mulNoNan(posCoef, lPos), mulNoNan(negCoef, lNeg));
          if (s !== null) a = tf.mul(s, a);
          return { a: mask === null ? a : zeroWhere(tf.logicalNot(mask), a), gradPredictions: null };
        }
        sig = sigmoid(xl);
        sigNeg = sigmoid(tf.neg(xl));
        dPos = tf.neg(sigNeg);
        dNeg = sig;
      } else {
        let qc = xl;
        if (r.epsilon > 0) {
          const [lo, hi] = clipBounds(r.epsilon);
          clipped = tf.logicalOr(tf.lessEqual(xl, lo), tf.greaterEqual(xl, hi));
          qc = tf.clipByValue(xl, lo, hi);
        }
        q = qc;
        lPos = tf.neg(tf.log(qc));
        lNeg = tf.neg(log1p(tf.neg(qc)));
        dPos = tf.neg(tf.div(1, qc));
        dNeg = tf.div(1, tf.sub(1, qc));
      }
      const ce = tf.add(mulNoNan(posCoef, lPos), mulNoNan(negCoef, lNeg));
      const dce = tf.add(mulNoNan(posCoef, dPos), mulNoNan(negCoef, dNeg));
      // ∂CE/∂t' (for soft-target gradients)
      const dceDt = tf.sub(pw === null ? lPos : mulNoNan(pw, lPos), lNeg);
      let value = ce;
      let grad = dce;
      let gradT = dceDt;
      if (gamma !== null) {
        let m: tf.Tensor;
        let mTerm: tf.Tensor; // (d m^γ / d pred) / m^γ · CE, finite
        let dmDt: tf.Tensor; // ∂m/∂t'
        const oneMinus2t = tf.sub(negCoef, tp); // 1 − 2t' = (1 − t') − t'
        if (logits) {
          m = tf.add(tf.mul(tp, sigNeg!), tf.mul(negCoef, sig!));
          const r0 = tf.div(tf.mul(sig!, sigNeg!), m);
          const rr = tf.where(tf.equal(tp, 1), sig!, tf.where(tf.equal(tp, 0), sigNeg!, r0));
          mTerm = mulNoNan(tf.mul(tf.mul(gamma, rr), oneMinus2t), ce);
          dmDt = tf.sub(sigNeg!, sig!);
        } else {
          m = tf.add(tf.mul(tp, tf.sub(1, q!)), tf.mul(negCoef, q!));
          // CE / m first: at a subnormal m, 1/m overflows float32 while CE ≈ m keeps the quotient near 1
          const raw = tf.mul(tf.mul(gamma, oneMinus2t), tf.div(ce, m));
          mTerm = zeroWhere(tf.equal(m, 0), raw);
          dmDt = tf.sub(1, tf.mul(2, q!));
        }
        const mg = tf.pow(m, tf.scalar(gamma));
        const at = alpha === null ? null : tf.add(tf.mul(tp, alpha), tf.mul(negCoef, 1 - alpha));
        const factor = at === null ? mg : tf.mul(at, mg);
        value = mulNoNan(factor, ce);
        grad = mulNoNan(factor, tf.add(dce, mTerm));
        // ∂/∂t' of α_t m^γ CE = (2α − 1) m^γ CE + α_t γ m^(γ−1) ∂m/∂t' CE + α_t m^γ ∂CE/∂t'
        const mPart = zeroWhere(tf.equal(m, 0), tf.mul(tf.mul(gamma, dmDt), tf.div(ce, m)));
        gradT = tf.add(
          mulNoNan(factor, tf.add(dceDt, mPart)),
          alpha === null ? tf.zerosLike(ce) : mulNoNan(tf.mul(mg, 2 * alpha - 1), ce),
        );
      }
      if (s !== null) {
        value = tf.mul(s, value);
        grad = tf.mul(s, grad);
        gradT = tf.mul(s, gradT);
      }
      if (clipped !== null) grad = zeroWhere(clipped, grad);
      if (eps !== 0) gradT = tf.mul(gradT, 1 - eps);
      if (mask !== null) {
        const off = tf.logicalNot(mask);
        value = zeroWhere(off, value);
        grad = zeroWhere(off, grad);
        gradT = zeroWhere(off, gradT);
      }
      return { a: value, gradPredictions: grad, gradTargets: gradT };
    };
    return runLoss(r, den, [t0, x], compute, (t) => t, shape);
  });
}
