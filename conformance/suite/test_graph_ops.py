"""graph: stop_gradient of several tensors, print_tensor's output, and the context managers
name_scope and control_dependencies (values of single tensors: the catalogue records)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from conformance.compare import Mismatch, assert_close, expect_raises, require_tensor
from conformance.families import CLASSIC, TF_KERAS, either
from conformance.markers import entry_param
from conformance.routes import ROUTES, evaluate, read

MESSAGE = "conformance: print_tensor message"


@pytest.mark.entry("stop_gradient")
@pytest.mark.parametrize("container", [list, tuple])
@pytest.mark.parametrize("route", ROUTES)
def test_stop_gradient_of_several_tensors_gives_each_value(backend, container, route):
    # Different shapes and ranks: a backend stacking the tensors into one cannot pass by accident.
    values = [np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -0.0]]), np.array([4.0, -5.0]), np.array(6.0)]
    values = [v.astype(backend.settings.floatx) for v in values]
    what = f"stop_gradient({container.__name__} of {len(values)} tensors)"

    def each(*tensors: Any) -> list:
        answer = backend.stop_gradient(container(tensors))
        try:
            # At most one more than expected: a single symbolic tensor may be endlessly indexable.
            items = list(itertools.islice(answer, len(tensors) + 1))
        except TypeError:
            raise Mismatch(f"{what}: expected an iterable of tensors, got {type(answer).__name__}") from None
        if len(items) != len(tensors):
            raise Mismatch(f"{what}: expected {len(tensors)} tensors, got {len(items)}")
        return items

    results = evaluate(backend, route, each, *values, what=what)
    for index, (result, value) in enumerate(zip(results, values)):
        assert_close(result, value, f"{what} by the {route} route, tensor {index}")


def _printed(capfd: pytest.CaptureFixture, what: str) -> None:
    """``MESSAGE`` must be among what was written to stdout since the last read."""
    out, err = capfd.readouterr()
    if MESSAGE not in out:
        where = "to stderr instead" if MESSAGE in err else "nowhere"
        raise Mismatch(f"{what}: expected the message {MESSAGE!r} on stdout, found it {where}")


@pytest.mark.entry("print_tensor")
def test_print_tensor_of_a_variable(backend, capfd):
    # tf_keras prints at once (TF2 eager); classic Keras 2.3 prints each time the result is computed:
    # by eval here (TF231 tf.Print, Theano's Print op).
    x = np.array([[1.0, -2.0], [3.5, 0.0]], dtype=backend.settings.floatx)
    what = f"print_tensor(variable, message={MESSAGE!r})"

    def at_once() -> None:
        capfd.readouterr()
        result = backend.print_tensor(backend.variable(x), message=MESSAGE)
        _printed(capfd, what)
        assert_close(read(backend, result, what), x, what)

    def when_computed() -> None:
        result = backend.print_tensor(backend.variable(x), message=MESSAGE)
        capfd.readouterr()
        value = read(backend, result, what)
        _printed(capfd, f"eval({what})")
        assert_close(value, x, what)

    backend.check.follow("print_tensor of a variable",
                         either([(TF_KERAS, at_once), (CLASSIC, when_computed)], backend.contract, what))


@pytest.mark.entry("print_tensor")
def test_print_tensor_prints_when_the_function_runs(backend, capfd):
    # The returned tensor prints each time it is computed; building the graph computes nothing.
    x = np.array([[1.0, -2.0], [3.5, 0.0]], dtype=backend.settings.floatx)
    placeholder = backend.placeholder(shape=(None, 2))
    printing = require_tensor(backend.print_tensor(placeholder, message=MESSAGE), "print_tensor(placeholder)")
    function = backend.function([placeholder], [printing])
    capfd.readouterr()
    values = function([x])
    what = f"function([p], [print_tensor(p, message={MESSAGE!r})])([x])"
    _printed(capfd, what)
    if not isinstance(values, (list, tuple)) or len(values) != 1:
        raise Mismatch(f"{what}: expected a list of one array, got {values!r:.80}")
    assert_close(values[0], x, what)


# Context managers: (entry, how to open one given a backend and a tensor). An optional entry
# that is absent makes its checks skip (the recording backend raises EntryMissing).
CONTEXT_MANAGERS = [
    entry_param("name_scope", "name_scope", lambda backend, tensor: backend.name_scope("conformance_scope"),
                id="name_scope"),
    entry_param("control_dependencies", "control_dependencies",
                lambda backend, tensor: backend.control_dependencies([tensor]), id="control_dependencies"),
]


@pytest.mark.parametrize("entry, opening", CONTEXT_MANAGERS)
def test_context_manager_runs_its_block(backend, entry: str, opening: Callable):
    x = np.array([1.0, -2.0, 3.0], dtype=backend.settings.floatx)
    tensor = backend.variable(x)
    with opening(backend, tensor):
        with opening(backend, tensor):  # nested, as layers nest their scopes
            inner = backend.variable(x * 2)
    assert_close(read(backend, inner, f"a variable created inside nested {entry} blocks"), x * 2,
                 f"a variable created inside nested {entry} blocks")


@pytest.mark.parametrize("entry, opening", CONTEXT_MANAGERS)
def test_context_manager_lets_exceptions_through(backend, entry: str, opening: Callable):
    tensor = backend.variable(np.zeros(2))
    with expect_raises(LookupError, f"a LookupError raised inside a {entry} block"):
        with opening(backend, tensor):
            raise LookupError("raised by the check inside the block")
