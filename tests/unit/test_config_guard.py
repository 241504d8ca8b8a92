"""The guard restores a backend's configuration after a check, even through broken setters."""

from __future__ import annotations

import types

import pytest

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


def backend_keeping_floatx_in_an_object(stored: str) -> types.ModuleType:
    """floatx lives in a mutated object (no global is rebound, no dict refilled); set_floatx stores ``stored``."""
    return make_backend(SETTINGS.replace("_FLOATX, ", "").replace("'float32', ", "")
                        + "class _State:\n    floatx = 'float32'\n_STATE = _State()\n"
                        + "def floatx(): return _STATE.floatx\n"
                        + f"def set_floatx(value): _STATE.floatx = {stored}\n")


def test_state_in_a_mutated_container_is_restored_through_the_setters():
    backend = backend_keeping_floatx_in_an_object("value")
    guard = ConfigGuard(backend)
    snapshot = guard.snapshot()
    backend.set_floatx("float16")
    assert guard.restore(snapshot) == []
    assert backend.floatx() == "float32"


def test_what_cannot_be_restored_is_reported():
    backend = backend_keeping_floatx_in_an_object("'float64'")
    guard = ConfigGuard(backend)
    snapshot = guard.snapshot()
    backend.set_floatx("float16")
    assert guard.restore(snapshot) == ["floatx() is 'float64', was 'float32'"]


# A graph backend's learning phase (TF1 graph mode, Keras 2.3.1 on TensorFlow): a placeholder per graph
# until a phase is set, kept in a dict keyed by graph (tf_keras: a WeakKeyDictionary subclass, its
# ContextValueCache); set_learning_phase takes 0 and 1 only.
PER_GRAPH_PHASE = SETTINGS.replace("def learning_phase(): return _PHASE\n", "") + """
import weakref
class Placeholder:
    pass
class Graph:
    pass
class ContextValueCache(weakref.WeakKeyDictionary):
    pass
class RefusingCache(weakref.WeakKeyDictionary):
    # tf_keras' ContextValueCache resolves a key through the graph's outer graphs in __getitem__: the
    # guard copies what the dict holds instead (at every example, over every graph still alive).
    def _refuse(self, *args):
        raise AssertionError('the guard must not go through the mapping methods')
    __getitem__ = __iter__ = keys = items = _refuse
_GRAPH = [Graph()]
_GRAPH_LEARNING_PHASES = STORE
def learning_phase():
    return _GRAPH_LEARNING_PHASES.setdefault(_GRAPH[0], Placeholder())
def set_learning_phase(value):
    if value not in (0, 1):
        raise ValueError('0 or 1')
    _GRAPH_LEARNING_PHASES[_GRAPH[0]] = value
def clear_session():
    _GRAPH[0] = Graph()
def set_floatx(value): pass
"""


STORES = pytest.mark.parametrize("store", ["{}", "ContextValueCache()", "RefusingCache()"])


@STORES
def test_an_unset_learning_phase_is_restored_from_the_dict_it_lives_in(store):
    backend = make_backend(PER_GRAPH_PHASE.replace("STORE", store))
    placeholder = backend.learning_phase()
    guard = ConfigGuard(backend)
    snapshot = guard.snapshot()
    backend.set_learning_phase(1)
    assert guard.restore(snapshot) == []
    assert backend.learning_phase() is placeholder


@STORES
def test_a_symbolic_learning_phase_is_one_setting_whichever_tensor_stands_for_it(store):
    backend = make_backend(PER_GRAPH_PHASE.replace("STORE", store))
    guard = ConfigGuard(backend)
    snapshot = guard.snapshot()
    backend.clear_session()  # a new graph, a new placeholder
    assert guard.restore(snapshot) == []
    backend.set_learning_phase(0)
    assert guard.restore(snapshot) == []


def test_a_getter_that_raises_does_not_break_the_guard():
    backend = make_backend(SETTINGS + "def set_floatx(value): pass\n"
                           + "def learning_phase(): raise RuntimeError('no phase')\n")
    guard = ConfigGuard(backend)
    assert guard.restore(guard.snapshot()) == []
