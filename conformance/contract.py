"""Terms of the Keras 2 contract that every layer of the suite shares.

The catalogue, the input strategies, the comparison, the baseline format and
the options all speak of float types, image data formats, tolerances and the
two families of Keras 2; they take them from here, so each is said once.
"""

from __future__ import annotations

from enum import Enum


class Word(str, Enum):
    """An enum member that is its own string: ``str()``, f-strings and JSON give its value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Family(Word):
    """A family of Keras 2: where they differ, a backend follows one of them."""

    TF_KERAS = "tf_keras"  # Keras 2 on TensorFlow 2 (tf_keras 2.x, tf.keras of TF 2.4-2.15)
    CLASSIC = "keras-2.3"  # classic multi-backend Keras 2.2/2.3: keras.json backends, Theano, CNTK, third parties


class Contract(Word):
    """What a run holds a backend to (``--contract``)."""

    KERAS_2 = "keras-2"  # what both families agree on; where they differ, either family's behaviour
    TF_KERAS = "tf_keras"  # tf_keras' behaviour everywhere
    CLASSIC = "keras-2.3"  # classic Keras 2.3's behaviour everywhere

    @property
    def families(self) -> tuple[Family, ...]:
        """The families whose behaviour passes under this contract."""
        if self is Contract.TF_KERAS:
            return (Family.TF_KERAS,)
        if self is Contract.CLASSIC:
            return (Family.CLASSIC,)
        return (Family.TF_KERAS, Family.CLASSIC)


FLOAT_TYPES = ("float16", "float32", "float64")
"""The values of ``floatx()`` (Keras 2's ``set_floatx`` accepts these and nothing else)."""

DATA_FORMATS = ("channels_first", "channels_last")
"""The values of ``image_data_format()``."""

DEFAULT_TOLERANCE = 16
"""Relative (and absolute) tolerance of float results, in machine epsilons of
the result's dtype: 16 ulp absorb the rounding of a few chained operations
(float16: 0.0156, float32: 1.9e-6, float64: 3.6e-15). A record may ask for
more where an entry's numerics call for it, with the reason beside it."""
