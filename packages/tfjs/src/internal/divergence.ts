import * as tf from '@tensorflow/tfjs-core';
import type { TensorInput } from '../types';
import { asFloat, toTensor, weightTensor } from './convert';
import { fail, shapeText } from './errors';
import { kernelLoss, kernelPathApplies } from './kernelPath';
import { type Denominators, type Pieces, runLoss } from './lossOp';
import { clipBounds, moveAxisLast, mulNoNan, negLogSoftmaxParts, sumLast, zeroWhere } from './math';
import { type LossSpec, normalizeAxis, resolveOptions } from './options';
import { checkDistributions } from './validate';

/**
 * KL(p ‖ q) = Σ_c p_c (log p_c − log q_c) and, with q absent, H(p) = −Σ_c p_c log p_c, along the class axis.
 * 0 · log 0 = 0 for p_c = 0 whatever q_c. With `from: 'logits'`, −log q_c comes from the stable
 * (max − x) + log Σ exp(x − max) form; the gradient w.r.t. logits is s (q Σ p − p), w.r.t. probabilities
 * −s p / q (0 where p = 0 or q is clipped).
 */
export function divergenceLoss(
  spec: LossSpec,
  p: TensorInput,
  q: TensorInput | null,
  options: unknown,
): tf.Tensor {
  if (q !== null && kernelPathApplies(spec, options)) {
    return kernelLoss(spec, p, q, options, (pp, qq, o) => divergenceLoss(spec, pp, qq, o));
  }
  return tf.tidy(() => {
    const r = resolveOptions(spec, options);
    const { fn } = r;
    const pt = asFloat(toTensor(fn, q === null ? 'p' : 'p (targets)', p));
    const qt = q === null ? null : asFloat(toTensor(fn, 'q (predictions)', q));
    if (qt !== null && (qt.rank !== pt.rank || !qt.shape.every((d, i) => d === pt.shape[i]))) {
      fail(
        'SHAPE_MISMATCH',
        fn,
        'q (predictions)',
        `of p's shape ${shapeText(pt.shape)}`,
        `shape ${shapeText(qt.shape)}`,
      );
    }
    if (pt.rank < 1)
      fail('SHAPE_MISMATCH', fn, 'p', 'of rank ≥ 1 (a class axis)', `shape ${shapeText(pt.shape)}`);
    const axis = normalizeAxis(fn, r.axis, pt.rank);
    if (r.perSample && axis === 0) {
      fail('INVALID_OPTION', fn, 'axis', 'not 0 in layersLoss (axis 0 holds the samples)', String(r.axis));
    }
    const classes = pt.shape[axis]!;
    const positionShape = pt.shape.filter((_, i) => i !== axis);
    const layout = {
      outer: pt.shape.slice(0, axis).reduce((a, v) => a * v, 1),
      classes,
      inner: pt.shape.slice(axis + 1).reduce((a, v) => a * v, 1),
    };
    const s =
      r.weights === null
        ? null
        : tf.broadcastTo(weightTensor(fn, 'weights', r.weights, positionShape, 'position'), positionShape);
    if (r.validate) {
      checkDistributions(fn, q === null ? 'p' : 'p (targets)', pt.dataSync(), layout, false);
      if (qt !== null && r.from === 'probabilities')
        checkDistributions(fn, 'q (predictions)', qt.dataSync(), layout, true);
    }
    const mask = s === null ? null : tf.notEqual(s, 0);
    const den: Denominators = { weight: s, counted: null, positions: layout.outer * layout.inner };
    const expandC = (t: tf.Tensor) => (t.rank === 0 ? t : tf.expandDims(t, axis));
    const sC = s === null ? null : tf.expandDims(s, -1);

    const compute = (ins: tf.Tensor[], _wantGrad: boolean): Pieces => {
      const { moved: pl, inverse } = moveAxisLast(ins[0]!, axis);
      const back = (t: tf.Tensor) => (inverse === null ? t : tf.transpose(t, inverse));
      const logP = tf.log(pl);
      let terms: tf.Tensor; // p (log p − log q) or −p log p
      let gq: tf.Tensor | null = null;
      let gp: tf.Tensor;
      if (ins.length === 1) {
        terms = tf.neg(mulNoNan(pl, logP));
        gp = tf.neg(tf.add(logP, 1));
      } else {
        const ql = moveAxisLast(ins[1]!, axis).moved;
        let negLogQ: tf.Tensor;
        if (r.from === 'logits') {
          negLogQ = negLogSoftmaxParts(ql).negLogQ;
          const qProb = tf.exp(tf.neg(negLogQ));
          gq = tf.sub(tf.mul(qProb, sumLast(pl, true)), pl);
        } else {
          let qc = ql;
          let clipped: tf.Tensor | null = null;
          if (r.epsilon > 0) {
            const [lo, hi] = clipBounds(r.epsilon);
            clipped = tf.logicalOr(tf.lessEqual(ql, lo), tf.greaterEqual(ql, hi));
            qc = tf.clipByValue(ql, lo, hi);
          }
          negLogQ = tf.neg(tf.log(qc));
          gq = tf.neg(mulNoNan(pl, tf.div(1, qc)));
          if (clipped !== null) gq = zeroWhere(clipped, gq);
        }
        terms = mulNoNan(pl, tf.add(logP, negLogQ));
        gp = tf.add(tf.add(logP, 1), negLogQ);
      }
      let a = sumLast(terms);
      if (sC !== null) {
        a = tf.mul(a, s!);
        gp = tf.mul(gp, sC);
        if (gq !== null) gq = tf.mul(gq, sC);
      }
      if (mask !== null) {
        const off = tf.logicalNot(mask);
        a = zeroWhere(off, a);
        const offC = tf.expandDims(off, -1);
        gp = zeroWhere(offC, gp);
        if (gq !== null) gq = zeroWhere(offC, gq);
      }
      return {
        a,
        gradPredictions: back(gq ?? gp),
        gradTargets: gq === null ? undefined : back(gp),
      };
    };
    if (qt === null) {
      return runLoss(r, den, [pt], compute, expandC, positionShape);
    }
    // inputs [p, q]: gradPredictions is ∂/∂q, gradTargets ∂/∂p
    return runLoss(r, den, [pt, qt], compute, expandC, positionShape);
  });
}
