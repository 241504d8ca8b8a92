"""Broken on purpose: zeros_like defaults to floatx instead of the argument's dtype (classic Keras 2.3)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import floatx as _floatx
from reference_backend import zeros_like as _zeros_like

BROKEN_ENTRY = 'zeros_like'
EXPECTED_MESSAGE = 'expected dtype int32'
OPTIONS = ("--contract=tf_keras",)  # classic Keras 2.3 answers this way


def zeros_like(x, dtype=None, name=None):
    return _zeros_like(x, dtype=dtype or _floatx(), name=name)
