"""Independent 50-digit reference of every SPEC.md formula (losses, reductions, gradients, primitives).

Inputs are float64 (numpy) arrays; every quantity is computed in mpmath at 50 significant digits and
rounded once to float64 by the caller. Written from SPEC.md's definitions, not from any implementation:

- softmax/categorical family: a_n = s_n sum_c alpha_c cw_c t'_nc (1 - q_nc)^gamma (-log q_nc),
  w_n = s_n sum_c cw_c t_nc (raw targets) with classWeights, else s_n;
- sigmoid/binary family: a_n = s_n alpha_t (1 - p_t)^gamma * -[pw t' log q + (1 - t') log(1 - q)];
- KL: s_n sum_c p_c (log p_c - log q_c); entropy: -s_n sum_c p_c log p_c;
- reductions: none / sum / mean (sum a / sum w) / sumOverCount / sumOverNonzeroWeights, onEmpty;
- gradients analytic (d value / d predictions), 0 where a prediction is clipped by epsilon.

Cancellation is avoided structurally (log-sum-exp split into the maximal terms and the rest with log1p,
log(1 - q) as log1p(-q), 1 - q_c of a softmax as the sum of the other classes) so that 50 digits are
enough for results as small as 1e-300.
"""

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


# ---------------------------------------------------------------------------------------------------
# primitives


def primitive(fn, x, opts):
    X = np.asarray(x, dtype=float)
    if fn in ('logSigmoid', 'sigmoid'):
        check_options(fn, opts, set())
        out = np.empty(X.shape, dtype=object)
        for idx, v in np.ndenumerate(X):
            v = M(v)
            if isnan(v):
                r = NAN
            elif v == INF:
                r = mpf(0)
            elif v == NINF:
                r = NINF
            else:
                r = -mpmath.log1p(mpmath.exp(-v))
            out[idx] = r if fn == 'logSigmoid' else mpmath.exp(r)
        return {'value': out if X.ndim else out[()]}
    check_options(fn, opts, {'axis'})
    nd = X.ndim
    if nd < 1:
        raise SpecError('SHAPE_MISMATCH', 'rank 0')
    ax = norm_axis(opts.get('axis', -1), nd, fn)
    Xm = np.moveaxis(X, ax, -1)
    C = Xm.shape[-1]
    rows = Xm.reshape(-1, C)
    if fn == 'logSumExp':
        out = []
        for r in rows:
            x = [M(v) for v in r]
            if any(isnan(v) for v in x):
                out.append(NAN)
            elif any(v == INF for v in x):
                out.append(INF)
            elif all(v == NINF for v in x):
                out.append(NINF)
            else:
                logq, _, _ = softmax_row(x)
                i = max(range(C), key=lambda j: x[j])
                out.append(x[i] - logq[i])
        return {'value': np.array(out, dtype=object).reshape(Xm.shape[:-1])}
    res = np.empty(rows.shape, dtype=object)
    for n, r in enumerate(rows):
        x = [M(v) for v in r]
        if any(isnan(v) for v in x):
            res[n, :] = NAN
            continue
        logq, q, _ = softmax_row(x)
        res[n, :] = logq if fn == 'logSoftmax' else q
    return {'value': np.moveaxis(res.reshape(Xm.shape), -1, ax)}


def reference(fn, targets, predictions, opts, use_f32=False):
    opts = {k: v for k, v in (opts or {}).items() if v is not None}
    for k in ('weights', 'classWeights', 'posWeight'):
        if k in opts:
            w = np.asarray(opts[k], dtype=float)
            if not np.all(np.isfinite(w)) or np.any(w < 0):
                raise SpecError('INVALID_INPUT', k)
    for k in ('base',):
        if k in opts:
            b = opts[k]
            if not (isinstance(b, (int, float)) and math.isfinite(b) and b > 0 and b != 1):
                raise SpecError('INVALID_OPTION', 'base')
    if fn in KIND:
        return softmax_family(fn, targets, predictions, opts, use_f32)
    if fn in ('sigmoidCrossEntropy', 'binaryCrossEntropy', 'sigmoidFocalLoss', 'binaryFocalLoss'):
        return sigmoid_family(fn, targets, predictions, opts, use_f32)
    if fn in ('klDivergence', 'entropy'):
        return divergence(fn, targets, predictions, opts, use_f32)
    return primitive(fn, targets, opts)
