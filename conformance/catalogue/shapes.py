"""Shape manipulation: reshaping, joining, padding, indexing; and a tensor's size and sparsity.

Values do not matter to these entries (NaN and infinities are drawn too and
must be moved, not changed); shapes, axes and their negative forms, and empty
dimensions do. ``size``, ``is_sparse`` and ``to_dense`` sit here as questions
about a tensor's form (``is_sparse`` answers a Python bool: suite/test_shapes.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, call
from ..contract import DATA_FORMATS
from ..families import Answer
from ..inputs import arrays, shapes, unary
from .records import Entry, Example

CATEGORY = 'shape manipulation'

SIDE = st.integers(0, 3)
INDEX_TYPES = st.sampled_from(["int32", "int64"])


def _tensor(floatx: str, **shape_options: int) -> st.SearchStrategy[np.ndarray]:
    """A floatx array of a small shape (sides <= 3), NaN and infinities included."""
    return arrays(floatx, shapes(**{"max_side": 3, **shape_options}))


def _signed(draw: st.DrawFn, axis: int, rank: int) -> int:
    """``axis`` (in ``[0, rank)``) as is or in its negative form."""
    return axis - rank if draw(st.booleans()) else axis


@st.composite
def _gather_calls(draw: st.DrawFn, floatx: str) -> Call:
    reference = draw(_tensor(floatx, min_dims=1, max_dims=3, min_side=1))
    indices = draw(arrays(draw(INDEX_TYPES), shapes(max_dims=2, max_side=3),
                          elements=st.integers(0, len(reference) - 1)))
    return call(reference, indices)


@st.composite
def _concatenate_calls(draw: st.DrawFn, floatx: str) -> Call:
    base = list(draw(shapes(min_dims=1, max_dims=3, max_side=3)))
    axis = draw(st.integers(-len(base), len(base) - 1))
    tensors = []
    for _ in range(draw(st.integers(1, 3))):
        base[axis] = draw(SIDE)
        tensors.append(draw(arrays(floatx, tuple(base))))
    return call(tensors) if axis == -1 and draw(st.booleans()) else call(tensors, axis=axis)


@st.composite
def _reshape_calls(draw: st.DrawFn, floatx: str) -> Call:
    x = draw(_tensor(floatx, max_dims=4))
    target: list[int] = []
    sides: list[int] = draw(st.permutations(list(x.shape)))
    for side in sides:  # regroup x's sides: same element count
        if bool(target) and draw(st.booleans()):
            target[-1] *= side
        else:
            target.append(side)
    for _ in range(draw(st.integers(0, 2))):
        target.insert(draw(st.integers(0, len(target))), 1)
    if x.size and target and draw(st.booleans()):  # -1 is ambiguous for an empty tensor
        target[draw(st.integers(0, len(target) - 1))] = -1
    return call(x, tuple(target))


@st.composite
def _permute_calls(draw: st.DrawFn, floatx: str) -> Call:
    x = draw(_tensor(floatx, max_dims=4))
    return call(x, tuple(draw(st.permutations(range(x.ndim)))))


@st.composite
def _repeat_elements_calls(draw: st.DrawFn, floatx: str) -> Call:
    # rep >= 1 and a non-empty axis: tf_keras raises for the others (see the reference's docstring).
    shape = list(draw(shapes(min_dims=1, max_dims=3, max_side=3)))
    axis = draw(st.integers(0, len(shape) - 1))
    shape[axis] = max(shape[axis], 1)
    x = draw(arrays(floatx, tuple(shape)))
    return call(x, draw(st.integers(1, 3)), _signed(draw, axis, len(shape)))


def _repeat_calls(floatx: str) -> st.SearchStrategy[Call]:
    return st.tuples(_tensor(floatx, min_dims=2, max_dims=2), SIDE).map(lambda xn: call(*xn))


@st.composite
def _arange_calls(draw: st.DrawFn, floatx: str) -> Call:
    # Ints and halves: exact in float32, so counts and values leave no room for rounding.
    number = st.integers(-6, 6) | st.integers(-12, 12).map(lambda k: k / 2)
    dtype = draw(st.sampled_from([None, "int32", "int64", "float16", "float32", "float64"]))
    options = {} if dtype is None else {"dtype": dtype}
    start = draw(number)
    if draw(st.booleans()):
        return call(start, **options)
    step = draw(st.sampled_from([1, 2, 3, -1, -2, 0.5, 1.5, -0.5, -2.5]))
    stop = start + step * draw(st.integers(0, 12).map(lambda k: k / 2 if isinstance(step, float) else k // 2))
    return call(start, stop, step, **options) if draw(st.booleans()) else call(start, stop, step=step, **options)


@st.composite
def _tile_calls(draw: st.DrawFn, floatx: str) -> Call:
    # One multiple per axis: tf_keras' contract (classic also pads a shorter n; left unchecked).
    x = draw(_tensor(floatx, min_dims=1, max_dims=3))
    n = [draw(SIDE) for _ in range(x.ndim)]
    return call(x, n[0] if x.ndim == 1 and draw(st.booleans()) else n)


@st.composite
def _expand_dims_calls(draw: st.DrawFn, floatx: str) -> Call:
    x = draw(_tensor(floatx, max_dims=3))
    if draw(st.booleans()):
        return call(x)
    return call(x, draw(st.integers(-x.ndim - 1, x.ndim)))


@st.composite
def _squeeze_calls(draw: st.DrawFn, floatx: str) -> Call:
    shape = list(draw(shapes(min_dims=1, max_dims=4, max_side=3)))
    axis = draw(st.integers(0, len(shape) - 1))
    shape[axis] = 1
    return call(draw(arrays(floatx, tuple(shape))), _signed(draw, axis, len(shape)))


PAD = st.integers(0, 2)


@st.composite
def _temporal_padding_calls(draw: st.DrawFn, floatx: str) -> Call:
    x = draw(_tensor(floatx, min_dims=3, max_dims=3))
    if draw(st.booleans()):
        return call(x)
    return call(x, draw(st.sampled_from([tuple, list]))((draw(PAD), draw(PAD))))


def _spatial_padding_calls(spatial: int):
    """Calls of ``spatial_{spatial}d_padding``: default or drawn padding, and
    data_format absent, None or named (one of ``layouts``)."""
    @st.composite
    def draw_call(draw: st.DrawFn, floatx: str, layouts: tuple[str, ...] = DATA_FORMATS) -> Call:
        x = draw(_tensor(floatx, min_dims=spatial + 2, max_dims=spatial + 2, max_side=2 if spatial == 3 else 3))
        options: dict[str, Any] = {}
        if draw(st.booleans()):
            options["padding"] = tuple((draw(PAD), draw(PAD)) for _ in range(spatial))
        data_format = draw(st.sampled_from(["absent", None, *layouts]))
        if data_format != "absent":
            options["data_format"] = data_format
        return call(x, **options)
    return draw_call


@st.composite
def _stack_calls(draw: st.DrawFn, floatx: str) -> Call:
    shape = draw(shapes(max_dims=3, max_side=3))
    tensors = [draw(arrays(floatx, shape)) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        return call(tensors)
    return call(tensors, axis=draw(st.integers(-len(shape) - 1, len(shape))))


@st.composite
def _one_hot_calls(draw: st.DrawFn, floatx: str) -> Call:
    classes = draw(st.integers(0, 4))
    indices = draw(arrays(draw(INDEX_TYPES), shapes(max_dims=2, max_side=3), elements=st.integers(-2, classes + 1)))
    return call(indices, classes)


@st.composite
def _reverse_calls(draw: st.DrawFn, floatx: str) -> Call:
    x = draw(_tensor(floatx, min_dims=1, max_dims=3))
    axes = [_signed(draw, a, x.ndim) for a in draw(st.lists(st.integers(0, x.ndim - 1), max_size=x.ndim,
                                                             unique=True))]
    return call(x, axes[0] if len(axes) == 1 and draw(st.booleans()) else axes)


@st.composite
def _slice_calls(draw: st.DrawFn, floatx: str) -> Call:
    x = draw(_tensor(floatx, min_dims=1, max_dims=3))
    start = [draw(st.integers(0, side)) for side in x.shape]
    size = [draw(st.integers(0, side - begin) | st.just(-1)) for side, begin in zip(x.shape, start)]
    return call(x, start, size)


def _to_dense_calls(floatx: str) -> st.SearchStrategy[Call]:
    dtype = st.sampled_from([floatx, "int32"])
    return dtype.flatmap(lambda d: arrays(d, shapes(max_side=3))).map(lambda x: call(x))


def _ones(*shape: int) -> np.ndarray:
    return np.ones(shape)


_IMAGE = np.arange(4.0).reshape(1, 2, 2, 1)  # one 2x2 image of one channel (channels_last)

ENTRIES = (
    Entry('gather', 'reference, indices', calls=_gather_calls, examples=(
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([[2, 0]], dtype="int32")),
                np.array([[[5.0, 6.0], [1.0, 2.0]]]), why="rows of axis 0; shape indices.shape + reference.shape[1:]"),
        Example(call(_ones(3, 2), np.array([3], dtype="int32")), raises=Exception,
                why="an index past the end is an error, not wrapped"),
        Example(call(_ones(3, 2), np.array([-1], dtype="int32")), raises=Exception,
                why="a negative index is an error, not counted from the end"),
    )),
    Entry('concatenate', 'tensors, axis=-1', calls=_concatenate_calls, examples=(
        Example(call([np.array([[1.0, 2.0]]), np.array([[3.0, 4.0], [5.0, 6.0]])], axis=-2),
                np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), why="a negative axis counts from the end"),
        Example(call([np.array([[1.0], [2.0]]), np.array([[3.0, 4.0], [5.0, 6.0]])]),
                np.array([[1.0, 3.0, 4.0], [2.0, 5.0, 6.0]]), why="the default axis is the last"),
    )),
    Entry('reshape', 'x, shape', calls=_reshape_calls, examples=(
        Example(call(np.arange(6.0).reshape(2, 3), (3, -1)), np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]),
                why="row-major order; -1 takes the remaining size"),)),
    Entry('permute_dimensions', 'x, pattern', calls=_permute_calls, examples=(
        Example(call(np.arange(6.0).reshape(1, 2, 3), (2, 0, 1)), np.arange(6.0).reshape(1, 2, 3).transpose(2, 0, 1),
                why="result axis i is x's axis pattern[i] (not the inverse permutation)"),)),
    Entry('repeat_elements', 'x, rep, axis', calls=_repeat_elements_calls, examples=(
        Example(call(np.array([[1.0, 2.0]]), 2, 1), np.array([[1.0, 1.0, 2.0, 2.0]]),
                why="each element repeated in place, not the whole tensor tiled"),
        Example(call(np.array([1.0, 2.0]), 2, -1), np.array([1.0, 1.0, 2.0, 2.0]),
                why="a negative axis, of unknown size on the graph route"),)),
    Entry('repeat', 'x, n', calls=_repeat_calls, examples=(
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0]]), 3),
                np.array([[[1.0, 2.0]] * 3, [[3.0, 4.0]] * 3]), why="(batch, d) -> (batch, n, d)"),
        Example(call(np.array([[1.0, 2.0]]), 0), np.zeros((1, 0, 2)), why="n = 0: an empty middle axis"),
        Example(call(_ones(2, 2, 2), 2), raises=Exception, why="rank 3 is not allowed"),
        Example(call(_ones(2), 2), raises=Exception, why="rank 1 is not allowed"),
    )),
    Entry('arange', "start, stop=None, step=1, dtype='int32'", calls=_arange_calls,
          routes=("eager",),  # no tensor argument: nothing to feed as a placeholder
          examples=(
              Example(call(-20), np.array([], dtype="int32"), why="Theano convention: a negative stop alone is empty"),
              Example(call(-2.5), np.array([], dtype="int32"), why="a negative float stop alone: empty, int32"),
              Example(call(0, 10, 1.5), np.arange(0.0, 10.0, 1.5), dtype="float32",
                      why="float arguments with the default dtype give float32, whatever floatx"),
              Example(call(2.5), np.array([0.0, 1.0, 2.0]), dtype="float32", why="a float stop alone: float32"),
              Example(call(-5, 5, 2), np.array([-5, -3, -1, 1, 3], dtype="int32"), why="negative start, int32"),
              Example(call(5, 0, -2), np.array([5, 3, 1], dtype="int32"), why="a negative step counts down"),
              Example(call(4, dtype="int64"), np.arange(4, dtype="int64"), why="an integer dtype is honoured"),
              Example(call(1, 4, dtype="float64"), np.array([1.0, 2.0, 3.0]), dtype="float64",
                      why="a float dtype is honoured, whatever floatx"),
          )),
    Entry('tile', 'x, n', calls=_tile_calls, examples=(
        Example(call(np.array([[1.0, 2.0]]), [2, 1]), np.array([[1.0, 2.0], [1.0, 2.0]]),
                why="whole copies along each axis"),
        Example(call(np.array([1.0, 2.0]), 2), np.array([1.0, 2.0, 1.0, 2.0]), why="an int n for a 1-D tensor"),
        Example(call(np.array([[1.0, 2.0]]), 2), raises=Exception, classic=Answer(np.array([[1.0, 2.0, 1.0, 2.0]])),
                why="fewer multiples than axes: tf_keras refuses them; classic Keras 2.3 pads them with ones "
                    "(TF231:2684, numpy_backend np.tile; Keras 2.3.1's test_tile)"),
    )),
    Entry('flatten', 'x', calls=unary(shape=shapes(max_side=3)), examples=(
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0]])), np.array([1.0, 2.0, 3.0, 4.0]), why="row-major order"),)),
    Entry('batch_flatten', 'x', calls=unary(shape=shapes(min_dims=1, max_side=3)), examples=(
        Example(call(np.arange(8.0).reshape(2, 2, 2)), np.arange(8.0).reshape(2, 4), why="(batch, prod(rest))"),
        Example(call(_ones(2, 0, 3)), np.zeros((2, 0)), why="an empty feature axis keeps the batch size"),
    )),
    Entry('expand_dims', 'x, axis=-1', calls=_expand_dims_calls, examples=(
        Example(call(np.array([1.0, 2.0])), np.array([[1.0], [2.0]]), why="the default is a new last axis"),
        Example(call(np.array([1.0, 2.0]), -2), np.array([[1.0, 2.0]]), why="a negative axis of the result"),
    )),
    Entry('squeeze', 'x, axis', calls=_squeeze_calls, examples=(
        Example(call(_ones(1, 2, 1), -1), np.ones((1, 2)), why="only the named axis goes"),
        Example(call(_ones(3, 2), 1), raises=Exception, why="an axis of size 2 cannot be squeezed"),
    )),
    Entry('temporal_padding', 'x, padding=(1, 1)', calls=_temporal_padding_calls, examples=(
        Example(call(np.array([[[1.0], [2.0]]])), np.array([[[0.0], [1.0], [2.0], [0.0]]]), why="default (1, 1)"),
        Example(call(np.array([[[1.0], [2.0]]]), (0, 2)), np.array([[[1.0], [2.0], [0.0], [0.0]]]),
                why="(left, right), in that order"),
    )),
    Entry('spatial_2d_padding', 'x, padding=((1, 1), (1, 1)), data_format=None',
          calls=_spatial_padding_calls(2), reads=('image_data_format',), examples=(
              Example(call(_IMAGE, ((1, 0), (0, 2)), data_format="channels_last"),
                      np.pad(_IMAGE, ((0, 0), (1, 0), (0, 2), (0, 0))), why="channels_last pads axes 1 and 2"),
              Example(call(_IMAGE.reshape(1, 1, 2, 2), ((1, 0), (0, 2)), data_format="channels_first"),
                      np.pad(_IMAGE.reshape(1, 1, 2, 2), ((0, 0), (0, 0), (1, 0), (0, 2))),
                      why="channels_first pads axes 2 and 3"),
              Example(call(_IMAGE, data_format="nhwc"), raises=ValueError, why="an unknown data_format"),
          )),
    Entry('spatial_3d_padding', 'x, padding=((1, 1), (1, 1), (1, 1)), data_format=None',
          calls=_spatial_padding_calls(3), reads=('image_data_format',), examples=(
              Example(call(_ones(1, 1, 1, 2, 1), ((0, 1), (1, 0), (0, 0)), data_format="channels_last"),
                      np.pad(_ones(1, 1, 1, 2, 1), ((0, 0), (0, 1), (1, 0), (0, 0), (0, 0))),
                      why="channels_last pads axes 1 to 3"),
              Example(call(_ones(1, 1, 1, 2, 1), ((0, 1), (1, 0), (0, 0)), data_format="channels_first"),
                      np.pad(_ones(1, 1, 1, 2, 1), ((0, 0), (0, 0), (0, 1), (1, 0), (0, 0))),
                      why="channels_first pads axes 2 to 4"),
              Example(call(_ones(1, 1, 1, 1, 1), data_format="nhwc"), raises=ValueError, why="an unknown data_format"),
          )),
    Entry('stack', 'x, axis=0', calls=_stack_calls, examples=(
        Example(call([np.array([1.0, 2.0]), np.array([3.0, 4.0])], axis=-1), np.array([[1.0, 3.0], [2.0, 4.0]]),
                why="axis -1 is a new last axis of the result"),)),
    Entry('one_hot', 'indices, num_classes', calls=_one_hot_calls, examples=(
        Example(call(np.array([0, -1, 3, 2], dtype="int32"), 3),
                np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 1.0]]), dtype="float32",
                why="float32 whatever floatx; negative and too large indices give zero rows"),)),
    Entry('reverse', 'x, axes', calls=_reverse_calls, examples=(
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0]]), [0, 1]), np.array([[4.0, 3.0], [2.0, 1.0]]),
                why="every axis of the list"),
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0]]), -1), np.array([[2.0, 1.0], [4.0, 3.0]]),
                why="an int axis, negative"),
    )),
    Entry('slice', 'x, start, size', availability='classic', calls=_slice_calls, examples=(
        Example(call(np.arange(12.0).reshape(3, 4), [1, 1], [2, -1]),
                np.array([[5.0, 6.0, 7.0], [9.0, 10.0, 11.0]]), why="size is an extent, -1 to the end"),
        Example(call(_ones(3, 4), [0], [1]), raises=ValueError, why="one start and size per axis"),
    )),
    Entry('size', 'x, name=None', availability='classic', calls=unary(shape=shapes(max_side=3)), examples=(
        Example(call(_ones(2, 3)), np.array(6, dtype="int32"), why="an int32 scalar"),)),
    Entry('is_sparse', 'tensor'),
    Entry('to_dense', 'tensor', calls=_to_dense_calls),
)
