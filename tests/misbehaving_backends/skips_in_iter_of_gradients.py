"""Misbehaving on purpose: gradients answers a list whose len() and iteration raise unittest.SkipTest,
outside any call of an entry, when the check reads the answer."""

import unittest as _unittest

from reference_backend import *  # noqa: F401,F403
from reference_backend import gradients as _gradients

BROKEN_ENTRY = 'gradients'
EXPECTED_MESSAGE = "gradients answered a _Gradients whose __iter__ raised unittest's SkipTest: no gradients today"
OPTIONS: list[str] = []


class _Gradients(list):
    def __len__(self):
        raise _unittest.SkipTest('no gradients today')

    def __iter__(self):
        raise _unittest.SkipTest('no gradients today')


def gradients(loss, variables):
    return _Gradients(_gradients(loss, variables))
