"""The sigmoid / binary family and its focal forms: values and analytic gradients."""

import math

import mpmath
import numpy as np
from mpmath import mpf

from ref_common import *  # noqa: F403


# ---------------------------------------------------------------------------------------------------
# sigmoid / binary and their focal forms


def sigmoid_family(fn, targets, predictions, opts, use_f32):
    check_options(fn, opts, allowed_options(fn, False))
    logits = fn.startswith('sigmoid')
    focal = 'Focal' in fn
    P = np.asarray(predictions, dtype=float)
    T = np.asarray(targets, dtype=float)
    if T.shape != P.shape:
        raise SpecError('SHAPE_MISMATCH', 'targets')
    shape = P.shape
    flat = P.reshape(-1)
    tflat = T.reshape(-1)
    N = flat.size
    s = broadcast(opts['weights'], shape, 'weights').reshape(-1) if 'weights' in opts else np.ones(N)
    pw = broadcast(opts['posWeight'], shape, 'posWeight').reshape(-1) if 'posWeight' in opts else None
    ls = M(opts.get('labelSmoothing', 0.0))
    gamma = M(opts.get('gamma', 2.0)) if focal else mpf(0)
    alpha = opts.get('alpha') if focal else None
    ign = opts.get('ignoreValue')
    bounds = None if logits else clip_bounds(opts.get('epsilon', 0.0), use_f32)
    validate = opts.get('validate', True)
    a_list = []
    W = mpf(0)
    count = 0
    nonzero = 0
    grad = np.empty(N, dtype=object)
    grad[...] = mpf(0)
    grad_ok = True
    for n in range(N):
        traw = tflat[n]
        if ign is not None and traw == ign:
            a_list.append(mpf(0))
            continue
        if validate and (math.isnan(traw) or not 0 <= traw <= 1):
            raise SpecError('INVALID_PROBABILITY', 'target')
        x = M(flat[n])
        if not logits and validate and not isnan(x) and not 0 <= x <= 1:
            raise SpecError('INVALID_PROBABILITY', 'prediction')
        count += 1
        sn = M(s[n])
        W += sn
        if sn != 0:
            nonzero += 1
        if sn == 0:
            a_list.append(mpf(0))
            continue
        if isnan(x):
            a_list.append(NAN)
            grad_ok = False
            continue
        t = M(traw)
        tp = (1 - ls) * t + ls / 2
        p_w = M(pw[n]) if pw is not None else mpf(1)
        c1 = p_w * tp
        c0 = 1 - tp
        clipped = False
        if logits:
            if x == INF:
                lq, l1q = mpf(0), NINF
            elif x == NINF:
                lq, l1q = NINF, mpf(0)
            else:
                lq = -mpmath.log1p(mpmath.exp(-x))
                l1q = -mpmath.log1p(mpmath.exp(x))
            q = mpmath.exp(lq)
            omq = mpmath.exp(l1q)
        else:
            q, clipped = clip(x, bounds)
            lq = mlog(q)
            l1q = mpmath.log1p(-q) if q != 1 else NINF
            omq = 1 - q
        l = -((c1 * lq if c1 != 0 else 0) + (c0 * l1q if c0 != 0 else 0))
        if focal:
            at = (M(alpha) * tp + (1 - M(alpha)) * (1 - tp)) if alpha is not None else mpf(1)
            m = tp * omq + (1 - tp) * q
            if at == 0:
                a = mpf(0)
            else:
                a = sn * at * (m ** gamma) * l
        else:
            a = sn * l
        a_list.append(a)
        if not mpmath.isfinite(a):
            grad_ok = False
            continue
        # d a / d x
        if logits:
            dq = q * omq
            dl = (c0 * q if c0 != 0 else 0) - (c1 * omq if c1 != 0 else 0)  # dl/dx
        else:
            if clipped:
                grad[n] = mpf(0)
                continue
            dq = mpf(1)
            dl = (-(c1 / q) if c1 != 0 else 0) + ((c0 / omq) if c0 != 0 else 0)  # dl/dq
        if focal:
            if at == 0:
                grad[n] = mpf(0)
                continue
            dm = (1 - 2 * tp) * dq
            first = 0 if (gamma == 0 or m == 0) else gamma * m ** (gamma - 1) * dm * l
            grad[n] = sn * at * (first + m**gamma * dl)
        else:
            grad[n] = sn * dl
    base = opts.get('base')
    if base is not None:
        base = f32(base) if use_f32 else base
    gsum = grad.reshape(shape) if grad_ok else None
    value, g, _ = reduce_values(a_list, shape, W, count, nonzero, opts, gsum, base)
    return {'value': value, 'grad': g, 'den': [W, count, nonzero]}
