"""Variables and tensors: creation, values, updates, introspection (checks: suite/test_tensors.py)."""

from __future__ import annotations

from hypothesis import strategies as st

from ..calls import Call, call
from ..contract import FLOAT_TYPES
from ..inputs import arrays, floats, unary
from .records import Entry

CATEGORY = 'variables and tensors'

# Creators make floatx() tensors by default (zeros_like and ones_like: in classic Keras 2.3; tf_keras keeps x's).
_FLOATX = ('floatx',)



def _float_casts(floatx: str) -> st.SearchStrategy[Call]:
    """``cast(x, dtype)`` from floatx to a float type, finite values (what carries a gradient); casts
    to and from integers and bool are the hand-written checks' (a NaN cast to an integer is undefined)."""
    return st.tuples(arrays(floatx, elements=floats(floatx)), st.sampled_from(FLOAT_TYPES)).map(lambda xd: call(*xd))


ENTRIES = (
    Entry('variable', 'value, dtype=None, name=None, constraint=None', availability='required', reads=_FLOATX),
    Entry('constant', 'value, dtype=None, shape=None, name=None', reads=_FLOATX),
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
    Entry('zeros', 'shape, dtype=None, name=None', reads=_FLOATX),
    Entry('ones', 'shape, dtype=None, name=None', reads=_FLOATX),
    Entry('eye', 'size, dtype=None, name=None', reads=_FLOATX),
    Entry('zeros_like', 'x, dtype=None, name=None', reads=_FLOATX),
    Entry('ones_like', 'x, dtype=None, name=None', reads=_FLOATX),
    Entry('identity', 'x, name=None', availability='classic', calls=unary()),
    Entry('cast', 'x, dtype', calls=_float_casts),
    Entry('get_variable_shape', 'x', availability='classic'),
)
