"""Turns a call (fn, targets, predictions, options) into a fixture case: the float64 reference on the
exact inputs and the float32 reference on the inputs and options rounded to float32 (SPEC "Accuracy"),
each with its gradient, serialised with the JSON conventions of the handed cases ("Infinity", "-Infinity",
"NaN" as strings; a result rounded once from 50 digits to the nearest double).
"""

import math

import mpmath
import numpy as np

from reference import SpecError, f32, reference

FLOAT32_MAX = float(np.finfo(np.float32).max)
FLOAT32_TINY = float(np.finfo(np.float32).tiny)

# options whose values are real numbers that a float32 adapter holds as float32
F32_OPTIONS = ('weights', 'classWeights', 'posWeight', 'labelSmoothing', 'gamma', 'alpha')


def num(v):
    """One number for JSON: an mpf/float rounded once to float64, non-finite values as strings."""
    if isinstance(v, mpmath.mpf):
        if mpmath.isnan(v):
            return 'NaN'
        if mpmath.isinf(v):
            return 'Infinity' if v > 0 else '-Infinity'
        x = float(v)  # round-to-nearest from 50 digits
        if math.isinf(x):
            raise ValueError(f'reference value {v} overflows float64')
        return x
    x = float(v)
    if math.isnan(x):
        return 'NaN'
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
        return int(v)
    return x


def tojson(v):
    if v is None:
        return None
    if isinstance(v, np.ndarray):
        if v.ndim == 0:
            return num(v[()])
        return [tojson(x) for x in v]
    if isinstance(v, (list, tuple)):
        return [tojson(x) for x in v]
    if isinstance(v, dict):
        return {k: tojson(x) for k, x in v.items()}
    if isinstance(v, (str, bool)):
        return v
    return num(v)


def round32(v):
    """Nested numbers rounded to float32 (integers kept: labels, ignoreIndex, axis)."""
    if isinstance(v, (list, tuple)):
        return [round32(x) for x in v]
    if isinstance(v, np.ndarray):
        return round32(v.tolist())
    if isinstance(v, (bool, str)) or v is None:
        return v
    if isinstance(v, (int, np.integer)):
        return int(v)
    return f32(v)


def flat(v):
    if isinstance(v, (list, tuple, np.ndarray)):
        out = []
        for x in v:
            out.extend(flat(x))
        return out
    return [v]


def fits_float32(values):
    """False when rounding to float32 changes what a value means: overflow to ±inf, underflow to 0 or a
    subnormal, or a probability that becomes exactly 0 or 1."""
    for v in values:
        if isinstance(v, str) or v is None:
            continue
        x = float(v)
        if not math.isfinite(x) or x == 0:
            continue
        y = f32(x)
        if math.isinf(y) or abs(y) < FLOAT32_TINY:
            return False
        if (y in (0.0, 1.0, -1.0)) and x != y:
            return False
    return True


def f32_inputs(fn, targets, predictions, options, label_targets):
    t = targets if label_targets else round32(targets)
    p = round32(predictions) if predictions is not None else None
    o = dict(options)
    for k in F32_OPTIONS:
        if k in o:
            o[k] = round32(o[k])
    return t, p, o


def run(fn, targets, predictions, options, use_f32):
    try:
        return reference(fn, targets, predictions, options, use_f32=use_f32)
    except SpecError as e:
        return {'error': e.code}


def is_labels(fn, targets, predictions):
    if fn not in ('softmaxCrossEntropy', 'categoricalCrossEntropy', 'softmaxFocalLoss', 'categoricalFocalLoss', 'nllLoss'):
        return False
    return np.ndim(targets) == np.ndim(predictions) - 1


def case(cid, fn, targets, predictions=None, options=None, note=None, grad=True):
    """A fixture case; `grad=False` leaves the gradient out (primitives, entropy, NaN results)."""
    options = dict(options or {})
    labels = is_labels(fn, targets, predictions)
    out = {'id': cid, 'fn': fn, 'targets': tojson(targets)}
    if predictions is not None:
        out['predictions'] = tojson(predictions)
    out['options'] = tojson(options) if options else None
    r = run(fn, targets, predictions, options, False)
    if 'error' in r:
        out['expected'] = {'error': r['error']}
    else:
        out['expected'] = tojson(r['value'])
        if grad and r.get('grad') is not None:
            out['grad'] = tojson(r['grad'])
        if r.get('abs_scale') is not None:
            out['abs_scale'] = tojson(r['abs_scale'])
        if r.get('den') is not None:
            out['den'] = tojson(r['den'])
    checked = flat(predictions) + ([] if labels else flat(targets))
    for k in ('weights', 'classWeights', 'posWeight'):
        if k in options:
            checked += flat(options[k])
    if not fits_float32(checked):
        out['f32_skip'] = 'an input or option does not fit float32 (overflow, underflow or rounding to 0 or 1)'
    else:
        t, p, o = f32_inputs(fn, targets, predictions, options, labels)
        r32 = run(fn, t, p, o, True)
        if 'error' in r32:
            out['expected_f32'] = {'error': r32['error']}
        else:
            out['expected_f32'] = tojson(r32['value'])
            if grad and r32.get('grad') is not None:
                out['grad_f32'] = tojson(r32['grad'])
            if r32.get('abs_scale') is not None:
                out['abs_scale_f32'] = tojson(r32['abs_scale'])
    if note:
        out['note'] = note
    return out
