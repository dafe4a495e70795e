/**
 * The stable primitives on views: logSumExp, logSoftmax and softmax along an axis; logSigmoid and
 * sigmoid element-wise.
 */
import { describeValue, fail } from '../errors';
import {
  logSigmoidKernel,
  logSoftmaxKernel,
  logSumExpKernel,
  sigmoidKernel,
  softmaxKernel,
} from '../kernels/index';
import { PRIMITIVE_NAMES, type PrimitiveName } from '../options/names';
import { resolveOptions } from '../options/resolveOptions';
import { planClassAxis } from '../shape/axis';
import { checkView, type TensorView } from '../view';

/** The result of a primitive: float64 data and its shape. */
export interface PrimitiveResult {
  readonly data: Float64Array;
  readonly shape: readonly number[];
}

/**
 * Computes primitive `fn` over a view. `logSumExp` removes the axis (a rank-1 input gives shape `[]`);
 * the others keep the shape of `x`.
 *
 * Methods: log Σ exp x = m + log Σ exp(x − m) with m the row maximum (so nothing overflows; a row with
 * +∞ gives +∞, a row of only −∞ gives −∞); log σ(x) = −softplus(−x), computed as
 * min(x, 0) − log1p(exp(−|x|)).
 *
 * @throws XentError `INVALID_OPTION` for an unknown option or an axis out of range; `INVALID_INPUT` for
 * a malformed view; `SHAPE_MISMATCH` for a scalar given to an axis primitive.
 * @example
 * ```ts
 * // log(e^0 + e^0) = ln 2
 * computePrimitive('logSumExp', { data: [0, 0], shape: [2] }).data[0]; // 0.6931471805599453
 * ```
 */
export function computePrimitive(fn: PrimitiveName, x: TensorView, options?: unknown): PrimitiveResult {
  if (!(PRIMITIVE_NAMES as readonly string[]).includes(fn)) {
    fail('INVALID_INPUT', 'computePrimitive', 'fn', 'the name of a primitive', describeValue(fn));
  }
  const o = resolveOptions(fn, options);
  checkView(fn, 'x', x);
  if (fn === 'logSigmoid' || fn === 'sigmoid') {
    const out = new Float64Array(x.data.length);
    (fn === 'sigmoid' ? sigmoidKernel : logSigmoidKernel)(out.length, x.data, out);
    return { data: out, shape: x.shape };
  }
  const plan = planClassAxis(fn, x.shape, o.axis, 'x');
  if (fn === 'logSumExp') {
    const out = new Float64Array(plan.positions);
    logSumExpKernel(plan, x.data, out);
    return { data: out, shape: plan.positionShape };
  }
  const out = new Float64Array(x.data.length);
  (fn === 'softmax' ? softmaxKernel : logSoftmaxKernel)(plan, x.data, out);
  return { data: out, shape: x.shape };
}
