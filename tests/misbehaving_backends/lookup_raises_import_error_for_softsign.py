"""Misbehaving on purpose: the module's __getattr__ (a lazy import of an optional dependency) raises
ImportError for softsign, where only AttributeError means "not defined"."""

from reference_backend import *  # noqa: F401,F403

del softsign  # noqa: F821 - looked up through __getattr__ below

BROKEN_ENTRY = 'softsign'
EXPECTED_MESSAGE = "looking up softsign raised ImportError: softsign needs a package that is not installed"
OPTIONS: list[str] = []


def __getattr__(name):
    if name == 'softsign':
        raise ImportError('softsign needs a package that is not installed')
    raise AttributeError(name)
