"""Misbehaving on purpose: count_params raises a BaseException subclass of its own."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'count_params'
EXPECTED_MESSAGE = 'raised Catastrophe: count_params gave up'
OPTIONS = []


class Catastrophe(BaseException):
    pass


def count_params(x):
    raise Catastrophe('count_params gave up')
