"""Broken on purpose: binary_focal_crossentropy's gradient is the plain cross-entropy's, as if gamma were 0
(neither the focal factor (1 - p_t) ** gamma nor its derivative); the forward is the reference's."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import losses as _losses

BROKEN_ENTRY = 'binary_focal_crossentropy'
EXPECTED_MESSAGE = 'gradients(sum(binary_focal_crossentropy('


@_dispatch.op
def binary_focal_crossentropy(target, output, apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False):
    return _losses.binary_focal_crossentropy.__wrapped__(target, output, apply_class_balancing, alpha, gamma,
                                                         from_logits)


@binary_focal_crossentropy.gradient("target", "output")
def _binary_focal_crossentropy_gradient(cotangent, result, target, output, apply_class_balancing, alpha, gamma,
                                        from_logits):
    return _losses._binary_focal_crossentropy_gradient(cotangent, result, target, output, apply_class_balancing,
                                                       alpha, 0.0, from_logits)
