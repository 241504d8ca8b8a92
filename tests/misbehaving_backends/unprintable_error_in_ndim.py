"""Misbehaving on purpose: ndim raises an exception whose message cannot be printed."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'ndim'
EXPECTED_MESSAGE = 'raised Unprintable: <unprintable Unprintable>'
OPTIONS = []


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError('no message either')


def ndim(x):
    raise Unprintable()
