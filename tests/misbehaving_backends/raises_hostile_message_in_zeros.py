"""Misbehaving on purpose: zeros raises an error whose message no report can take as it is:
a lone surrogate (UTF-8 cannot encode it), ANSI escape sequences, HTML, then 10 MB of text."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'zeros'
EXPECTED_MESSAGE = 'raised ValueError: byte \\udc80 undecodable'
OPTIONS = []

HOSTILE = 'byte \udc80 undecodable, \x1b[31mred\x1b[0m\x1b[2J, <script>alert(1)</script> | a pipe; '
PADDING = 10_000_000


def zeros(shape, dtype=None, name=None):
    raise ValueError(HOSTILE + 'x' * PADDING)
