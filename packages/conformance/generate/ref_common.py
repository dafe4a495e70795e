"""Shared pieces of the reference: 50-digit context, special values, clipping, axes, broadcasting,
softmax rows with SPEC's infinity rules, reductions with onEmpty, the options each function takes."""

import math

import mpmath
import numpy as np
from mpmath import mp, mpf

mp.dps = 50

INF = mpf('inf')
NINF = mpf('-inf')
NAN = mpf('nan')


class SpecError(Exception):
    def __init__(self, code, why=''):
        super().__init__(f'{code}: {why}')
        self.code = code


def isnan(x):
    return mpmath.isnan(x)


def M(v):
    return mpf(float(v))


def mlog(q):
    """log q, accurate near q = 1 (q - 1 is exact for a double q in [0.5, 2])."""
    if q == 0:
        return NINF
    if mpf('0.5') < q < 2:
        return mpmath.log1p(q - 1)
    return mpmath.log(q)


def f32(x):
    with np.errstate(over='ignore'):  # 1e300 becomes inf in float32, as an adapter's cast does
        return float(np.float32(x))


def clip_bounds(eps, use_f32):
    if not eps:
        return None
    if use_f32:
        lo = f32(eps)
        hi = f32(1.0 - float(eps))  # both bounds the nearest float32 numbers (SPEC, @xent/tfjs)
    else:
        lo = float(eps)
        hi = 1.0 - float(eps)  # the float64 result of `1 - epsilon`, as SPEC states
    return mpf(lo), mpf(hi)


def clip(q, bounds):
    """(clipped q, whether clipped). A prediction at a bound counts as clipped (gradient 0)."""
    if bounds is None:
        return q, False
    lo, hi = bounds
    if q <= lo:
        return lo, True
    if q >= hi:
        return hi, True
    return q, False


def norm_axis(axis, nd, fn):
    a = axis + nd if axis < 0 else axis
    if not 0 <= a < nd:
        raise SpecError('INVALID_OPTION', f'{fn}: axis {axis} out of range for rank {nd}')
    return a


def broadcast(w, shape, what):
    try:
        return np.broadcast_to(np.asarray(w, dtype=float), shape)
    except ValueError as e:
        raise SpecError('SHAPE_MISMATCH', f'{what} {np.shape(w)} to {shape}') from e


# ---------------------------------------------------------------------------------------------------
# rows of a softmax: log q, q and 1 - q for every class, with SPEC's infinity rules


def softmax_row(x):
    """x: list of mpf (no NaN). Returns (logq, q, u) lists, u_c = 1 - q_c = sum of the other q."""
    C = len(x)
    pinf = [i for i, v in enumerate(x) if v == INF]
    m = INF
    if pinf:
        e = [mpf(1) if v == INF else mpf(0) for v in x]
    else:
        fin = [v for v in x if v != NINF]
        if not fin:
            return [NAN] * C, [NAN] * C, [NAN] * C
        m = max(fin)
        e = [mpf(0) if v == NINF else (mpf(1) if v == m else mpmath.exp(v - m)) for v in x]
    k = sum(1 for v in e if v == 1)
    rest = mpmath.fsum(v for v in e if v != 1)
    log_s = mpmath.log(k) + mpmath.log1p(rest / k)
    s = k + rest
    logq = []
    for i, v in enumerate(x):
        if e[i] == 0:
            logq.append(NINF)
        elif e[i] == 1:
            logq.append(-log_s)
        else:
            logq.append((v - m) - log_s)
    q = [v / s for v in e]
    total = mpmath.fsum(e)
    u = []
    for i in range(C):
        others = mpmath.fsum(e[j] for j in range(C) if j != i) if C < 64 else total - e[i]
        if C >= 64 and e[i] == 1 and k == 1:
            others = rest  # exact: the other terms of the sum
        u.append(others / s)
    return logq, q, u


# ---------------------------------------------------------------------------------------------------
# reductions


def reduce_values(a, posshape, W, count, nonzero, opts, grad_sum, base):
    """a: list of mpf per position; grad_sum: numpy object array (or None) of d(sum a)/d predictions."""
    red = opts.get('reduction', 'mean')
    on_empty = opts.get('onEmpty', 'zero')
    lb = mpmath.log(M(base)) if base is not None else mpf(1)
    if red == 'none':
        vals = np.array([v / lb for v in a], dtype=object).reshape(posshape)
        g = None if grad_sum is None else grad_sum / lb
        return vals, g, None
    total = mpmath.fsum(a) if a else mpf(0)
    if red == 'sum':
        return total / lb, None if grad_sum is None else grad_sum / lb, mpf(1) / lb
    den = {'mean': W, 'sumOverCount': mpf(count), 'sumOverNonzeroWeights': mpf(nonzero)}[red]
    if den == 0:
        if on_empty == 'throw':
            raise SpecError('EMPTY_INPUT', 'denominator 0')
        if on_empty == 'nan':
            return NAN, None, None
        z = None if grad_sum is None else grad_sum * 0
        return mpf(0), z, mpf(0)
    return total / den / lb, None if grad_sum is None else grad_sum / den / lb, mpf(1) / den / lb


def check_options(fn, opts, allowed):
    for k in opts:
        if k not in allowed:
            raise SpecError('INVALID_OPTION', f'{fn} does not take {k}')


COMMON = {'weights', 'reduction', 'base', 'onEmpty', 'validate'}
SOFTMAX_OPTS = COMMON | {'axis', 'classWeights', 'ignoreIndex', 'labelSmoothing'}
SIGMOID_OPTS = COMMON | {'posWeight', 'ignoreValue', 'labelSmoothing'}


def allowed_options(fn, label_targets):
    focal = 'Focal' in fn
    prob = fn.startswith('categorical') or fn.startswith('binary')
    if fn in ('softmaxCrossEntropy', 'categoricalCrossEntropy', 'softmaxFocalLoss', 'categoricalFocalLoss', 'nllLoss'):
        s = set(SOFTMAX_OPTS)
        if not label_targets:
            s.discard('ignoreIndex')
    elif fn in ('sigmoidCrossEntropy', 'binaryCrossEntropy', 'sigmoidFocalLoss', 'binaryFocalLoss'):
        s = set(SIGMOID_OPTS)
    elif fn == 'entropy':
        return {'axis', 'weights', 'reduction', 'base', 'onEmpty', 'validate'}
    elif fn == 'klDivergence':
        return COMMON | {'axis', 'from', 'epsilon'}
    else:
        return {'axis'}
    if focal:
        s |= {'gamma', 'alpha'}
    if prob:
        s.add('epsilon')
    return s
