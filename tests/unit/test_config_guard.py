"""The guard restores a backend's configuration after a check, even through broken setters."""

from __future__ import annotations

import types

from conformance.config_guard import ConfigGuard


def make_backend(source: str) -> types.ModuleType:
    module = types.ModuleType("guarded_backend")
    exec(source, module.__dict__)
    return module


SETTINGS = """
_FLOATX, _EPSILON, _FORMAT, _PHASE = 'float32', 1e-7, 'channels_last', 0
def floatx(): return _FLOATX
def epsilon(): return _EPSILON
def image_data_format(): return _FORMAT
def learning_phase(): return _PHASE
def set_epsilon(value):
    global _EPSILON
    _EPSILON = value
def set_image_data_format(value):
    global _FORMAT
    _FORMAT = value
def set_learning_phase(value):
    global _PHASE
    _PHASE = value
"""


def test_a_setter_that_stores_the_wrong_value_cannot_leak():
    backend = make_backend(SETTINGS + "def set_floatx(value):\n    global _FLOATX\n    _FLOATX = 'float64'\n")
    guard = ConfigGuard(backend)
    snapshot = guard.snapshot()
    backend.set_floatx("float16")
    backend.set_epsilon(1e-3)
    backend.set_learning_phase(1)
    assert guard.restore(snapshot) == []
    assert (backend.floatx(), backend.epsilon(), backend.learning_phase()) == ("float32", 1e-7, 0)


def backend_keeping_floatx_in_a_dict(stored: str) -> types.ModuleType:
    """floatx lives in a mutated dict (no global is rebound); set_floatx stores ``stored``."""
    return make_backend(SETTINGS.replace("_FLOATX, ", "").replace("'float32', ", "")
                        + "_STATE = {'floatx': 'float32'}\n"
                        + "def floatx(): return _STATE['floatx']\n"
                        + f"def set_floatx(value): _STATE['floatx'] = {stored}\n")


def test_state_in_a_mutated_container_is_restored_through_the_setters():
    backend = backend_keeping_floatx_in_a_dict("value")
    guard = ConfigGuard(backend)
    snapshot = guard.snapshot()
    backend.set_floatx("float16")
    assert guard.restore(snapshot) == []
    assert backend.floatx() == "float32"


def test_what_cannot_be_restored_is_reported():
    backend = backend_keeping_floatx_in_a_dict("'float64'")
    guard = ConfigGuard(backend)
    snapshot = guard.snapshot()
    backend.set_floatx("float16")
    assert guard.restore(snapshot) == ["floatx() is 'float64', was 'float32'"]


def test_a_getter_that_raises_does_not_break_the_guard():
    backend = make_backend(SETTINGS + "def set_floatx(value): pass\n"
                           + "def learning_phase(): raise RuntimeError('no phase')\n")
    guard = ConfigGuard(backend)
    assert guard.restore(guard.snapshot()) == []
