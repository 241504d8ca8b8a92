"""Broken on purpose: switch blends the branches as cond * then + (1 - cond) * else, as
classic Keras' numpy backend did: a NaN or inf in the unselected branch leaks into the result."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import conditionals as _conditionals

BROKEN_ENTRY = 'switch'
EXPECTED_MESSAGE = 'NaN'


@_conditionals.op
def _blend(condition, then_value, else_value):
    c = np.asarray(condition).astype(bool)
    if c.ndim >= 2:
        c = c.reshape(c.shape + (1,) * (np.ndim(then_value) - c.ndim))
    c = c.astype(np.asarray(then_value).dtype)
    with np.errstate(invalid="ignore"):
        return c * then_value + (1 - c) * else_value


def switch(condition, then_expression, else_expression):
    then_value = then_expression() if callable(then_expression) else then_expression
    else_value = else_expression() if callable(else_expression) else else_expression
    if _conditionals._rank(condition) > _conditionals._rank(then_value):
        raise ValueError("Rank of `condition` should be less than or equal to rank of `then_expression`")
    return _blend(condition, then_value, else_value)
