"""Broken for classic Keras 2.3 only: the configuration is a private copy, so keras.backend.set_floatx (the loader
keeps Keras' own setters and never copies a backend's) does not reach variable, the losses or the layouts."""

import reference_backend.config as _config
from reference_backend import *  # noqa: F401,F403

_config.keras_common = lambda: None  # never Keras' settings, even when its loader loads this module
