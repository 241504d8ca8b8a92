"""Broken on purpose: std of bool input answers float64 (numpy's default) instead of floatx."""

import warnings

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.reductions import _axes

BROKEN_ENTRY = 'std'
EXPECTED_MESSAGE = 'expected dtype'
OPTIONS = ("--contract=tf_keras",)  # classic Keras 2.3 answers this way


@_dispatch.op
def std(x, axis=None, keepdims=False):
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        result = np.std(x.astype(np.float64), axis=_axes(axis), keepdims=keepdims)
    return result if x.dtype == np.bool_ else result.astype(x.dtype)
