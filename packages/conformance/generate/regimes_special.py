"""Fixture regimes: focal (gamma, alpha, saturation), kl-entropy (cancellation, normalisation slack),
primitives (log-sum-exp, (log-)softmax, (log-)sigmoid over every range).
"""

import math

from build import case
from regimes_values import dirichlet, logits

INF = math.inf
NAN = math.nan


def focal(rng):
    out = []
    x = logits(rng, 4, 3)
    y = [2, 0, 1, 1]
    q = dirichlet(rng, 4, 3, 2.0)
    tb = [[1.0, 0.0, 1.0], [0.0, 1.0, 0.3]]
    zb = [[0.5, -2.0, 3.0], [1.0, -0.5, 0.0]]
    pb = [[0.7, 0.1, 0.95], [0.4, 0.35, 0.5]]
    for g in (0.0, 0.5, 1.0, 2.0, 5.0):
        o = {'gamma': g, 'reduction': 'none'}
        out.append(case(f'gamma-{g}-softmax', 'softmaxFocalLoss', y, x, o))
        out.append(case(f'gamma-{g}-categorical', 'categoricalFocalLoss', y, q, o))
        out.append(case(f'gamma-{g}-sigmoid', 'sigmoidFocalLoss', tb, zb, o))
        out.append(case(f'gamma-{g}-binary', 'binaryFocalLoss', tb, pb, o))
    for a in (0.0, 0.25, 1.0):
        out.append(case(f'alpha-{a}-sigmoid', 'sigmoidFocalLoss', tb, zb, {'alpha': a}))
        out.append(case(f'alpha-{a}-binary', 'binaryFocalLoss', tb, pb, {'alpha': a, 'gamma': 1.0}))
        out.append(case(f'alpha-{a}-softmax-scalar', 'softmaxFocalLoss', y, x, {'alpha': a}))
    out.append(case('alpha-per-class-softmax', 'softmaxFocalLoss', y, x, {'alpha': [0.25, 1.0, 2.0]}))
    out.append(case('alpha-per-class-categorical', 'categoricalFocalLoss', dirichlet(rng, 4, 3), q, {'alpha': [0.5, 0.0, 1.5], 'reduction': 'sum'}))
    # saturated predictions: gamma < 1 must give finite gradients (log-space focal factor)
    sat = [[30.0, -30.0, 0.0], [1e4, 0.0, -1e4], [-1e4, 1e4, 0.0]]
    for g in (0.25, 0.5, 1.0, 3.0):
        out.append(case(f'saturated-softmax-gamma-{g}', 'softmaxFocalLoss', [0, 0, 1], sat, {'gamma': g, 'reduction': 'none'}))
        out.append(case(f'saturated-sigmoid-gamma-{g}', 'sigmoidFocalLoss', [1.0, 0.0, 1.0, 0.0], [40.0, -40.0, 1e4, -1e4], {'gamma': g, 'reduction': 'none'}))
        out.append(case(f'saturated-binary-gamma-{g}', 'binaryFocalLoss', [1.0, 0.0, 1.0], [1 - 2.0**-40, 2.0**-40, 0.999999], {'gamma': g, 'reduction': 'none'}))
    # focal with the family's other options
    out.append(case('softmax-focal-options', 'softmaxFocalLoss', [0, -1, 2, 1], x, {'ignoreIndex': -1, 'classWeights': [1.0, 2.0, 0.5], 'labelSmoothing': 0.1, 'weights': [1.0, 1.0, 2.0, 0.0], 'alpha': [0.5, 1.0, 1.0]}))
    out.append(case('categorical-focal-options', 'categoricalFocalLoss', y, q, {'epsilon': 0.05, 'classWeights': [1.0, 2.0, 0.5], 'labelSmoothing': 0.2, 'base': 2}))
    out.append(case('sigmoid-focal-options', 'sigmoidFocalLoss', [[1.0, -1.0, 0.0], [0.0, 1.0, 1.0]], zb, {'ignoreValue': -1, 'posWeight': [2.0, 1.0, 0.5], 'labelSmoothing': 0.1, 'alpha': 0.75, 'weights': [[1.0], [0.5]]}))
    out.append(case('binary-focal-options', 'binaryFocalLoss', tb, pb, {'epsilon': 0.2, 'posWeight': 2.0, 'gamma': 0.5, 'reduction': 'sumOverNonzeroWeights', 'weights': [0.0, 1.0, 2.0]}))
    out.append(case('softmax-focal-dist', 'softmaxFocalLoss', dirichlet(rng, 4, 3, 0.7), x, {'gamma': 2.0}))
    out.append(case('binary-focal-soft', 'binaryFocalLoss', [0.3, 0.5, 0.9], [0.2, 0.5, 0.6], {'gamma': 2.0, 'alpha': 0.4}))
    return out


def kl_entropy(rng):
    out = []
    for red in ('mean', 'sum', 'none', 'sumOverCount', 'sumOverNonzeroWeights'):
        p = dirichlet(rng, 3, 4)
        q = dirichlet(rng, 3, 4, 2.0)
        o = {'reduction': red, 'weights': [1.0, 0.0, 2.5]}
        out.append(case(f'kl-{red}', 'klDivergence', p, q, o))
        out.append(case(f'kl-logits-{red}', 'klDivergence', p, logits(rng, 3, 4), {**o, 'from': 'logits'}))
        out.append(case(f'entropy-{red}', 'entropy', p, None, o, grad=False))
    # near-equal p and q: KL of order 1e-12 (accuracy absolute, relative to Σ|p log p| + Σ|p log q|)
    p = [0.2, 0.3, 0.5]
    q = [0.2 + 1e-6, 0.3 - 1e-6, 0.5]
    out.append(case('kl-near-equal', 'klDivergence', [p], [q]))
    out.append(case('kl-identical', 'klDivergence', [p, p], [p, p], {'reduction': 'none'}))
    # inputs off normalisation within the 1e-4 allowed: KL is not clamped at 0
    out.append(case('kl-off-normalisation', 'klDivergence', [[0.5, 0.49996]], [[0.5, 0.5]]))
    out.append(case('kl-epsilon', 'klDivergence', [[0.3, 0.7], [0.9, 0.1]], [[0.001, 0.999], [0.5, 0.5]], {'epsilon': 0.01}))
    for b in (2, 10):
        out.append(case(f'kl-base-{b}', 'klDivergence', [[0.3, 0.7]], [[0.6, 0.4]], {'base': b}))
        out.append(case(f'entropy-base-{b}', 'entropy', [[0.3, 0.7], [0.5, 0.5]], None, {'base': b}, grad=False))
    out.append(case('entropy-rank3-axis0', 'entropy', [[[0.1, 0.5]], [[0.9, 0.5]]], None, {'axis': 0, 'reduction': 'none'}, grad=False))
    out.append(case('entropy-zero-terms', 'entropy', [[1.0, 0.0, 0.0], [0.0, 0.5, 0.5]], None, {'reduction': 'none'}, grad=False))
    out.append(case('entropy-rank1', 'entropy', [0.25, 0.25, 0.5], None, {'reduction': 'none'}, grad=False))
    out.append(case('kl-rank1', 'klDivergence', [0.25, 0.25, 0.5], [0.5, 0.25, 0.25]))
    out.append(case('kl-logits-inf', 'klDivergence', [[0.0, 0.5, 0.5]], [[-INF, 1.0, 1.0]], {'from': 'logits'}))
    return out


def primitives(rng):
    out = []
    rows = [[1.0, 2.0, 3.0], [1e300, 0.0, -1e300], [1e4, 1e4, 1e4], [INF, 0.0, 1.0], [INF, INF, 0.0], [-INF, 0.0, 1.0], [-INF, -INF, -INF], [NAN, 0.0, 1.0], [-745.0, -745.5, -800.0]]
    for fn in ('logSumExp', 'logSoftmax', 'softmax'):
        out.append(case(f'{fn}-rows', fn, rows, None, None, grad=False))
        out.append(case(f'{fn}-rank1', fn, [0.5, -1.0, 2.0], None, None, grad=False))
        x3 = (rng.standard_normal((2, 3, 4)) * 3).tolist()
        for axis in (0, 1, -1):
            out.append(case(f'{fn}-rank3-axis{axis}', fn, x3, None, {'axis': axis}, grad=False))
    xs = [0.0, 1.0, -1.0, 40.0, -40.0, 745.0, -745.0, 1e4, -1e4, 1e300, -1e300, INF, -INF, NAN, 1e-20, -1e-20]
    for fn in ('logSigmoid', 'sigmoid'):
        out.append(case(f'{fn}-values', fn, xs, None, None, grad=False))
        out.append(case(f'{fn}-rank0', fn, -2.5, None, None, grad=False))
        out.append(case(f'{fn}-rank2', fn, [[0.5, -3.0], [7.0, -0.25]], None, None, grad=False))
    return out
