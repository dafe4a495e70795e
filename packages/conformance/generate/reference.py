"""Independent 50-digit reference of every SPEC.md formula (losses, reductions, gradients, primitives).

This module validates the weight and base options and dispatches; the formulas live in ref_softmax.py,
ref_sigmoid.py, ref_divergence.py and ref_primitives.py, the shared pieces in ref_common.py.

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

import numpy as np

from ref_common import SpecError, f32, mp  # noqa: F401  (re-exported for build.py and generate.py)
from ref_divergence import divergence
from ref_primitives import primitive
from ref_sigmoid import sigmoid_family
from ref_softmax import KIND, softmax_family


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
