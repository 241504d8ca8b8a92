"""No clear_session: classic Keras 2.3 imports it from TensorFlow and CNTK backends only (Theano has none)."""

from reference_backend import *  # noqa: F401,F403

del clear_session  # noqa: F821
