"""Fixture regimes by numeric range: moderate, large-logits, probabilities-extreme, classes, ties.

Each function takes a seeded numpy Generator and returns a list of cases (see build.case).
"""

import math

import numpy as np

from build import case

INF = math.inf
LOSSES_LOGITS = ('softmaxCrossEntropy', 'softmaxFocalLoss')
LOSSES_PROB = ('categoricalCrossEntropy', 'categoricalFocalLoss')


def dirichlet(rng, n, c, conc=1.0):
    return rng.dirichlet([conc] * c, size=n).tolist()


def logits(rng, *shape, scale=2.0):
    return (rng.standard_normal(shape) * scale).tolist()


def moderate(rng):
    out = []
    # the worked example (SPEC "The losses"; issue 3): 0.6733 and 0.0202 nats, and in bits
    for q in (0.51, 0.98):
        out.append(case(f'worked-bce-{q}', 'binaryCrossEntropy', 1, q))
        out.append(case(f'worked-sce-{q}', 'sigmoidCrossEntropy', 1, math.log(q / (1 - q))))
        out.append(case(f'worked-cce-{q}', 'categoricalCrossEntropy', [1, 0], [q, 1 - q]))
        out.append(case(f'worked-softmax-{q}', 'softmaxCrossEntropy', 0, [math.log(q), math.log(1 - q)]))
        out.append(case(f'worked-bce-bits-{q}', 'binaryCrossEntropy', 1, q, {'base': 2}))
    reds = ('mean', 'sum', 'none', 'sumOverCount', 'sumOverNonzeroWeights')
    for i, red in enumerate(reds):
        x = logits(rng, 4, 3)
        y = rng.integers(0, 3, 4).tolist()
        out.append(case(f'softmax-labels-{red}', 'softmaxCrossEntropy', y, x, {'reduction': red}))
        t = dirichlet(rng, 4, 3)
        out.append(case(f'softmax-dist-{red}', 'softmaxCrossEntropy', t, x, {'reduction': red}))
        q = dirichlet(rng, 4, 5, 2.0)
        out.append(case(f'categorical-labels-{red}', 'categoricalCrossEntropy', rng.integers(0, 5, 4).tolist(), q, {'reduction': red}))
        z = logits(rng, 3, 4)
        tb = rng.random((3, 4)).round(2).tolist()
        out.append(case(f'sigmoid-{red}', 'sigmoidCrossEntropy', tb, z, {'reduction': red}))
        pb = rng.uniform(0.02, 0.98, (3, 4)).tolist()
        out.append(case(f'binary-{red}', 'binaryCrossEntropy', tb, pb, {'reduction': red}))
    x = logits(rng, 5, 4)
    y = rng.integers(0, 4, 5).tolist()
    out.append(case('softmax-focal-labels', 'softmaxFocalLoss', y, x))
    out.append(case('categorical-focal-dist', 'categoricalFocalLoss', dirichlet(rng, 3, 4), dirichlet(rng, 3, 4, 3.0)))
    out.append(case('sigmoid-focal', 'sigmoidFocalLoss', rng.integers(0, 2, (2, 3)).tolist(), logits(rng, 2, 3)))
    out.append(case('binary-focal', 'binaryFocalLoss', rng.integers(0, 2, (2, 3)).tolist(), rng.uniform(0.05, 0.95, (2, 3)).tolist()))
    lsm = np.asarray(logits(rng, 3, 4))
    lsm = lsm - np.log(np.exp(lsm).sum(axis=1, keepdims=True))
    out.append(case('nll-labels', 'nllLoss', [0, 3, 1], lsm.tolist()))
    out.append(case('nll-dist', 'nllLoss', dirichlet(rng, 3, 4), lsm.tolist()))
    p = dirichlet(rng, 3, 4)
    out.append(case('entropy', 'entropy', p, grad=False))
    out.append(case('kl', 'klDivergence', p, dirichlet(rng, 3, 4, 2.0)))
    out.append(case('kl-logits', 'klDivergence', p, logits(rng, 3, 4), {'from': 'logits'}))
    out.append(case('binary-rank0-none', 'binaryCrossEntropy', 0, 0.3, {'reduction': 'none'}))
    out.append(case('softmax-rank1-none', 'softmaxCrossEntropy', 2, [0.5, -1.0, 2.0], {'reduction': 'none'}))
    return out


def large_logits(rng):
    out = []
    rows = [
        [1e4, -1e4, 0.0],
        [1e4, 1e4 + 0.5, 1e4 - 1.0],
        [1e300, 0.0, -1e300],
        [-1e300, 1e300, 5.0],
        [1e15, 1e15 + 2.0, -3.0],
        [-1e4, -1e4 - 1.0, -1e4 + 3.0],
    ]
    for i, r in enumerate(rows):
        for y in range(3):
            out.append(case(f'softmax-row{i}-label{y}', 'softmaxCrossEntropy', y, r))
    out.append(case('softmax-rows-none', 'softmaxCrossEntropy', [0, 1, 2, 0, 1, 2], rows, {'reduction': 'none'}))
    out.append(case('softmax-rows-mean', 'softmaxCrossEntropy', [1, 1, 0, 1, 1, 2], rows))
    dist = [[0.5, 0.5, 0.0], [0.2, 0.3, 0.5], [0.0, 0.0, 1.0]]
    out.append(case('softmax-dist-huge', 'softmaxCrossEntropy', dist, [[1e300, 1e300, -INF], [1e4, 0.0, -1e4], [1e300, 0.0, -1e300]], {'reduction': 'none'}))
    # ±Infinity: a zero target never makes NaN; several +∞ share the probability; the label on −∞ is +∞
    out.append(case('softmax-inf-label-on-inf', 'softmaxCrossEntropy', 0, [INF, 0.0, 1.0]))
    out.append(case('softmax-inf-label-off', 'softmaxCrossEntropy', 1, [INF, 0.0, 1.0]))
    out.append(case('softmax-two-inf', 'softmaxCrossEntropy', 0, [INF, INF, 0.0]))
    out.append(case('softmax-neg-inf-other', 'softmaxCrossEntropy', 1, [-INF, 0.0, 1.0]))
    out.append(case('softmax-neg-inf-label', 'softmaxCrossEntropy', 0, [-INF, 0.0, 1.0]))
    out.append(case('softmax-dist-zero-on-neg-inf', 'softmaxCrossEntropy', [0.0, 0.25, 0.75], [-INF, 0.0, 1.0]))
    out.append(case('softmax-all-neg-inf', 'softmaxCrossEntropy', 0, [-INF, -INF, -INF], grad=False))
    out.append(case('softmax-focal-huge', 'softmaxFocalLoss', [0, 1, 2], [[1e300, 0.0, -1e300], [1e4, 1e4 + 0.5, 1e4 - 1], [-1e4, 0.0, 1e4]], {'reduction': 'none', 'gamma': 2.0}))
    out.append(case('softmax-focal-inf', 'softmaxFocalLoss', [0, 1], [[INF, 0.0, 1.0], [INF, 0.0, 1.0]], {'reduction': 'none', 'gamma': 0.5}))
    for x in (1e4, -1e4, 1e15, -1e15, 1e300, -1e300, 40.0, -40.0, 745.0, -745.0):
        out.append(case(f'sigmoid-{x:g}', 'sigmoidCrossEntropy', [0.0, 1.0, 0.5, 0.9], [x, x, x, x], {'reduction': 'none'}))
    out.append(case('sigmoid-inf', 'sigmoidCrossEntropy', [1.0, 0.0, 0.0, 1.0], [INF, -INF, INF, -INF], {'reduction': 'none'}))
    out.append(case('sigmoid-inf-half', 'sigmoidCrossEntropy', [0.5], [INF], grad=False))
    out.append(case('sigmoid-focal-huge', 'sigmoidFocalLoss', [1.0, 0.0, 1.0, 0.0], [1e300, -1e300, -30.0, 30.0], {'reduction': 'none', 'gamma': 2.0, 'alpha': 0.25}))
    out.append(case('sigmoid-focal-inf-gamma-half', 'sigmoidFocalLoss', [1.0, 0.0], [INF, -INF], {'reduction': 'sum', 'gamma': 0.5}))
    out.append(case('kl-logits-huge', 'klDivergence', [[0.5, 0.5, 0.0], [0.1, 0.2, 0.7]], [[1e300, 1e300, -1e300], [1e4, 1e4 - 1, 1e4 + 2]], {'from': 'logits', 'reduction': 'none'}))
    out.append(case('nll-neg-large', 'nllLoss', [0, 1], [[-1e300, 0.0], [-INF, 0.0]]))
    return out


def probabilities_extreme(rng):
    out = []
    e53 = 2.0 ** -53
    qs = [0.0, 1.0, 1e-300, 1 - e53, e53, 5e-324, 1e-16, 0.5]
    for q in qs:
        g = q != 5e-324  # d/dq of -log q at the smallest subnormal, -1/q, is beyond float64
        out.append(case(f'binary-q{q!r}', 'binaryCrossEntropy', [0.0, 1.0], [q, q], {'reduction': 'none'}, grad=g))
        if q not in (0.0, 1.0):
            out.append(case(f'binary-half-q{q!r}', 'binaryCrossEntropy', [0.5], [q], grad=g))
    out.append(case('binary-zero-times-log-zero', 'binaryCrossEntropy', [0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0]))
    rows = [[1e-300, 1.0, 0.0], [1 - e53, e53, 0.0], [0.0, 1e-16, 1 - 1e-16], [1.0, 0.0, 0.0]]
    for i, r in enumerate(rows):
        for y in range(3):
            out.append(case(f'categorical-row{i}-label{y}', 'categoricalCrossEntropy', y, r))
    out.append(case('categorical-dist-zero-on-zero', 'categoricalCrossEntropy', [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[0.0, 1.0, 0.0], [1e-300, 0.0, 1.0]], {'reduction': 'none'}))
    out.append(case('categorical-focal-extreme', 'categoricalFocalLoss', [0, 1, 2], rows[:3], {'reduction': 'none', 'gamma': 2.0}))
    out.append(case('categorical-focal-gamma-small', 'categoricalFocalLoss', [1, 1], [[1e-300, 1.0, 0.0], [1 - e53, e53, 0.0]], {'reduction': 'none', 'gamma': 0.25}))
    out.append(case('binary-focal-extreme', 'binaryFocalLoss', [1.0, 0.0, 1.0, 0.0], [1e-300, 1e-300, 1 - e53, 1 - e53], {'reduction': 'none', 'gamma': 2.0}))
    for eps in (1e-7, 1e-3, 0.25):
        out.append(case(f'binary-epsilon-{eps:g}', 'binaryCrossEntropy', [1.0, 0.0, 1.0, 0.0, 0.7], [0.0, 1.0, 1e-300, 1 - e53, 0.6], {'epsilon': eps, 'reduction': 'none'}))
        out.append(case(f'categorical-epsilon-{eps:g}', 'categoricalCrossEntropy', [0, 1, 2], rows[:3], {'epsilon': eps, 'reduction': 'none'}))
        out.append(case(f'binary-focal-epsilon-{eps:g}', 'binaryFocalLoss', [1.0, 0.0, 1.0], [0.0, 1.0, 0.4], {'epsilon': eps}))
    out.append(case('kl-zero-zero', 'klDivergence', [[0.0, 1.0], [0.5, 0.5]], [[0.0, 1.0], [1e-300, 1.0]], {'reduction': 'none'}))
    out.append(case('kl-q-zero', 'klDivergence', [[0.5, 0.5]], [[0.0, 1.0]], grad=False))
    out.append(case('kl-epsilon', 'klDivergence', [[0.5, 0.5], [0.2, 0.8]], [[0.0, 1.0], [1e-300, 1.0]], {'epsilon': 1e-6, 'reduction': 'none'}))
    out.append(case('entropy-extreme', 'entropy', [[1e-300, 1.0], [1 - e53, e53], [0.0, 1.0]], None, {'reduction': 'none'}, grad=False))
    return out


def classes(rng):
    out = []
    out.append(case('C1-labels', 'softmaxCrossEntropy', [0, 0], [[3.0], [-1e300]]))
    out.append(case('C1-dist', 'categoricalCrossEntropy', [[1.0], [1.0]], [[1.0], [1.0]], {'reduction': 'none'}))
    out.append(case('C1-smoothing', 'softmaxCrossEntropy', [0], [[2.0]], {'labelSmoothing': 0.3}))
    for C in (2, 3, 10, 100, 1000):
        n = 3 if C < 1000 else 2
        x = logits(rng, n, C, scale=3.0)
        y = rng.integers(0, C, n).tolist()
        out.append(case(f'C{C}-labels', 'softmaxCrossEntropy', y, x, {'reduction': 'none'}))
        out.append(case(f'C{C}-smoothing', 'softmaxCrossEntropy', y, x, {'labelSmoothing': 0.1}))
        out.append(case(f'C{C}-dist', 'softmaxCrossEntropy', dirichlet(rng, n, C, 0.5), x))
        out.append(case(f'C{C}-categorical', 'categoricalCrossEntropy', y, dirichlet(rng, n, C, 1.0)))
        if C <= 100:
            out.append(case(f'C{C}-focal', 'softmaxFocalLoss', y, x, {'gamma': 1.5}))
            out.append(case(f'C{C}-kl-logits', 'klDivergence', dirichlet(rng, n, C), x, {'from': 'logits'}))
    return out


def ties(rng):
    out = []
    for C in (2, 3, 4, 7):
        for v in (0.0, 1e4, -1e4, 1e300, -1e300):
            out.append(case(f'equal-C{C}-{v:g}', 'softmaxCrossEntropy', C - 1, [v] * C))
    out.append(case('two-max-tied', 'softmaxCrossEntropy', [0, 2], [[5.0, 5.0, 1.0], [5.0, 5.0, 1.0]], {'reduction': 'none'}))
    out.append(case('tied-with-neg-inf', 'softmaxCrossEntropy', [1, 2], [[-INF, 2.0, 2.0], [-INF, 2.0, 2.0]], {'reduction': 'none'}))
    out.append(case('three-inf', 'softmaxCrossEntropy', [0, 3], [[INF, INF, INF, 0.0], [INF, INF, INF, 0.0]], {'reduction': 'none'}, grad=False))
    out.append(case('tied-focal', 'softmaxFocalLoss', [0, 1], [[1.0, 1.0, 1.0], [1e4, 1e4, 1e4]], {'reduction': 'none'}))
    out.append(case('uniform-categorical', 'categoricalCrossEntropy', [0, 1, 2, 3], [[0.25] * 4] * 4))
    out.append(case('uniform-entropy', 'entropy', [[0.25] * 4, [0.5, 0.5, 0.0, 0.0]], None, {'reduction': 'none', 'base': 2}, grad=False))
    out.append(case('sigmoid-zero', 'sigmoidCrossEntropy', [0.0, 1.0, 0.5], [0.0, 0.0, 0.0], {'reduction': 'none'}))
    out.append(case('kl-equal', 'klDivergence', [[0.3, 0.7], [0.25, 0.75]], [[0.3, 0.7], [0.25, 0.75]]))
    out.append(case('kl-logits-tied', 'klDivergence', [[0.5, 0.5]], [[1e300, 1e300]], {'from': 'logits'}))
    return out
