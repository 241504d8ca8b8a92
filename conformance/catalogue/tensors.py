"""Variables and tensors: creation, values, updates, introspection (checks: suite/test_tensors.py)."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'variables and tensors'

ENTRIES = (
    Entry('variable', 'value, dtype=None, name=None, constraint=None', availability='required'),
    Entry('constant', 'value, dtype=None, shape=None, name=None'),
    Entry('eval', 'x'),
    Entry('get_value', 'x'),
    Entry('batch_get_value', 'tensors'),
    Entry('set_value', 'x, value'),
    Entry('batch_set_value', 'tuples'),
    Entry('update', 'x, new_x'),
    Entry('update_add', 'x, increment'),
    Entry('update_sub', 'x, decrement'),
    Entry('shape', 'x'),
    Entry('int_shape', 'x'),
    Entry('ndim', 'x'),
    Entry('dtype', 'x'),
    Entry('is_variable', 'x', availability='classic'),
    Entry('is_tensor', 'x', availability='classic'),
    Entry('count_params', 'x'),
    Entry('zeros', 'shape, dtype=None, name=None'),
    Entry('ones', 'shape, dtype=None, name=None'),
    Entry('eye', 'size, dtype=None, name=None'),
    Entry('zeros_like', 'x, dtype=None, name=None'),
    Entry('ones_like', 'x, dtype=None, name=None'),
    Entry('identity', 'x, name=None', availability='classic'),
    Entry('cast', 'x, dtype'),
    Entry('get_variable_shape', 'x', availability='classic'),
)
