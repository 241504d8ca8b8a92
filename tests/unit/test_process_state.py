"""The shared state of the process: a change is found after the call that made it, named, and put back;
a write straight into a module's dict is found by the audit only."""

from __future__ import annotations

import sys
import types

import numpy as np

from conformance.process_state import SharedState


def oracle_module() -> types.ModuleType:
    module = types.ModuleType("stand_in_oracle")
    exec("import numpy as np\nFLOATX = 'float32'\ndef log(x): return np.log(x)\n", vars(module))
    return module


def test_a_patched_function_is_found_named_and_put_back():
    oracle = oracle_module()
    shared = SharedState([oracle])
    before, original = shared.snapshot(), oracle.log
    oracle.log = lambda x: x
    assert shared.changes(before) == ["stand_in_oracle.log"]
    shared.restore(before)
    assert oracle.log is original and shared.changes(before, audit=True) == []


def test_the_oracle_s_own_data_may_change():
    oracle = oracle_module()
    shared = SharedState([oracle])
    before = shared.snapshot()
    oracle.FLOATX = "float64"  # the configuration guard's business, not a misbehaviour
    assert shared.changes(before, audit=True) == []


def test_numpy_s_error_state_print_options_and_sys_path():
    shared = SharedState([])
    before = shared.snapshot()
    errors, path = np.geterr(), list(sys.path)
    np.seterr(all="raise")
    np.set_printoptions(precision=2)
    sys.path.insert(0, "/nowhere")
    try:
        assert shared.changes(before) == ["numpy's error state", "numpy's print options", "sys.path"]
    finally:
        shared.restore(before)
    assert np.geterr() == errors and sys.path == path and shared.changes(before) == []


def test_a_write_into_a_module_s_dict_is_found_by_the_audit():
    oracle = oracle_module()
    shared = SharedState([oracle])
    before = shared.snapshot()
    vars(oracle)["log"] = print  # no attribute write to note: only comparing every binding finds it
    assert shared.changes(before) == []
    assert shared.changes(before, audit=True) == ["stand_in_oracle.log"]
    shared.restore(before)
    assert shared.changes(before, audit=True) == []
