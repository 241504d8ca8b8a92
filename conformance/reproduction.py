"""Recorded calls rendered as Python: the reproduction printed under each gap.

``reproduction(log, module_name)`` replays a check's logged calls against the
backend module: numpy arrays rebuilt from their values, results used later
named ``t1``, ``t2``, ... (and their items ``t1[0]``), the functions the check
passed (an rnn step, a map_fn function) defined first when they carry their
source (``__reproduction__``); calls the backend made inside another call (a step
function's) are that call's business and not replayed. ``failing_call(log)`` is
the line of the call that raised.
"""

from __future__ import annotations

import ast
import inspect
import io
import math
import textwrap
import tokenize
from collections.abc import Callable
from typing import Any

import numpy as np

from .calls import items_of
from .recording import CallLog, RecordedCall

REPRODUCTION_CALLS = 20
"""How many calls a reproduction shows at most (the last ones)."""


def reproduction(log: CallLog, module_name: str, setup: str = "") -> str:
    """A Python snippet replaying the logged calls against ``module_name``, imported after the
    ``--backend-setup`` step ``setup`` (``module:function`` or ``module``), if any."""
    module, _, function = setup.partition(":")
    lines = ["import numpy as np"] + ([f"import {module}"] if module else []) + (
        [f"{module}.{function}()  # --backend-setup"] if function else []) + [f"import {module_name} as K"]
    lines += _definitions(log)
    rendered = _render(log)
    shown = rendered[-REPRODUCTION_CALLS:]
    if len(rendered) > len(shown):
        lines.append(f"# ... {len(rendered) - len(shown)} earlier calls not shown")
    for call, text in shown:
        lines.append(text + (f"  # raised {type(call.error).__name__}" if call.error is not None else ""))
    return "\n".join(lines)


def failing_call(log: CallLog, error: BaseException | None = None) -> str:
    """The source of the last call that raised (``error``, when given; empty when none did)."""
    for call, text in reversed(_render(log)):
        if call.error is not None and (error is None or call.error is error):
            return text
    return ""


def _definitions(log: CallLog) -> list[str]:
    """The source of each function the check passed to an entry, when it carries one."""
    sources = {id(value): value.__reproduction__ for call in log.calls if call.depth == 0
               for value in (*call.args, *call.kwargs.values()) if hasattr(value, "__reproduction__")}
    return [line for source in sources.values() for line in ["", *source.strip("\n").splitlines(), ""]]


def _render(log: CallLog) -> list[tuple[RecordedCall, str]]:
    """Each call of the check as a line of Python; results used later are named ``t1``, ``t2``, ...,
    and a tensor the check computed with an operator is written as that expression."""
    names = _Names(log.derived)
    rendered = []
    for index, call in enumerate(log.calls, 1):
        if call.depth:
            continue  # made by the backend inside another call
        arguments = [_source(a, names) for a in call.args]
        arguments += [f"{k}={_source(v, names)}" for k, v in call.kwargs.items()]
        callee = f"K.{call.entry}" if call.target is None else names.get(id(call.target), "f")
        text = f"{callee}({', '.join(arguments)})"
        if call.error is None and call.result is not None and not isinstance(call.result, (bool, int, float, str)):
            _name(call.result, f"t{index}", names)
            text = f"t{index} = {text}"
        rendered.append((call, text))
    return rendered


class _Names(dict[int, str]):
    """The names given to results (by ``id``), and the expressions of the tensors derived from them."""

    def __init__(self, derived: dict[int, tuple[Any, str, Any, Any]]):
        super().__init__()
        self.derived = derived


def _name(value: Any, name: str, names: _Names) -> None:
    """Name ``value``, and the items of a list or tuple result (rnn's states, an update pair) after it."""
    names.setdefault(id(value), name)
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(items_of(value)):
            _name(item, f"{name}[{index}]", names)


def _source(value: Any, names: _Names) -> str:
    """Python source that rebuilds ``value`` (backend objects by their log name, or by the operator
    expression that derived them from named ones)."""
    if id(value) in names:
        return names[id(value)]
    if id(value) in names.derived:
        _, symbol, left, right = names.derived[id(value)]
        return f"{_operand(left, names)} {symbol} {_operand(right, names)}"
    if isinstance(value, np.ndarray):
        if value.size == 0:  # a nested list would lose the empty dimension's place
            return f"np.zeros({value.shape}, dtype={value.dtype.name!r})"
        if value.size > 12 and (value == value.flat[0]).all():  # a large constant (a statistical check's input)
            return f"np.full({value.shape}, {_scalar_source(value.flat[0].item())}, dtype={value.dtype.name!r})"
        return f"np.array({_nested_source(value.tolist())}, dtype={value.dtype.name!r})"
    if isinstance(value, np.generic):
        return f"np.{type(value).__name__}({_scalar_source(value.item())})"
    if isinstance(value, (bool, int, float)):
        return _scalar_source(value)
    if isinstance(value, list):
        return "[" + ", ".join(_source(v, names) for v in value) + "]"
    if isinstance(value, tuple):
        items = [_source(v, names) for v in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_source(v, names)}" for k, v in value.items()) + "}"
    if isinstance(value, type) and value.__module__ == "numpy":
        return f"np.{value.__name__}"
    if callable(value) and hasattr(value, "__name__"):
        return str(value.__name__)
    if value is None or isinstance(value, str):
        return repr(value)
    return f"<{type(value).__name__}>"


def _operand(value: Any, names: _Names) -> str:
    """An operand of an operator expression: in parentheses when it is an expression itself."""
    text = _source(value, names)
    return f"({text})" if id(value) in names.derived and id(value) not in names else text


def _nested_source(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_nested_source(v) for v in value) + "]"
    return _scalar_source(value)


def _scalar_source(value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return f"float({str(value)!r})"
    return repr(value)


def bound(function: Callable[..., Any], K: Any, **known: Any) -> Callable[..., Any]:
    """``function(K, *tensors, **known)`` as a function of ``*tensors`` (an rnn step, a map_fn
    function written once against a backend ``K``), carrying its source for reproductions.
    ``function`` may use only ``np`` and ``K`` (the names a reproduction defines) in its body."""
    name = function.__name__.lstrip("_")
    given = "".join(f", {key}={value!r}" for key, value in known.items())

    def call(*tensors: Any) -> Any:
        return function(K, *tensors, **known)

    call.__name__ = name
    call.__reproduction__ = (  # type: ignore[attr-defined]
        _unannotated_source(function)
        + f"\n\ndef {name}(*tensors):\n    return {function.__name__}(K, *tensors{given})\n")
    return call


def _unannotated_source(function: Callable[..., Any]) -> str:
    """``function``'s source, its signature without annotations: they name types (``Any``) that a
    reproduction, which imports only numpy and the backend, does not define. The body is kept as
    written, comments included."""
    source = textwrap.dedent(inspect.getsource(function))
    definition = ast.parse(source).body[0]
    assert isinstance(definition, ast.FunctionDef), f"{function.__name__} is not a plain function"
    # The body starts after the colon that ends the signature (the first one outside brackets).
    depth, colon = 0, None
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
        elif token.type == tokenize.OP and token.string == ":" and depth == 0 and token.start[0] >= definition.lineno:
            colon = token.end
            break
    assert colon is not None
    lines = source.splitlines()
    rest = lines[colon[0] - 1][colon[1]:].strip()
    body = ([f"    {rest}"] if rest and not rest.startswith("#") else []) + lines[colon[0]:]
    for argument in (*definition.args.posonlyargs, *definition.args.args, *definition.args.kwonlyargs,
                     definition.args.vararg, definition.args.kwarg):
        if argument is not None:
            argument.annotation = None
    definition.returns, definition.decorator_list, definition.body = None, [], [ast.Pass()]
    return "\n".join([ast.unparse(definition).splitlines()[0], *body]) + "\n"
