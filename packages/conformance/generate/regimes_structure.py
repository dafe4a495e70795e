"""Fixture regimes by structure: axes (rank 1-4, class axis first, middle, last), options (every option of
every function, every reduction, onEmpty), focal (gamma, alpha), kl-entropy, primitives.
"""

import math

import numpy as np

from build import case
from regimes_values import dirichlet, logits

INF = math.inf
NAN = math.nan

SHAPES = {1: (4,), 2: (3, 4), 3: (2, 3, 4), 4: (2, 3, 2, 3)}


def dist_along(rng, shape, axis, conc=1.0):
    """Random distributions along `axis` of an array of `shape`."""
    moved = list(shape)
    c = moved.pop(axis)
    d = rng.dirichlet([conc] * c, size=int(np.prod(moved)) if moved else 1).reshape(*moved, c)
    return np.moveaxis(d, -1, axis).tolist() if moved else d.reshape(c).tolist()


def axes(rng):
    out = []
    for r, shape in SHAPES.items():
        positions = sorted({0, r // 2, r - 1, -1, -r})
        for axis in positions:
            a = axis % r
            pos = tuple(s for i, s in enumerate(shape) if i != a)
            C = shape[a]
            x = (rng.standard_normal(shape) * 2).tolist()
            y = rng.integers(0, C, pos).tolist() if pos else int(rng.integers(0, C))
            o = {'axis': axis, 'reduction': 'none'}
            tag = f'rank{r}-axis{axis}'
            out.append(case(f'{tag}-softmax-labels', 'softmaxCrossEntropy', y, x, o))
            out.append(case(f'{tag}-softmax-dist', 'softmaxCrossEntropy', dist_along(rng, shape, a), x, {'axis': axis}))
            q = dist_along(rng, shape, a, 2.0)
            out.append(case(f'{tag}-categorical-labels', 'categoricalCrossEntropy', y, q, {'axis': axis}))
            out.append(case(f'{tag}-softmax-focal', 'softmaxFocalLoss', y, x, {'axis': axis, 'gamma': 1.0}))
            out.append(case(f'{tag}-categorical-focal', 'categoricalFocalLoss', y, q, o))
            p = dist_along(rng, shape, a)
            out.append(case(f'{tag}-kl', 'klDivergence', p, q, o))
            out.append(case(f'{tag}-kl-logits', 'klDivergence', p, x, {'axis': axis, 'from': 'logits'}))
            out.append(case(f'{tag}-entropy', 'entropy', p, None, o, grad=False))
            lsm = np.moveaxis(np.asarray(x, dtype=float), a, -1)
            lsm = lsm - np.log(np.exp(lsm).sum(axis=-1, keepdims=True))
            out.append(case(f'{tag}-nll', 'nllLoss', y, np.moveaxis(lsm, -1, a).tolist(), {'axis': axis}))
    for r, shape in SHAPES.items():
        x = (rng.standard_normal(shape) * 2).tolist()
        t = rng.integers(0, 2, shape).astype(float).tolist()
        out.append(case(f'rank{r}-sigmoid', 'sigmoidCrossEntropy', t, x, {'reduction': 'none'}))
        out.append(case(f'rank{r}-binary-focal', 'binaryFocalLoss', t, rng.uniform(0.05, 0.95, shape).tolist()))
    return out


def options(rng):
    out = []
    x = logits(rng, 4, 3)
    y = [0, 2, 1, 2]
    red5 = ('mean', 'sum', 'none', 'sumOverCount', 'sumOverNonzeroWeights')
    # weights: per sample, containing a 0, under every reduction
    for red in red5:
        out.append(case(f'softmax-weights-{red}', 'softmaxCrossEntropy', y, x, {'weights': [0.5, 0.0, 2.0, 1.0], 'reduction': red}))
        out.append(case(f'softmax-classweights-{red}', 'softmaxCrossEntropy', y, x, {'classWeights': [1.0, 0.0, 3.0], 'reduction': red}))
        out.append(case(f'sigmoid-weights-{red}', 'sigmoidCrossEntropy', [[1.0, 0.0], [0.0, 1.0]], [[0.3, -1.2], [2.0, 0.1]], {'weights': [[2.0], [0.0]], 'reduction': red}))
    # weights broadcast by NumPy's rules: [N,1,1] per image for positions [N,H,W]; [W] right-aligned
    seg = (rng.standard_normal((2, 3, 2, 2)) * 2).tolist()
    segy = rng.integers(0, 3, (2, 2, 2)).tolist()
    out.append(case('seg-weights-per-image', 'softmaxCrossEntropy', segy, seg, {'axis': 1, 'weights': [[[1.0]], [[3.0]]]}))
    out.append(case('seg-weights-last-axis', 'softmaxCrossEntropy', segy, seg, {'axis': 1, 'weights': [0.25, 2.0]}))
    out.append(case('seg-weights-full', 'softmaxCrossEntropy', segy, seg, {'axis': 1, 'weights': rng.uniform(0, 2, (2, 2, 2)).tolist(), 'reduction': 'sum'}))
    out.append(case('weight-zero-on-infinite-loss', 'softmaxCrossEntropy', [0, 1], [[-INF, 0.0], [0.0, 1.0]], {'weights': [0.0, 1.0]}))
    out.append(case('weight-zero-on-nan', 'sigmoidCrossEntropy', [1.0, 0.0], [NAN, 0.5], {'weights': [0.0, 1.0], 'reduction': 'sum'}))
    out.append(case('binary-weights-scalar-like', 'binaryCrossEntropy', [[1.0, 0.0, 1.0]], [[0.9, 0.2, 0.4]], {'weights': [2.0]}))
    # classWeights: PyTorch's rule (denominator Σ s·cw[y]), distributions, smoothing, against an infinite log
    out.append(case('classweights-dist', 'softmaxCrossEntropy', dirichlet(rng, 4, 3), x, {'classWeights': [0.5, 2.0, 1.0]}))
    out.append(case('classweights-smoothing', 'softmaxCrossEntropy', y, x, {'classWeights': [0.5, 2.0, 1.0], 'labelSmoothing': 0.2}))
    out.append(case('classweights-and-weights', 'softmaxCrossEntropy', y, x, {'classWeights': [0.5, 2.0, 1.0], 'weights': [1.0, 2.0, 0.5, 1.0]}))
    out.append(case('classweight-zero-on-infinite-log', 'categoricalCrossEntropy', [0, 1], [[0.0, 1.0], [0.5, 0.5]], {'classWeights': [0.0, 1.0], 'reduction': 'sum'}))
    out.append(case('categorical-classweights', 'categoricalCrossEntropy', [2, 0, 1], dirichlet(rng, 3, 3, 2.0), {'classWeights': [1.0, 2.0, 4.0]}))
    # posWeight: scalar, one per label, 0
    tb = [[1.0, 0.0, 1.0], [0.0, 1.0, 0.5]]
    zb = [[0.5, -2.0, 3.0], [1.0, -0.5, 0.0]]
    pb = [[0.7, 0.1, 0.95], [0.4, 0.35, 0.5]]
    for pw, tag in ((3.0, 'scalar'), ([1.0, 0.0, 5.0], 'per-label')):
        out.append(case(f'sigmoid-posweight-{tag}', 'sigmoidCrossEntropy', tb, zb, {'posWeight': pw}))
        out.append(case(f'binary-posweight-{tag}', 'binaryCrossEntropy', tb, pb, {'posWeight': pw, 'reduction': 'none'}))
    out.append(case('posweight-zero-on-infinite-log', 'binaryCrossEntropy', [1.0, 0.0], [0.0, 0.5], {'posWeight': 0.0}))
    # ignoreIndex (out of range and in range), with smoothing; ignoreValue
    out.append(case('ignore-index-smoothing', 'softmaxCrossEntropy', [0, -100, 2, -100], x, {'ignoreIndex': -100, 'labelSmoothing': 0.1}))
    out.append(case('ignore-index-in-range-none', 'softmaxCrossEntropy', y, x, {'ignoreIndex': 2, 'reduction': 'none'}))
    out.append(case('ignore-index-count', 'softmaxCrossEntropy', [0, -1, 2, 1], x, {'ignoreIndex': -1, 'reduction': 'sumOverCount', 'weights': [1.0, 1.0, 0.0, 2.0]}))
    out.append(case('ignore-index-categorical', 'categoricalCrossEntropy', [0, 255, 1], dirichlet(rng, 3, 3, 2.0), {'ignoreIndex': 255}))
    out.append(case('ignore-index-nll', 'nllLoss', [1, -100], [[-0.5, -1.2, -2.3], [-1.0, -1.0, -1.5]], {'ignoreIndex': -100, 'reduction': 'sum'}))
    out.append(case('ignore-value', 'sigmoidCrossEntropy', [[1.0, -1.0, 0.0], [-1.0, 1.0, 1.0]], zb, {'ignoreValue': -1}))
    out.append(case('ignore-value-binary-none', 'binaryCrossEntropy', [[1.0, -1.0, 0.0], [-1.0, 1.0, 1.0]], pb, {'ignoreValue': -1, 'reduction': 'none'}))
    # labelSmoothing 0, 0.1, 1 in every family
    for ls in (0.0, 0.1, 1.0):
        out.append(case(f'smoothing-{ls}-softmax', 'softmaxCrossEntropy', y, x, {'labelSmoothing': ls}))
        out.append(case(f'smoothing-{ls}-softmax-dist', 'softmaxCrossEntropy', dirichlet(rng, 4, 3), x, {'labelSmoothing': ls}))
        out.append(case(f'smoothing-{ls}-categorical', 'categoricalCrossEntropy', y, dirichlet(rng, 4, 3, 2.0), {'labelSmoothing': ls}))
        out.append(case(f'smoothing-{ls}-sigmoid', 'sigmoidCrossEntropy', tb, zb, {'labelSmoothing': ls}))
        out.append(case(f'smoothing-{ls}-binary', 'binaryCrossEntropy', tb, pb, {'labelSmoothing': ls}))
        out.append(case(f'smoothing-{ls}-nll', 'nllLoss', [1, 0], [[-0.5, -1.2, -2.3], [-1.0, -1.0, -1.5]], {'labelSmoothing': ls}))
    # epsilon at moderate values
    out.append(case('epsilon-categorical', 'categoricalCrossEntropy', [0, 1], [[0.001, 0.999], [0.3, 0.7]], {'epsilon': 0.01}))
    out.append(case('epsilon-categorical-focal', 'categoricalFocalLoss', [0, 1], [[0.001, 0.999], [0.3, 0.7]], {'epsilon': 0.01, 'reduction': 'none'}))
    # base
    for b in (2, 10, 0.5):
        out.append(case(f'base-{b}-softmax', 'softmaxCrossEntropy', y, x, {'base': b}))
        out.append(case(f'base-{b}-sigmoid', 'sigmoidCrossEntropy', tb, zb, {'base': b, 'reduction': 'none'}))
        out.append(case(f'base-{b}-binary-focal', 'binaryFocalLoss', tb, pb, {'base': b}))
    # onEmpty: all ignored, all weights 0, empty input; every scalar reduction
    for red in ('mean', 'sumOverCount', 'sumOverNonzeroWeights'):
        for oe in ('zero', 'nan', 'throw'):
            o = {'reduction': red, 'onEmpty': oe}
            g = oe != 'nan'
            out.append(case(f'empty-ignored-{red}-{oe}', 'softmaxCrossEntropy', [-100, -100], [[1.0, 2.0], [0.0, 3.0]], {**o, 'ignoreIndex': -100}, grad=g))
            out.append(case(f'empty-input-{red}-{oe}', 'sigmoidCrossEntropy', [], [], o, grad=g))
            out.append(case(f'empty-ignore-value-{red}-{oe}', 'binaryFocalLoss', [-1.0, -1.0], [0.2, 0.9], {**o, 'ignoreValue': -1}, grad=g))
        out.append(case(f'zero-weights-{red}', 'binaryCrossEntropy', [1.0, 0.0], [0.2, 0.9], {'reduction': red, 'weights': [0.0, 0.0], 'onEmpty': 'nan'}, grad=False))
    for red in ('sum', 'none'):
        out.append(case(f'empty-input-{red}-throw-no-effect', 'sigmoidCrossEntropy', [], [], {'reduction': red, 'onEmpty': 'throw'}))
    out.append(case('classweight-zero-nonzero-count', 'softmaxCrossEntropy', y, x, {'classWeights': [1.0, 1.0, 0.0], 'reduction': 'sumOverNonzeroWeights'}))
    # the remaining options of nllLoss, the categorical pair, KL and entropy
    lsm = [[-0.5, -1.2, -2.3], [-1.0, -1.0, -1.5], [-0.1, -3.0, -2.6]]
    out.append(case('nll-classweights-weights', 'nllLoss', [1, 0, 2], lsm, {'classWeights': [1.0, 2.0, 0.5], 'weights': [1.0, 0.0, 3.0], 'reduction': 'sumOverNonzeroWeights'}))
    out.append(case('nll-base-2-none', 'nllLoss', [2, 0, 1], lsm, {'base': 2, 'reduction': 'none'}))
    out.append(case('categorical-weights-dist-base', 'categoricalCrossEntropy', dirichlet(rng, 3, 3), dirichlet(rng, 3, 3, 2.0), {'weights': [2.0, 0.5, 1.0], 'base': 2}))
    out.append(case('categorical-focal-ignore-alpha', 'categoricalFocalLoss', [1, 255, 0], dirichlet(rng, 3, 3, 2.0), {'ignoreIndex': 255, 'alpha': [0.25, 0.5, 1.0], 'reduction': 'sumOverCount'}))
    out.append(case('softmax-focal-base-sum', 'softmaxFocalLoss', y, x, {'base': 10, 'reduction': 'sum', 'weights': [1.0, 0.5, 0.0, 2.0]}))
    out.append(case('sigmoid-focal-smoothing-posweight', 'sigmoidFocalLoss', tb, zb, {'labelSmoothing': 0.2, 'posWeight': [0.0, 2.0, 1.0], 'base': 2}))
    out.append(case('kl-logits-weights-base', 'klDivergence', dirichlet(rng, 2, 3), [[0.5, -1.0, 2.0], [0.0, 0.0, 0.0]], {'from': 'logits', 'weights': [3.0, 1.0], 'base': 10}))
    for oe in ('zero', 'nan', 'throw'):
        out.append(case(f'entropy-zero-weights-{oe}', 'entropy', [[0.5, 0.5]], None, {'weights': [0.0], 'onEmpty': oe}, grad=False))
        out.append(case(f'kl-zero-weights-{oe}', 'klDivergence', [[0.5, 0.5]], [[0.2, 0.8]], {'weights': [0.0], 'onEmpty': oe}, grad=oe != 'nan'))
    # validate: false skips value checks only; valid input gives the same value
    out.append(case('validate-false', 'softmaxCrossEntropy', y, x, {'validate': False}))
    out.append(case('validate-false-row-off', 'categoricalCrossEntropy', [0, 1], [[0.5, 0.499], [0.2, 0.8]], {'validate': False}))
    out.append(case('validate-true-row-off', 'categoricalCrossEntropy', [0, 1], [[0.5, 0.499], [0.2, 0.8]], grad=False))
    return out
