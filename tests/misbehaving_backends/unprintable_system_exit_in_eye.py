"""Misbehaving on purpose: eye raises an exception whose message raises SystemExit when printed."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'eye'
EXPECTED_MESSAGE = 'raised Unprintable: <unprintable Unprintable>'
OPTIONS: list[str] = []


class Unprintable(Exception):
    def __str__(self):
        raise SystemExit(3)


def eye(size, dtype=None, name=None):
    raise Unprintable()
