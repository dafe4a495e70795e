"""Writes fixtures/<regime>.json: the 50-digit reference of every case of every regime.

Usage: python3 generate/generate.py [regime ...]   (all regimes when none is named)
       pnpm --filter @xent/conformance fixtures
XENT_FIXTURES_OUT=<dir> writes elsewhere (the package's test compares a fresh run with the committed files).

Each file is {"meta": {...}, "cases": [...]}; `meta` names the tool, its version, the precision and the
seed. Every regime draws from its own generator (seed + its index), so regenerating one regime leaves
the others byte-identical.
"""

import json
import os
import platform
import sys
import time

import mpmath
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import regimes_special  # noqa: E402
import regimes_structure  # noqa: E402
import regimes_values  # noqa: E402
from reference import mp  # noqa: E402

SEED = 20261203

REGIMES = {
    'moderate': (regimes_values.moderate, 'random logits, probabilities and targets of order 1; the worked example'),
    'large-logits': (regimes_values.large_logits, '|logit| from 1e4 to 1e300 and ±Infinity'),
    'probabilities-extreme': (regimes_values.probabilities_extreme, 'probabilities 0, 1, 1e-300, 1 - 2^-53, subnormal; epsilon clipping'),
    'classes': (regimes_values.classes, 'C from 1 to 1000'),
    'ties': (regimes_values.ties, 'equal logits (0, ±1e4, ±1e300), tied maxima, several +Infinity'),
    'axes': (regimes_structure.axes, 'rank 1 to 4, class axis first, middle, last and negative'),
    'options': (regimes_structure.options, 'every option of every function, every reduction, onEmpty, validate'),
    'focal': (regimes_special.focal, 'gamma 0 to 5, alpha scalar and per class, saturated predictions'),
    'kl-entropy': (regimes_special.kl_entropy, 'KL and entropy: reductions, near-equal distributions, normalisation slack, base'),
    'primitives': (regimes_special.primitives, 'logSumExp, logSoftmax, softmax, logSigmoid, sigmoid over every range'),
}

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.environ.get('XENT_FIXTURES_OUT') or os.path.join(HERE, '..', 'fixtures')


def meta(regime, index, description):
    return {
        'regime': regime,
        'description': description,
        'tool': 'mpmath',
        'version': mpmath.__version__,
        'precision': f'{mp.dps} significant decimal digits (mp.dps), each result rounded once to float64',
        'seed': SEED + index,
        'rng': f'numpy.random.default_rng (numpy {np.__version__})',
        'python': platform.python_version(),
        'generator': 'packages/conformance/generate/generate.py (formulas: generate/reference.py)',
        'float32': 'expected_f32 / grad_f32: the same reference on inputs and options rounded to float32; '
        'f32_skip where an input does not fit float32',
        'conventions': 'strings "Infinity", "-Infinity", "NaN" stand for those numbers; expected {"error": CODE} '
        'is an XentError; grad is d value / d predictions (for reduction none: of the sum)',
    }


def main(names):
    os.makedirs(OUT, exist_ok=True)
    for index, (name, (build, description)) in enumerate(REGIMES.items()):
        if names and name not in names:
            continue
        start = time.time()
        cases = build(np.random.default_rng(SEED + index))
        ids = [c['id'] for c in cases]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise SystemExit(f'{name}: duplicate case ids {sorted(dup)}')
        doc = {'meta': meta(name, index, description), 'cases': cases}
        path = os.path.join(OUT, f'{name}.json')
        with open(path, 'w') as f:
            json.dump(doc, f, allow_nan=False, separators=(',', ':'))
            f.write('\n')
        size = os.path.getsize(path)
        print(f'{name}: {len(cases)} cases, {size / 1024:.0f} KiB, {time.time() - start:.1f} s')


if __name__ == '__main__':
    main(sys.argv[1:])
