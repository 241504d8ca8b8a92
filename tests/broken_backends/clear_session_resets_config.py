"""Broken on purpose: clear_session also resets floatx, epsilon and the image format."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import config as _config
from reference_backend import session as _session

BROKEN_ENTRY = 'clear_session'
EXPECTED_MESSAGE = 'floatx() after clear_session()'


def clear_session():
    _session.clear_session()
    _config._FLOATX, _config._EPSILON, _config._IMAGE_DATA_FORMAT = 'float32', 1e-7, 'channels_last'
