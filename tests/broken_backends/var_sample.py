"""Broken on purpose: var is the sample variance (divides by n - 1) instead of the population variance."""

import warnings

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.reductions import _axes

BROKEN_ENTRY = 'var'
EXPECTED_MESSAGE = 'population variance'


@_dispatch.op
def var(x, axis=None, keepdims=False):
    x = x.astype(floatx()) if x.dtype == np.bool_ else x
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.var(x.astype(np.float64), axis=_axes(axis), keepdims=keepdims, ddof=1).astype(x.dtype)
