"""The softmax / categorical / nll family and its focal forms: values and analytic gradients."""

import math

import mpmath
import numpy as np
from mpmath import mpf

from ref_common import *  # noqa: F403


# ---------------------------------------------------------------------------------------------------
# softmax / categorical / nll and their focal forms

KIND = {
    'softmaxCrossEntropy': 'logits',
    'softmaxFocalLoss': 'logits',
    'categoricalCrossEntropy': 'prob',
    'categoricalFocalLoss': 'prob',
    'nllLoss': 'logp',
}


def softmax_family(fn, targets, predictions, opts, use_f32):
    kind = KIND[fn]
    focal = 'Focal' in fn
    P = np.asarray(predictions, dtype=float)
    nd = P.ndim
    if nd < 1:
        raise SpecError('SHAPE_MISMATCH', 'rank 0 predictions')
    T = np.asarray(targets)
    labels = T.ndim == nd - 1
    check_options(fn, opts, allowed_options(fn, labels))
    ax = norm_axis(opts.get('axis', -1), nd, fn)
    Pm = np.moveaxis(P, ax, -1)
    C = Pm.shape[-1]
    posshape = Pm.shape[:-1]
    rows = Pm.reshape(-1, C)
    npos = rows.shape[0]
    if labels:
        if T.shape != posshape:
            raise SpecError('SHAPE_MISMATCH', 'labels')
        lab = T.reshape(-1)
    else:
        if T.shape != P.shape:
            raise SpecError('SHAPE_MISMATCH', 'targets')
        Tm = np.moveaxis(T.astype(float), ax, -1).reshape(-1, C)
    s = broadcast(opts['weights'], posshape, 'weights').reshape(-1) if 'weights' in opts else np.ones(npos)
    cw = opts.get('classWeights')
    if cw is not None and len(cw) != C:
        raise SpecError('SHAPE_MISMATCH', 'classWeights length')
    alpha = opts.get('alpha') if focal else None
    if alpha is not None and not isinstance(alpha, (int, float)) and len(alpha) != C:
        raise SpecError('SHAPE_MISMATCH', 'alpha length')
    gamma = M(opts.get('gamma', 2.0)) if focal else mpf(0)
    ls = M(opts.get('labelSmoothing', 0.0))
    ign = opts.get('ignoreIndex')
    bounds = clip_bounds(opts.get('epsilon', 0.0), use_f32) if kind == 'prob' else None
    validate = opts.get('validate', True)

    cwm = [M(v) for v in cw] if cw is not None else [mpf(1)] * C
    if alpha is None:
        am = [mpf(1)] * C
    elif isinstance(alpha, (int, float)):
        am = [M(alpha)] * C
    else:
        am = [M(v) for v in alpha]

    a_list = []
    kl_scale = []
    W = mpf(0)
    count = 0
    nonzero = 0
    grad = np.empty(rows.shape, dtype=object)
    grad[...] = mpf(0)
    grad_ok = True
    for n in range(npos):
        x = [M(v) for v in rows[n]]
        if kind == 'prob' and validate:
            for v in x:
                if not isnan(v) and not (0 <= v <= 1):
                    raise SpecError('INVALID_PROBABILITY', 'prediction outside [0, 1]')
            if not any(isnan(v) for v in x) and abs(mpmath.fsum(x) - 1) > mpf('1e-4'):
                raise SpecError('INVALID_PROBABILITY', 'prediction row sum')
        if labels:
            y = lab[n]
            if ign is not None and y == ign:
                a_list.append(mpf(0))
                continue
            if validate and (math.isnan(y) or not float(y).is_integer() or not 0 <= y < C):
                raise SpecError('INVALID_LABEL', f'label {y}')
            t = [mpf(1) if c == int(y) else mpf(0) for c in range(C)]
        else:
            t = [M(v) for v in Tm[n]]
            if validate:
                if any(isnan(v) or v < 0 or v > 1 for v in t):
                    raise SpecError('INVALID_PROBABILITY', 'target outside [0, 1]')
                if abs(mpmath.fsum(t) - 1) > mpf('1e-4'):
                    raise SpecError('INVALID_PROBABILITY', 'target row sum')
        count += 1
        sn = M(s[n])
        w = sn * (mpmath.fsum(cwm[c] * t[c] for c in range(C)) if cw is not None else 1)
        W += w
        if w != 0:
            nonzero += 1
        if sn == 0:
            a_list.append(mpf(0))
            continue
        tp = [(1 - ls) * t[c] + ls / C for c in range(C)]
        k = [sn * am[c] * cwm[c] * tp[c] for c in range(C)]
        if any(isnan(v) for v in x):
            a_list.append(NAN)
            grad_ok = False
            continue
        clipped = [False] * C
        if kind == 'logits':
            logq, q, u = softmax_row(x)
            if isnan(logq[0]):
                a_list.append(NAN)
                grad_ok = False
                continue
        elif kind == 'prob':
            qc = [clip(v, bounds) for v in x]
            q = [v for v, _ in qc]
            clipped = [c for _, c in qc]
            logq = [mlog(v) for v in q]
            u = [1 - v for v in q]
        else:
            logq = list(x)
            q = [mpmath.exp(v) for v in x]
            u = [-mpmath.expm1(v) for v in x]
        a = mpf(0)
        terms = []
        for c in range(C):
            if k[c] == 0:
                terms.append(mpf(0))
                continue
            L = -logq[c]
            f = (u[c] ** gamma) * L if focal else L
            terms.append(k[c] * f)
        a = mpmath.fsum(terms)
        a_list.append(a)
        if not mpmath.isfinite(a):
            grad_ok = False
            continue
        # gradient of a with respect to the row
        if kind == 'logits':
            kg = []
            for c in range(C):
                if k[c] == 0:
                    kg.append(mpf(0))
                    continue
                if not focal:
                    g = mpf(-1)
                elif u[c] == 0:
                    g = mpf(-1) if gamma == 0 else mpf(0)
                else:
                    L = -logq[c]
                    g = -(u[c] ** gamma) - (gamma * q[c] * u[c] ** (gamma - 1) * L if gamma != 0 else 0)
                kg.append(k[c] * g)
            S = mpmath.fsum(kg)
            for j in range(C):
                grad[n, j] = kg[j] - q[j] * S
        elif kind == 'prob':
            for j in range(C):
                if k[j] == 0 or clipped[j]:
                    grad[n, j] = mpf(0)
                    continue
                if not focal:
                    d = -1 / q[j]
                elif u[j] == 0:
                    d = mpf(-1) if gamma == 0 else mpf(0)
                else:
                    L = -logq[j]
                    d = -(u[j] ** gamma) / q[j] - (gamma * u[j] ** (gamma - 1) * L if gamma != 0 else 0)
                grad[n, j] = k[j] * d
        else:
            for j in range(C):
                grad[n, j] = -k[j]
    base = opts.get('base')
    if base is not None:
        base = f32(base) if use_f32 else base
    gsum = None
    if grad_ok:
        gsum = np.moveaxis(grad.reshape(Pm.shape), -1, ax)
    value, g, factor = reduce_values(a_list, posshape, W, count, nonzero, opts, gsum, base)
    return {'value': value, 'grad': g, 'den': [W, count, nonzero]}
