"""Broken on purpose: softmax's gradient keeps only the diagonal of its Jacobian, s * (1 - s): the
per-entry suite's broken softmax (tests/broken_backends), in the classic reference Keras 2.3.1 loads."""

from broken_backends import softmax_gradient_diagonal_only as _broken

from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "dense_sgd_nesterov"
CULPRIT = "softmax"
softmax = _broken.softmax  # after the star import, which brings the reference's
