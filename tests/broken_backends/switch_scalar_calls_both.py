"""Broken for tf_keras only: with a scalar condition switch calls both callable branches, then
picks one (the result is right, but the unchosen branch ran, as tf.cond never does eagerly). Classic
Keras 2.3 builds both branches (reference_backend.classic.switch)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import conditionals as _conditionals

BROKEN_ENTRY = 'switch'
EXPECTED_MESSAGE = 'the callables called'
OPTIONS = ("--contract=tf_keras",)  # classic Keras 2.3 answers this way


def switch(condition, then_expression, else_expression):
    then_value = then_expression() if callable(then_expression) else then_expression
    else_value = else_expression() if callable(else_expression) else else_expression
    return _conditionals.switch(condition, then_value, else_value)
