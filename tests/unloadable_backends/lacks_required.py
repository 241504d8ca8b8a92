"""A backend without placeholder and function (like tf.keras.backend under Keras 3)."""

from reference_backend import floatx, get_uid, variable  # noqa: F401
