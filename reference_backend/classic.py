"""The reference backend as classic multi-backend Keras 2.2/2.3 specifies it.

``reference_backend`` follows tf_keras; where classic Keras 2.3 (its docstrings,
its backends, its ``numpy_backend``, its own tests) says otherwise, this module
holds the classic answer, and imports everything else from the reference. It is
a backend of its own (``KERAS_BACKEND=reference_backend.classic``), and the
conformance suite's oracle for the classic family. Each entry below states the
classic contract and where it differs from tf_keras.
"""

from __future__ import annotations

from . import *  # noqa: F403 - every entry the families agree on
from . import __all__ as _all

__all__ = list(_all)
