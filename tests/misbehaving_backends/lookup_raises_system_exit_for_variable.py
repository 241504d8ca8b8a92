"""Misbehaving on purpose: the module's __getattr__ raises SystemExit for variable, an entry Keras 2's
loader requires: looked up while the backend loads."""

from reference_backend import *  # noqa: F401,F403

del variable  # noqa: F821 - looked up through __getattr__ below

EXPECTED_LOAD_ERROR = "looking up variable raised SystemExit: 7"
OPTIONS: list[str] = []


def __getattr__(name):
    if name == 'variable':
        raise SystemExit(7)
    raise AttributeError(name)
