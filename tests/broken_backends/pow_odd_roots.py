"""Broken on purpose: pow takes real odd roots of negative bases: ``(-8) ** 0.5`` is ``-sqrt(8)``, not NaN."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'pow'
EXPECTED_MESSAGE = 'NaN placement differs'


@_dispatch.op
def pow(x, a):
    a = np.asarray(a, dtype=x.dtype)
    with np.errstate(all="ignore"):
        integral = np.equal(np.mod(a, 1), 0)
        return np.where(integral, np.power(x, a), np.sign(x) * np.power(np.abs(x), a)).astype(x.dtype)
