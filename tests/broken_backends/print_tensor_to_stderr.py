"""Broken on purpose: print_tensor prints to stderr (Keras 2.2's tf.Print did), not stdout."""

import contextlib
import sys

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import graph_ops as _graph_ops

BROKEN_ENTRY = 'print_tensor'
EXPECTED_MESSAGE = 'to stderr instead'


def _to_stderr(value, message, summarize):
    with contextlib.redirect_stdout(sys.stderr):
        return _graph_ops._printed(value, message, summarize)


def print_tensor(x, message='', summarize=3):
    if isinstance(x, _dispatch.SymbolicTensor):
        return _dispatch.SymbolicTensor(_to_stderr, (x, message, summarize), {}, x.shape, x.dtype)
    return _dispatch.op(_to_stderr)(x, message, summarize)
