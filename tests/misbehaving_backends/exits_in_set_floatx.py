"""Misbehaving on purpose: set_floatx raises SystemExit, which a run under --floatx calls before any check."""

from reference_backend import *  # noqa: F401,F403

EXPECTED_LOAD_ERROR = "--floatx=float64: misbehaving_backends.exits_in_set_floatx.set_floatx raised SystemExit: 2"
OPTIONS = ['--floatx=float64']


def set_floatx(value):
    raise SystemExit(2)
