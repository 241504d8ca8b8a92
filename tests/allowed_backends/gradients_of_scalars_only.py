"""gradients refuses a loss that is not a scalar (Keras 2: "loss: Scalar tensor to minimize"; Theano)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import gradients as _gradients
from reference_backend import ndim as _ndim


def gradients(loss, variables):
    if _ndim(loss) != 0:
        raise TypeError("cost must be a scalar.")
    return _gradients(loss, variables)
