"""Reference values for the examples and worked-example tests of @xent/core and @xent/arrays.

Every value is computed with mpmath at 50 significant digits from the exact float64 inputs (mpf(float))
and rounded once to float64. The keys are the example expressions exactly as the TSDoc and README show
them; the doc tests evaluate each expression, compare it with the value printed in the comment, and
compare that printed value with this file. Run: python3 packages/core/test/reference/generate.py
"""
import json
import math
import os
import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 50
SEED = None  # no random inputs here

F = lambda x: mpf(float(x))  # noqa: E731  exact float64 input
ln = mpmath.log


def lse(xs):
    xs = [F(x) for x in xs]
    m = max(xs)
    return m + ln(sum(mpmath.exp(x - m) for x in xs))


def softplus(x):
    return ln(1 + mpmath.exp(F(x)))


def bce(t, q):
    t, q = F(t), F(q)
    a = -t * ln(q) if t != 0 else mpf(0)
    b = -(1 - t) * ln(1 - q) if t != 1 else mpf(0)
    return a + b


def sce(label, logits):
    return lse(logits) - F(logits[label])


def out(v):
    if isinstance(v, list):
        return [out(x) for x in v]
    return float(v)


LN2 = ln(2)
L51 = math.log(0.51)
L49 = math.log(0.49)
LOGIT51 = math.log(0.51 / 0.49)

arrays = {
    # the worked example (README's first example): −ln q nats, and bits
    "binaryCrossEntropy(1, 0.51)": bce(1, 0.51),
    "binaryCrossEntropy(1, 0.98)": bce(1, 0.98),
    "binaryCrossEntropy(1, 0.51, { base: 2 })": bce(1, 0.51) / LN2,
    "binaryCrossEntropy(1, 0.98, { base: 2 })": bce(1, 0.98) / LN2,
    "binaryCrossEntropy([1, 0], [0.51, 0.49], { reduction: 'none' })": [bce(1, 0.51), bce(0, 0.49)],
    "binaryCrossEntropy([1, 1], [0.51, 0.98])": (bce(1, 0.51) + bce(1, 0.98)) / 2,
    "sigmoidCrossEntropy(1, Math.log(0.51 / 0.49))": softplus(-LOGIT51),
    "sigmoidCrossEntropy(1, Math.log(0.51 / 0.49), { base: 2 })": softplus(-LOGIT51) / LN2,
    "sigmoidCrossEntropy(0, 0)": LN2,
    "categoricalCrossEntropy([1, 0], [0.51, 0.49])": -ln(F(0.51)),
    "categoricalCrossEntropy([1, 0], [0.51, 0.49], { base: 2 })": -ln(F(0.51)) / LN2,
    "categoricalCrossEntropy(0, [0.51, 0.49])": -ln(F(0.51)),
    "softmaxCrossEntropy(0, [Math.log(0.51), Math.log(0.49)])": sce(0, [L51, L49]),
    "softmaxCrossEntropy(0, [Math.log(0.51), Math.log(0.49)], { base: 2 })": sce(0, [L51, L49]) / LN2,
    "softmaxCrossEntropy([0, 2], [[2, 0.5, -1], [0.1, 0.2, 3]])": (sce(0, [2, 0.5, -1]) + sce(2, [0.1, 0.2, 3])) / 2,
    "softmaxCrossEntropy([[1, 0]], [[Math.log(0.51), Math.log(0.49)]])": sce(0, [L51, L49]),
    "klDivergence([1, 0], [0.51, 0.49])": -ln(F(0.51)),
    "klDivergence([0.5, 0.5], [0.5, 0.5])": mpf(0),
    "entropy([0.5, 0.5])": LN2,
    "entropy([0.5, 0.5], { base: 2 })": mpf(1),
    "nllLoss(0, [Math.log(0.51), Math.log(0.49)])": -F(L51),
    "softmaxFocalLoss(0, [0, 0])": LN2 / 4,
    "softmaxFocalLoss(0, [0, 0], { gamma: 0 })": LN2,
    "binaryFocalLoss(1, 0.51)": (1 - F(0.51)) ** 2 * -ln(F(0.51)),
    "categoricalFocalLoss([1, 0], [0.51, 0.49])": (1 - F(0.51)) ** 2 * -ln(F(0.51)),
    "sigmoidFocalLoss(1, 0)": LN2 / 4,
    "logSumExp([0, 0])": LN2,
    "logSumExp([1000, 1000])": 1000 + LN2,
    "logSoftmax([0, 0])": [-LN2, -LN2],
    "softmax([0, Math.log(3)])": [1 / (1 + mpmath.exp(F(math.log(3)))), mpmath.exp(F(math.log(3))) / (1 + mpmath.exp(F(math.log(3))))],
    "logSigmoid(0)": -LN2,
    "logSigmoid(-1000)": -softplus(1000),
    "sigmoid(0)": mpf(0.5),
    "sigmoid(Math.log(0.51 / 0.49))": 1 / (1 + mpmath.exp(-F(LOGIT51))),
    # README: multi-label with an uncertain label (−1, ignoreValue): mean over the 5 counted elements
    "binaryCrossEntropy([[1, 0, -1], [0, 1, 1]], [[0.8, 0.1, 0.5], [0.3, 0.6, 0.9]], { ignoreValue: -1 })": (
        bce(1, 0.8) + bce(0, 0.1) + bce(0, 0.3) + bce(1, 0.6) + bce(1, 0.9)
    ) / 5,
    # README: segmentation, [N=1, C=2, H=2, W=2] logits, axis 1, class weights [1, 3]:
    # Σ cw[y] CE / Σ cw[y] (PyTorch's weighted mean)
    "softmaxCrossEntropy([[[0, 1], [0, 0]]], [[[[2, -1], [1.5, 2.5]], [[-1, 0.5], [-0.5, -2]]]], { axis: 1, classWeights: [1, 3] })": (
        1 * sce(0, [2, -1]) + 3 * sce(1, [-1, 0.5]) + 1 * sce(0, [1.5, -0.5]) + 1 * sce(0, [2.5, -2])
    ) / 6,
    # README: ∂/∂x of softmax CE = softmax(x) − one-hot(1)
    "softmaxCrossEntropy.valueAndGrad(1, [0.5, 2, -1]).grad": [
        mpmath.exp(F(x) - lse([0.5, 2, -1])) - (1 if i == 1 else 0) for i, x in enumerate([0.5, 2, -1])
    ],
    # LossMeter example: batches [1, 1] vs [0.51, 0.98] and [0] vs [0.1], one mean over all three
    "a.value": (bce(1, 0.51) + bce(1, 0.98) + bce(0, 0.1)) / 3,
    "binaryCrossEntropy([1, 1, 0], [0.51, 0.98, 0.1])": (bce(1, 0.51) + bce(1, 0.98) + bce(0, 0.1)) / 3,
}

core = {
    "computeLoss('binaryCrossEntropy', { data: [1], shape: [] }, { data: [0.51], shape: [] }).value": bce(1, 0.51),
    "computePrimitive('logSumExp', { data: [0, 0], shape: [2] }).data[0]": LN2,
}


def write(path, values):
    meta = {
        "tool": "mpmath",
        "version": mpmath.__version__,
        "python": sys.version.split()[0],
        "precision": "50 significant digits (mp.dps = 50), rounded once to float64",
        "seed": SEED,
        "generator": "packages/core/test/reference/generate.py",
    }
    with open(path, "w") as f:
        json.dump({"meta": meta, "values": {k: out(v) for k, v in values.items()}}, f, indent=1)
        f.write("\n")


here = os.path.dirname(os.path.abspath(__file__))
write(os.path.join(here, "examples.json"), core)
write(os.path.join(here, "..", "..", "..", "arrays", "test", "reference", "examples.json"), arrays)
