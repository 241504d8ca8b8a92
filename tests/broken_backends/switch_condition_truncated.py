"""Broken on purpose: switch casts a float condition to an integer before testing it,
so 0.5 and NaN count as false (tf_keras casts straight to bool: any non-zero is true)."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import conditionals as _conditionals

BROKEN_ENTRY = 'switch'
EXPECTED_MESSAGE = 'cast to bool'


def switch(condition, then_expression, else_expression):
    with np.errstate(invalid="ignore"):
        truncated = _conditionals.op(lambda c: np.nan_to_num(np.asarray(c), nan=0.0).astype("int64"))(condition)
    return _conditionals.switch(truncated, then_expression, else_expression)
