"""Random tensors, random variables and dropout.

Their values are random, so no record draws calls to compare with the
reference: the statistical checks of ``conformance.suite.test_random`` judge
them. The records carry the signatures and dropout's pinned edge cases.
"""

from __future__ import annotations

import numpy as np

from ..calls import call
from .records import Entry, Example

CATEGORY = 'random'

# Random values are made in floatx() unless a dtype is given (dropout keeps x's dtype).
_FLOATX = ("floatx",)

# A dropout input with no zero, so a dropped value cannot hide among the kept ones.
_X = np.array([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]])

ENTRIES: tuple[Entry, ...] = (
    Entry("random_normal", "shape, mean=0.0, stddev=1.0, dtype=None, seed=None", reads=_FLOATX),
    Entry("random_uniform", "shape, minval=0.0, maxval=1.0, dtype=None, seed=None", reads=_FLOATX),
    Entry("random_bernoulli", "shape, p=0.0, dtype=None, seed=None", availability="tf_keras", reads=_FLOATX),
    Entry("random_binomial", "shape, p=0.0, dtype=None, seed=None", reads=_FLOATX),
    Entry("truncated_normal", "shape, mean=0.0, stddev=1.0, dtype=None, seed=None", reads=_FLOATX),
    # No tensor input: created eagerly only.
    Entry("random_uniform_variable", "shape, low, high, dtype=None, name=None, seed=None", routes=("eager",),
          reads=_FLOATX),
    Entry("random_normal_variable", "shape, mean, scale, dtype=None, name=None, seed=None", routes=("eager",),
          reads=_FLOATX),
    Entry("dropout", "x, level, noise_shape=None, seed=None", examples=(
        Example(call(_X, 0.0, seed=1), _X, why="level 0 keeps every value unscaled"),
        Example(call(_X, -0.5, seed=1), raises=ValueError, why="a negative level is refused"),
        Example(call(_X, 1.0, seed=1), raises=ValueError, why="level 1 (drop everything) is refused"),
        Example(call(_X, 1.5, seed=1), raises=ValueError, why="a level above 1 is refused"),
    )),
)
