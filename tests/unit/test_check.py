"""The check in progress: ``given`` starts each hypothesis example on it and keeps the configuration."""

from __future__ import annotations

import types

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from conformance.check import Check, given
from conformance.compare import Mismatch
from conformance.config_guard import ConfigGuard
from conformance.recording import RecordingBackend

IN_A_GLOBAL = """
_FLOATX = 'float32'
def floatx(): return _FLOATX
def set_floatx(value):
    global _FLOATX
    _FLOATX = value
def abs(x): return x
"""
# floatx in a dict that a broken setter fills wrongly: neither rebinding globals nor the setter restores it.
IN_AN_OBJECT_BROKEN = """
class _State:
    floatx = 'float32'
_STATE = _State()
def floatx(): return _STATE.floatx
def set_floatx(value): _STATE.floatx = 'float64'
"""


def recording_backend(source: str) -> RecordingBackend:
    module = types.ModuleType("guarded")
    exec(source, module.__dict__)
    return RecordingBackend(module, Check([ConfigGuard(module)]))


def test_each_example_gets_a_fresh_log_and_is_counted():
    backend = recording_backend(IN_A_GLOBAL)
    logs = []

    @settings(max_examples=5, database=None, derandomize=True)
    @given(value=st.integers())
    def check(backend, value):
        backend.abs(value)
        logs.append(len(backend.check.log.calls))

    check(backend=backend)
    assert logs == [1] * len(logs) and backend.check.examples == len(logs) >= 1


def test_an_example_that_changes_the_configuration_is_restored():
    backend = recording_backend(IN_A_GLOBAL)

    @settings(max_examples=3, database=None, derandomize=True)
    @given(value=st.just("float64"))
    def check(backend, value):
        backend.module.set_floatx(value)

    check(backend=backend)
    assert backend.module.floatx() == "float32"


def test_what_isolation_cannot_restore_fails_the_block():
    # Per example too (hypothesis would then call the example flaky: replayed, it starts from the
    # changed configuration).
    backend = recording_backend(IN_AN_OBJECT_BROKEN)
    with pytest.raises(Mismatch, match=r"^the check changed the configuration and it could not be restored: "
                                       r"floatx\(\) is 'float64', was 'float32'$"):
        with backend.check.isolated("check"):
            backend.module._STATE.floatx = "float16"


def test_a_check_without_the_backend_fixture_is_a_suite_bug():
    @settings(max_examples=1, database=None)
    @given(value=st.just(1))
    def check(value):
        pass

    with pytest.raises(TypeError, match="takes no 'backend' fixture"):
        check()
