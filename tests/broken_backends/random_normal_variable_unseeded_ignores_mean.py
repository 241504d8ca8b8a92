"""Broken on purpose, as Keras 2.3.1's Theano backend is: random_normal_variable has no ``seed``
parameter and centres its values on 0, ignoring ``mean``. The statistics are judged all the same,
on a call without ``seed``."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'random_normal_variable'
EXPECTED_MESSAGE = "random_normal_variable((200, 200), 3.0, 2.0, dtype=None): mean"


def random_normal_variable(shape, mean, scale, dtype=None, name=None):
    return _dispatch.Variable(_random._normal(shape, 0.0, scale, dtype, None), name=name or "Variable")
