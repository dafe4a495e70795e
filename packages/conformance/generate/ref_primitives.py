"""The stable primitives: logSumExp, logSoftmax, softmax, logSigmoid, sigmoid."""

import math

import mpmath
import numpy as np
from mpmath import mpf

from ref_common import *  # noqa: F403


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
