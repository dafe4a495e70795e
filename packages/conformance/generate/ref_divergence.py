"""KL divergence (with its absolute-accuracy scale) and entropy."""

import math

import mpmath
import numpy as np
from mpmath import mpf

from ref_common import *  # noqa: F403


# ---------------------------------------------------------------------------------------------------
# KL divergence and entropy


def divergence(fn, targets, predictions, opts, use_f32):
    check_options(fn, opts, allowed_options(fn, False))
    kl = fn == 'klDivergence'
    Pp = np.asarray(targets, dtype=float)
    nd = Pp.ndim
    if nd < 1:
        raise SpecError('SHAPE_MISMATCH', 'rank 0')
    ax = norm_axis(opts.get('axis', -1), nd, fn)
    Pm = np.moveaxis(Pp, ax, -1)
    C = Pm.shape[-1]
    posshape = Pm.shape[:-1]
    prow = Pm.reshape(-1, C)
    npos = prow.shape[0]
    from_logits = opts.get('from', 'probabilities') == 'logits'
    if kl:
        Q = np.asarray(predictions, dtype=float)
        if Q.shape != Pp.shape:
            raise SpecError('SHAPE_MISMATCH', 'q')
        qrow = np.moveaxis(Q, ax, -1).reshape(-1, C)
    bounds = clip_bounds(opts.get('epsilon', 0.0), use_f32) if kl and not from_logits else None
    s = broadcast(opts['weights'], posshape, 'weights').reshape(-1) if 'weights' in opts else np.ones(npos)
    validate = opts.get('validate', True)
    a_list = []
    scale_list = []
    W = mpf(0)
    count = 0
    nonzero = 0
    grad = np.empty((npos, C), dtype=object)
    grad[...] = mpf(0)
    grad_ok = True
    for n in range(npos):
        p = [M(v) for v in prow[n]]
        if validate:
            if any(isnan(v) or v < 0 or v > 1 for v in p):
                raise SpecError('INVALID_PROBABILITY', 'p')
            if abs(mpmath.fsum(p) - 1) > mpf('1e-4'):
                raise SpecError('INVALID_PROBABILITY', 'p sum')
        x = [M(v) for v in qrow[n]] if kl else None
        if kl and not from_logits and validate:
            if any((not isnan(v)) and (v < 0 or v > 1) for v in x):
                raise SpecError('INVALID_PROBABILITY', 'q')
            if not any(isnan(v) for v in x) and abs(mpmath.fsum(x) - 1) > mpf('1e-4'):
                raise SpecError('INVALID_PROBABILITY', 'q sum')
        count += 1
        sn = M(s[n])
        W += sn
        if sn != 0:
            nonzero += 1
        if sn == 0:
            a_list.append(mpf(0))
            scale_list.append(mpf(0))
            continue
        plogp = [p[c] * mlog(p[c]) if p[c] != 0 else mpf(0) for c in range(C)]
        if not kl:
            a = -sn * mpmath.fsum(plogp)
            a_list.append(a)
            scale_list.append(abs(a))
            continue
        if any(isnan(v) for v in x):
            a_list.append(NAN)
            scale_list.append(NAN)
            grad_ok = False
            continue
        clipped = [False] * C
        if from_logits:
            logq, q, _ = softmax_row(x)
            if isnan(logq[0]):
                a_list.append(NAN)
                scale_list.append(NAN)
                grad_ok = False
                continue
        else:
            qc = [clip(v, bounds) for v in x]
            q = [v for v, _ in qc]
            clipped = [c for _, c in qc]
            logq = [mlog(v) for v in q]
        plogq = [p[c] * logq[c] if p[c] != 0 else mpf(0) for c in range(C)]
        a = sn * mpmath.fsum(p[c] * (mlog(p[c]) - logq[c]) if p[c] != 0 else mpf(0) for c in range(C))
        a_list.append(a)
        scale_list.append(sn * (mpmath.fsum(abs(v) for v in plogp) + mpmath.fsum(abs(v) for v in plogq)))
        if not mpmath.isfinite(a):
            grad_ok = False
            continue
        if from_logits:
            S = mpmath.fsum(p)
            for j in range(C):
                grad[n, j] = sn * (q[j] * S - p[j])
        else:
            for j in range(C):
                grad[n, j] = mpf(0) if (p[j] == 0 or clipped[j]) else -sn * p[j] / q[j]
    base = opts.get('base')
    if base is not None:
        base = f32(base) if use_f32 else base
    gsum = np.moveaxis(grad.reshape(Pm.shape), -1, ax) if (kl and grad_ok) else None
    value, g, factor = reduce_values(a_list, posshape, W, count, nonzero, opts, gsum, base)
    out = {'value': value, 'grad': g if kl else None, 'den': [W, count, nonzero]}
    if kl:
        o2 = dict(opts)
        o2['onEmpty'] = 'zero' if opts.get('onEmpty', 'zero') == 'throw' else opts.get('onEmpty', 'zero')
        sv, _, _ = reduce_values(scale_list, posshape, W, count, nonzero, o2, None, base)
        out['abs_scale'] = sv
    return out
