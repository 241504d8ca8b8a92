"""Terms of the Keras 2 contract that every layer of the suite shares.

The catalogue, the input strategies, the comparison, the baseline format and
the options all speak of float types, image data formats and tolerances; they
take them from here, so each is said once.
"""

from __future__ import annotations

FLOAT_TYPES = ("float16", "float32", "float64")
"""The values of ``floatx()`` (Keras 2's ``set_floatx`` accepts these and nothing else)."""

DATA_FORMATS = ("channels_first", "channels_last")
"""The values of ``image_data_format()``."""

DEFAULT_TOLERANCE = 16
"""Relative (and absolute) tolerance of float results, in machine epsilons of
the result's dtype: 16 ulp absorb the rounding of a few chained operations
(float16: 0.0156, float32: 1.9e-6, float64: 3.6e-15). A record may ask for
more where an entry's numerics call for it, with the reason beside it."""
