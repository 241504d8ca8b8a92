"""tf_keras' backend with a pool2d that mishandles 'same' as 'valid': on an input smaller than the
window, tf_keras' pooling kernel then kills the process with SIGFPE (tensorflow-cpu 2.21)."""

from tf_keras import backend as _K
from tf_keras.backend import *  # noqa: F401,F403


def pool2d(x, pool_size, strides=(1, 1), padding="valid", data_format=None, pool_mode="max"):
    return _K.pool2d(x, pool_size, strides=strides, padding="valid", data_format=data_format, pool_mode=pool_mode)
