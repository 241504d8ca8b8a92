"""Broken on purpose: separable_conv1d ignores dilation_rate in its depthwise step."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'separable_conv1d'
EXPECTED_MESSAGE = "dilation_rate="


@_dispatch.op
def separable_conv1d(x, depthwise_kernel, pointwise_kernel, strides=1, padding="valid", data_format=None,
                     dilation_rate=1):
    return np.asarray(_reference.separable_conv1d(x, depthwise_kernel, pointwise_kernel, strides, padding,
                                                  data_format))
