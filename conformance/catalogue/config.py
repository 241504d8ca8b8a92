"""Configuration: float type, fuzz factor, image data format (checks: suite/test_config.py)."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'config'

ENTRIES = (
    Entry('floatx', ''),
    Entry('set_floatx', 'value'),
    Entry('epsilon', ''),
    Entry('set_epsilon', 'value'),
    Entry('image_data_format', ''),
    Entry('set_image_data_format', 'data_format'),
    Entry('normalize_data_format', 'value', availability='classic'),
    Entry('cast_to_floatx', 'x', reads=('floatx',)),
    Entry('backend', ''),
    # Classic Keras 2.3 decorators choosing TF2's graph or eager mode; no-ops elsewhere.
    Entry('symbolic', 'func', availability='classic'),
    Entry('eager', 'func', availability='classic'),
)
