"""The other answers classic Keras 2.3 accepted (``reference_backend.classic.CONVENTIONS``), and the
classic entries that differ from tf_keras', against the values Keras 2.3.1's own tests, its
numpy_backend and Theano 1.0.5 give."""

from __future__ import annotations

import numpy as np
import pytest

import reference_backend.classic as classic
from conformance.catalogue.ctc import KERAS_CTC_INPUTS, KERAS_CTC_LABELS
from conformance.compare import tolerance
from reference_backend.classic import CONVENTIONS


def _convention(entry: str, starting: str):
    return next(compute for what, compute in CONVENTIONS[entry] if what.startswith(starting))


# Keras 2.3.1's tests/keras/backend/backend_test.py, test_ctc (the catalogue's input): Theano's costs are
# [1.73308, 3.81351].
INPUTS = KERAS_CTC_INPUTS.astype(np.float32)


def test_theano_ctc_gives_keras_2_3_1s_own_values():
    cost = _convention("ctc_batch_cost", "Theano's CTC")(KERAS_CTC_LABELS, INPUTS, np.array([[5], [5]]),
                                                         np.array([[5], [4]]))
    assert cost.shape == (1, 2) and cost.dtype == np.float64
    np.testing.assert_allclose(cost[0], [1.73308, 3.81351], atol=1e-5)  # backend_test.py's own tolerance


def test_theano_ctc_rounds_the_smoothing_product_in_the_input_float_type():
    # Theano 1.0.5 answers 6.668548402724206e-05 here: 0.9999 * p in float32, then float64. Judged as the
    # suite judges float64 (16 epsilons, relative and absolute: numpy releases' log differ in the last
    # bits); smoothing in float64 throughout would give 6.666888898765192e-05, 1.7e-8 away.
    cost = _convention("ctc_batch_cost", "Theano's CTC")(
        np.array([[0, -1]]), np.array([[[1.0, 1.0]]], np.float32), np.array([[1]]), np.array([[1]]))
    np.testing.assert_allclose(cost, [[6.668548402724206e-05]], rtol=tolerance("float64"), atol=tolerance("float64"))


@pytest.mark.parametrize("indices, expected", [
    ([-1, 0], [[0.0, 1.0], [1.0, 0.0]]),   # Theano 1.0.5 and to_categorical count from the end
    ([1, -2], [[0.0, 1.0], [1.0, 0.0]]),
])
def test_classic_one_hot_indexes_as_numpy(indices, expected):
    np.testing.assert_array_equal(_convention("one_hot", "indices as numpy")(np.array(indices), 2), expected)


@pytest.mark.parametrize("indices", [[2], [-3]])
def test_classic_one_hot_refuses_an_index_out_of_range(indices):
    with pytest.raises(IndexError):
        _convention("one_hot", "indices as numpy")(np.array(indices), 2)


def _image(values, shape) -> np.ndarray:
    return np.array(values, np.float32).reshape(shape)


_X9 = _image(range(1, 10), (1, 3, 3, 1))  # [[1 2 3] [4 5 6] [7 8 9]], channels_last
_K4 = _image([1, 2, 3, 4], (2, 2, 1, 1))

# (entry, the convention's name starts with, args, kwargs, Theano 1.0.5's answer or the exception it raises);
# numpy_backend gives the same where a case says so.
THEANO_ANSWERS = [
    # TH231:2152-2159 pads axis 1 for causal padding: the channels under channels_first.
    ("conv1d", "causal padding pads", (_image([1, 2, 3], (1, 1, 3)), _image([10], (1, 1, 1))),
     dict(padding="causal", data_format="channels_first"), _image([10, 20, 30], (1, 1, 3))),
    ("conv1d", "causal padding pads", (_image([1, 2, 3], (1, 1, 3)), _image([1, 10], (2, 1, 1))),
     dict(padding="causal", data_format="channels_first"), ValueError),
    # Strides with dilation: Theano subsamples its dilated convolution (and flips the kernel).
    ("conv1d", "strides > 1", (_image(range(1, 6), (1, 5, 1)), _image([1, 0, 1], (3, 1, 1))),
     dict(strides=2, dilation_rate=2, data_format="channels_last"), _image([6], (1, 1, 1))),
    ("conv1d", "flipped kernels, strides", (_image(range(1, 6), (1, 5, 1)), _image([1, 10], (2, 1, 1))),
     dict(strides=2, dilation_rate=2, padding="causal", data_format="channels_last"), _image([1, 13, 35], (1, 3, 1))),
    ("conv2d", "flipped kernels, strides", (_X9, _image([1, 0, 0, 0], (2, 2, 1, 1))),
     dict(strides=(2, 2), dilation_rate=(2, 2), data_format="channels_last"), _image([9], (1, 1, 1, 1))),
    ("conv2d", "flipped kernels, strides", (_image(range(1, 50), (1, 1, 7, 7)), _image(range(1, 10), (3, 3, 1, 1))),
     dict(strides=(2, 2), dilation_rate=(2, 2), data_format="channels_first"),
     _image([501, 591, 1131, 1221], (1, 1, 2, 2))),
    ("conv3d", "flipped kernels, strides", (_image(range(1, 28), (1, 3, 3, 3, 1)),
                                            _image(range(1, 9), (2, 2, 2, 1, 1))),
     dict(strides=(2, 2, 2), dilation_rate=(2, 2, 2), data_format="channels_last"), _image([332], (1, 1, 1, 1, 1))),
    # padding='full' of transposed convolutions: the adjoint of the 'full' convolution, kernel flipped.
    ("conv2d_transpose", "flipped kernels, padding='full'", (_image([1, 2, 3, 4], (1, 2, 2, 1)),
                                                             _image([1, 10, 100, 1000], (2, 2, 1, 1)), (1, 1, 1, 1)),
     dict(padding="full", data_format="channels_last"), _image([4321], (1, 1, 1, 1))),
    ("conv2d_transpose", "flipped kernels, padding='full'", (_image(range(1, 17), (1, 4, 4, 1)),
                                                             _image([1, 10, 100, 1000], (2, 2, 1, 1)), (1, 6, 6, 1)),
     dict(strides=(2, 2), padding="full", data_format="channels_last"),
     _image([1, 20, 2, 30, 3, 40, 500, 6000, 600, 7000, 700, 8000, 5, 60, 6, 70, 7, 80,
             900, 10000, 1000, 11000, 1100, 12000, 9, 100, 10, 110, 11, 120, 1300, 14000, 1400, 15000, 1500, 16000],
            (1, 6, 6, 1))),
    ("conv3d_transpose", "flipped kernels, padding='full'", (_image(range(1, 9), (1, 2, 2, 2, 1)),
                                                             _image(10.0 ** np.arange(8), (2, 2, 2, 1, 1)),
                                                             (1, 1, 1, 1, 1)),
     dict(padding="full", data_format="channels_last"), _image([87654321], (1, 1, 1, 1, 1))),
    # Depthwise and separable convolutions: not flipped; 'full' and 'same' at the start (numpy_backend too).
    ("depthwise_conv2d", "padding='full'", (_X9, _K4), dict(padding="full", data_format="channels_last"),
     _image([4, 11, 18, 9, 18, 37, 47, 21, 36, 67, 77, 33, 14, 23, 26, 9], (1, 4, 4, 1))),
    ("depthwise_conv2d", "'same'", (_X9, _K4), dict(padding="same", data_format="channels_last"),
     _image([4, 11, 18, 18, 37, 47, 36, 67, 77], (1, 3, 3, 1))),
    ("separable_conv1d", "padding='full'", (_image([1, 2, 3, 4], (1, 4, 1)), _image([1, 10], (2, 1, 1)),
                                            _image([2], (1, 1, 1))),
     dict(padding="full", data_format="channels_last"), _image([20, 42, 64, 86, 8], (1, 5, 1))),
    ("separable_conv2d", "padding='full'", (_X9, _K4, _image([3], (1, 1, 1, 1))),
     dict(padding="full", data_format="channels_last"),
     _image([12, 33, 54, 27, 54, 111, 141, 63, 108, 201, 231, 99, 42, 69, 78, 27], (1, 4, 4, 1))),
    # 'same' pooling: windows pool_size // 2 cells early (numpy_backend: the same, plus a cell at the end).
    ("pool2d", "'same' windows", (_image([1.5, 0.5], (1, 2, 1, 1)), (2, 1)),
     dict(padding="same", data_format="channels_last"), _image([1.5, 1.5], (1, 2, 1, 1))),
    ("pool2d", "'same' windows", (_image([1, 2, 3, 4], (1, 2, 2, 1)), (2, 2)),
     dict(padding="same", data_format="channels_last", pool_mode="avg"), _image([1, 1.5, 2, 2.5], (1, 2, 2, 1))),
    ("pool2d", "'same' windows", (-_X9, (2, 2)), dict(strides=(2, 2), padding="same", data_format="channels_last"),
     _image([-1, -2, -4, -5], (1, 2, 2, 1))),
    ("pool2d", "'same' windows", (_image(range(1, 26), (1, 5, 5, 1)), (3, 2)),
     dict(strides=(2, 3), padding="same", data_format="channels_last", pool_mode="avg"),
     _image([3.5, 6, 11, 13.5, 18.5, 21], (1, 3, 2, 1))),
    ("pool2d", "'same' windows", (_image(range(1, 5), (1, 1, 1, 4)), (1, 3)),
     dict(strides=(1, 2), padding="same", data_format="channels_first", pool_mode="avg"),
     _image([1.5, 3], (1, 1, 1, 2))),
    ("pool3d", "'same' windows", (_image(range(1, 28), (1, 3, 3, 3, 1)), (3, 2, 3)),
     dict(strides=(2, 1, 2), padding="same", data_format="channels_last"),
     _image([11, 12, 14, 15, 17, 18, 20, 21, 23, 24, 26, 27], (1, 2, 3, 2, 1))),
    # clip: where tensor bounds cross, numpy's order (numpy_backend; Theano where x >= min_value).
    ("clip", "numpy's order", (np.float32(0.0), 0.0, np.float32(-3.4028235e38)), {}, np.float32(-3.4028235e38)),
    ("clip", "numpy's order", (_image([-3, np.nan, 3], (3,)), _image([-1, 0, 4], (3,)), np.float32(2.0)), {},
     _image([-1, np.nan, 2], (3,))),  # numpy_backend; Theano gives 4 for the last (3 < 4: min_value)
    ("clip", "numpy's order", (_image([-3, 0, 3], (3,)), 0.0, -1.0), {}, _image([0, 0, 0], (3,))),
    # switch: Theano (and TF1's where) stretch no axis of the condition that the branches do not share.
    ("switch", "no broadcasting", (np.array([False]), _image([1, 2], (2,)), _image([3, 4], (2,))), {}, ValueError),
    ("switch", "no broadcasting", (np.zeros((0, 1), np.float32), np.zeros((0, 0), np.float32),
                                   np.zeros((0, 0), np.float32)), {}, ValueError),
    ("switch", "no broadcasting", (np.array([[True, False]]), np.ones((1, 2, 3), np.float32),
                                   np.zeros((1, 2, 3), np.float32)), {}, _image([1, 1, 1, 0, 0, 0], (1, 2, 3))),
    ("switch", "no broadcasting", (np.array([True, False, True]), _image([1, 2, 3], (3,)), _image([4, 5, 6], (3,))),
     {}, _image([1, 5, 3], (3,))),
    # resize_images: bilinear at factors (2, 2) only.
    ("resize_images", "bilinear only", (_image([0, 4], (1, 1, 2, 1)), 2, 2, "channels_last"),
     dict(interpolation="bilinear"), _image([0, 2, 4, 4, 0, 2, 4, 4], (1, 2, 4, 1))),
    ("resize_images", "bilinear only", (_image([0, 4], (1, 1, 2, 1)), 1, 2, "channels_last"),
     dict(interpolation="bilinear"), NotImplementedError),
]


@pytest.mark.parametrize("entry, way, args, kwargs, theano", THEANO_ANSWERS,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(THEANO_ANSWERS)])
def test_convention_gives_theanos_answer(entry, way, args, kwargs, theano):
    compute = _convention(entry, way)
    if isinstance(theano, type):
        with pytest.raises(theano):
            compute(*args, **kwargs)
        return
    result = np.asarray(compute(*args, **kwargs))
    assert result.shape == theano.shape
    np.testing.assert_allclose(result, theano, rtol=1e-6)


def test_classic_conv1d_refuses_causal_padding_under_channels_first():
    # TF231:3647-3651; Theano computes it only for one-step kernels (the convention above).
    with pytest.raises(ValueError, match="causal"):
        classic.conv1d(_image([1, 2, 3], (1, 1, 3)), _image([1, 10], (2, 1, 1)), padding="causal",
                       data_format="channels_first")


@pytest.mark.parametrize("args, theano", [
    ((_image([1.5], (1, 1, 1)), _image([1.5, 0.5], (1, 1, 2)), (1,), (1,)), _image([2.25, 0.75], (1, 1, 2))),
    ((_image(range(1, 13), (1, 4, 3)), _image(range(1, 37), (3, 6, 2)), (2,), (1,)),
     _image([161, 182, 737, 776, 1745, 1802], (1, 3, 2))),
])
def test_classic_local_conv1d_ignores_data_format(args, theano):
    # Theano 1.0.5 answers the same under channels_first as under channels_last (TF231 shares its code).
    for layout in ("channels_first", "channels_last"):
        np.testing.assert_array_equal(np.asarray(classic.local_conv1d(*args, data_format=layout)), theano)


def test_classic_bilinear_resize_has_no_half_pixel_centres():
    # Theano 1.0.5 (which BT:1531-1546 holds to TF1's resize_bilinear at factors (2, 2)) answers this.
    x = _image([1, 2, 3, 4, 5, 7], (1, 1, 2, 3))
    result = np.asarray(classic.resize_images(x, 2, 2, "channels_first", interpolation="bilinear"))
    np.testing.assert_array_equal(result, _image([1, 1.5, 2, 2.5, 3, 3, 2.5, 3, 3.5, 4.25, 5, 5,
                                                  4, 4.5, 5, 6, 7, 7, 4, 4.5, 5, 6, 7, 7], (1, 1, 4, 6)))
    assert result.dtype == np.float32
