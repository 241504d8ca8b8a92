"""Broken on purpose: categorical_crossentropy clips at a fixed 1e-7, whatever epsilon() says."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import config as _config
from reference_backend import losses as _losses

BROKEN_ENTRY = 'categorical_crossentropy'
EXPECTED_MESSAGE = "categorical_crossentropy after set_epsilon(0.01)"


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    saved = _config.epsilon()
    _config.set_epsilon(1e-7)
    try:
        return _losses.categorical_crossentropy(target, output, from_logits=from_logits, axis=axis)
    finally:
        _config.set_epsilon(saved)
