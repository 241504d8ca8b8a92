"""Broken on purpose: switch calls callable branches only for a scalar condition; with an
element-wise condition the callables themselves reach the selection, which fails."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import conditionals as _conditionals

BROKEN_ENTRY = 'switch'
EXPECTED_MESSAGE = 'switch(elementwise condition, lambda: then, lambda: else)'


def switch(condition, then_expression, else_expression):
    if _conditionals._rank(condition) == 0:
        return _conditionals.switch(condition, then_expression, else_expression)
    return _conditionals._where(condition, then_expression, else_expression)
