"""The recording backend: every call noted on the check in progress, rule-breaking calls caught,
and the calls rendered as a reproduction that runs."""

from __future__ import annotations

import os
import types
from typing import Any

import numpy as np
import pytest

from conformance.check import Check
from conformance.escapes import BackendMisbehaved
from conformance.recording import EntryHung, EntryMissing, RecordingBackend, arithmetic
from conformance.reproduction import bound, failing_call, reproduction
from conformance.watchdog import CheckTimeout

SOURCE = """
import numpy as np
class Tensor:
    def __init__(self, value): self.value = np.asarray(value)
    def __array__(self, dtype=None, copy=None): return self.value
    def __mul__(self, other): return Tensor(self.value * np.asarray(other))
    def __add__(self, other): return Tensor(self.value + np.asarray(other))
def variable(value, dtype=None, name=None, constraint=None): return Tensor(np.array(value, dtype=dtype))
def eval(x): return np.asarray(x)
def abs(x): return Tensor(np.abs(x))
def square(x):
    x *= x  # in place: a rule every entry must keep is broken
    return x
def sqrt(x):
    import pytest
    pytest.skip("not today")
def function(inputs, outputs, updates=None, name=None):
    def run(values): return [v * 2 for v in values]
    return run
def floor(x): return x  # not an entry of the catalogue
def exp(x):
    if callable(x): x()  # stands for a call that runs out of time
    return Tensor(np.exp(x))
"""


@pytest.fixture
def module() -> types.ModuleType:
    made = types.ModuleType("toy_backend")
    exec(SOURCE, made.__dict__)
    return made


@pytest.fixture
def check() -> Check:
    return Check(guards=[])


def test_calls_are_recorded_on_the_check_in_progress(module, check):
    backend = RecordingBackend(module, check)
    x = np.array([-1.0, 2.0])
    backend.eval(backend.abs(backend.variable(x)))
    assert check.log.entries() == ["variable", "abs", "eval"]
    assert list(check.entries_called) == ["variable", "abs", "eval"]
    first = check.log.calls[0]
    assert first.args[0] is not x and np.array_equal(first.args[0], x)  # a copy, as passed
    backend.check = other = Check(guards=[])  # the next check
    backend.abs(x)
    assert other.log.entries() == ["abs"] and check.log.entries() == ["variable", "abs", "eval"]


def test_examples_start_a_fresh_log_but_keep_what_the_check_called(module, check):
    backend = RecordingBackend(module, check)
    backend.abs(np.zeros(1))
    check.start_example()
    backend.eval(np.zeros(1))
    assert check.examples == 1 and check.log.entries() == ["eval"] and list(check.entries_called) == ["abs", "eval"]


def test_absent_entries_and_names_outside_the_catalogue(module, check):
    backend = RecordingBackend(module, check)
    with pytest.raises(EntryMissing, match="does not define 'dot'"):
        backend.dot  # noqa: B018
    with pytest.raises(AttributeError):
        backend.floor  # noqa: B018
    with pytest.raises(pytest.skip.Exception, match="optional \\(required by keras-2.3 only\\) and not defined"):
        backend.entry("logsumexp")  # optional for tf_keras backends
    assert backend.entry("abs") is backend.abs


def test_a_backend_breaking_the_rules_is_caught_on_its_entry(module, check):
    backend = RecordingBackend(module, check)
    with pytest.raises(BackendMisbehaved, match="square modified the numpy array passed as argument 0 in place"):
        backend.square(np.array([2.0, 3.0]))
    with pytest.raises(BackendMisbehaved, match="sqrt raised pytest's Skipped: not today"):
        backend.sqrt(np.array([4.0]))
    assert [type(call.error) for call in check.log.calls] == [BackendMisbehaved, BackendMisbehaved]


def test_a_returned_callable_is_part_of_its_entry(module, check):
    backend = RecordingBackend(module, check)
    run = backend.function([], [])
    assert run([np.ones(2)])[0].tolist() == [2.0, 2.0]
    assert check.log.entries() == ["function"] and check.log.calls[1].target is not None


def test_progress_is_written_as_entries_are_called(module, check):
    backend = RecordingBackend(module, check)
    read, write = os.pipe()
    backend.report_progress_to(write)
    backend.abs(np.zeros(1))
    backend.eval(np.zeros(1))
    os.close(write)
    assert os.read(read, 100) == b"call abs\ncall eval\n"
    os.close(read)


def test_an_entry_that_ran_out_of_time_is_not_called_again(module, check):
    backend = RecordingBackend(module, check)
    read, write = os.pipe()
    backend.report_progress_to(write)
    check.name = "test_first"
    def out_of_time():
        raise CheckTimeout("out of time")

    with pytest.raises(CheckTimeout):
        backend.exp(out_of_time)
    os.close(write)
    assert os.read(read, 100) == b"call exp\nhung exp\n"
    os.close(read)
    with pytest.raises(EntryHung, match="exp did not finish in test_first earlier"):
        backend.exp(np.zeros(1))
    assert isinstance(backend.check.log.calls[-1].error, EntryHung)


def test_an_evaluator_is_called_again_until_it_ran_out_of_time_in_two_checks(module, check):
    # One graph that never finishes (Theano compiling one gradient) says nothing of the next.
    hanging = [True]
    def evaluate(x):
        if hanging[0]:
            raise CheckTimeout("out of time")
        return np.asarray(x)

    module.eval = evaluate
    backend = RecordingBackend(module, check)
    for name in ("test_first", "test_first", "test_second"):
        check.name = name
        with pytest.raises(CheckTimeout):
            backend.eval(np.zeros(1))
    hanging[0] = False
    backend.hang_in("eval", "test_second")  # the watching process hears of the same hang: counted once
    with pytest.raises(EntryHung, match="eval did not finish in test_first and test_second earlier"):
        backend.eval(np.zeros(1))


def test_the_reproduction_replays_the_calls(module, check):
    backend = RecordingBackend(module, check)
    backend.eval(backend.abs(backend.variable(np.array([[-1.5, 2.0]]), dtype="float32")))
    backend.abs(np.zeros((2, 0), "int32"))
    with pytest.raises(BackendMisbehaved):
        backend.square(np.array([3.0]))
    text = reproduction(check.log, "toy_backend")
    assert text.splitlines() == [
        "import numpy as np", "import toy_backend as K",
        "t1 = K.variable(np.array([[-1.5, 2.0]], dtype='float64'), dtype='float32')",
        "t2 = K.abs(t1)",
        "t3 = K.eval(t2)",
        "t4 = K.abs(np.zeros((2, 0), dtype='int32'))",
        "K.square(np.array([3.0], dtype='float64'))  # raised BackendMisbehaved"]
    assert failing_call(check.log) == "K.square(np.array([3.0], dtype='float64'))"
    replayed = "\n".join(text.splitlines()[:-1]).replace("import toy_backend as K", "")
    namespace = {"K": module}
    exec(replayed, namespace)  # the reproduction runs as printed
    assert namespace["t4"].value.shape == (2, 0)


def test_operator_expressions_are_written_where_their_results_are_used(module, check):
    backend = RecordingBackend(module, check)
    a = backend.variable(np.array([1.0, -2.0]))
    b = backend.variable(np.array([3.0, 4.0]))
    backend.eval(backend.abs(arithmetic(backend, "+", arithmetic(backend, "*", a, b), a)))
    text = reproduction(check.log, "toy_backend")
    assert text.splitlines()[-2:] == ["t3 = K.abs((t1 * t2) + t1)", "t4 = K.eval(t3)"]
    namespace = {"K": module}
    exec(text.replace("import toy_backend as K", ""), namespace)  # the reproduction runs as printed
    assert namespace["t4"].tolist() == [4.0, 10.0]
    assert list(check.entries_called) == ["variable", "abs", "eval"]  # an operator is no entry
    assert arithmetic(module, "*", 2.0, 3.0) == 6.0  # on the module itself: computed, nothing noted


def test_the_backend_setup_step_comes_before_the_backend_is_imported(module, check):
    RecordingBackend(module, check).abs(np.array([-1.0]))
    assert reproduction(check.log, "toy_backend", "gc:collect").splitlines()[:4] == [
        "import numpy as np", "import gc", "gc.collect()  # --backend-setup", "import toy_backend as K"]
    assert reproduction(check.log, "toy_backend", "gc").splitlines()[:3] == [
        "import numpy as np", "import gc", "import toy_backend as K"]


def test_special_values_render_as_python():
    check = Check(guards=[])
    made = types.ModuleType("toy")
    made.abs = lambda x: x
    RecordingBackend(made, check).abs(np.array([np.nan, -np.inf]))
    assert "np.array([float('nan'), float('-inf')], dtype='float64')" in reproduction(check.log, "toy")


def test_calls_inside_another_call_are_not_replayed_and_items_of_results_are_named(module, check):
    backend = RecordingBackend(module, check)
    module.rnn = lambda step, x: (step(x), [step(x)])

    def step(x):
        return backend.abs(x)  # the backend calls the check's step: a call inside rnn's

    step.__reproduction__ = "def step(x):\n    return K.abs(x)\n"
    result = backend.rnn(step, backend.variable([-1.0]))
    backend.eval(result[1][0])
    lines = reproduction(check.log, "toy_backend").splitlines()
    assert lines[2:5] == ["", "def step(x):", "    return K.abs(x)"]
    assert lines[-3:] == ["t1 = K.variable([-1.0])", "t2 = K.rnn(step, t1)", "t5 = K.eval(t2[1][0])"]


def _halved(K: Any, accumulator: Any, x: Any) -> Any:
    # annotated, as a step written in the suite's typed modules may be
    return accumulator * 0.5 + K.abs(x)


def _magnitude(K: Any, x: Any, *, twice: bool = False) -> Any: return K.abs(K.abs(x) if twice else x)  # noqa: E704


@pytest.mark.parametrize("step, tensors, expected, kept", [
    (_halved, (np.array([4.0]), np.array([-1.0])), [3.0], "    # annotated, as a step"),
    (_magnitude, (np.array([-1.5]),), [1.5], "    return K.abs(K.abs(x) if twice else x)"),
])
def test_a_bound_steps_reproduction_defines_it_without_annotations(module, check, step, tensors, expected, kept):
    backend = RecordingBackend(module, check)
    module.foldl = lambda function, *elems: function(*elems)
    backend.foldl(bound(step, backend), *tensors)
    text = reproduction(check.log, "toy_backend").replace("import toy_backend as K", "")
    assert "Any" not in text and kept in text  # the body as written, comments and all
    namespace: dict[str, Any] = {"K": module}
    exec(text, namespace)  # the reproduction runs as printed: it defines only np and K
    np.testing.assert_array_equal(np.asarray(namespace["t1"]), expected)
