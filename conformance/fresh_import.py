"""The backend as it is right after import, observed in new interpreters.

Import-time behaviour (defaults, keras.json) cannot be judged in the running
process: the module is imported already and other checks change its state.
So the backend is imported in two fresh interpreters at once, one with an
empty ``KERAS_HOME`` and one whose keras.json holds ``CUSTOM``; each reports
the settings and the learning phase. The user's real home is never used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tempfile
from typing import Any

from .compare import Mismatch
from .loading import IMPORT_TIMEOUT_SECONDS, SETUP_SOURCE

SETTINGS = ("floatx", "epsilon", "image_data_format")
DEFAULTS = {"floatx": "float32", "epsilon": 1e-7, "image_data_format": "channels_last"}
# keras.json values that differ from every default.
CUSTOM = {"floatx": "float64", "epsilon": 1e-4, "image_data_format": "channels_first"}

_PROBE = """
import importlib, json, sys
""" + SETUP_SOURCE + """
run_setup(sys.argv[2])
module = importlib.import_module(sys.argv[1])
found = {}
for name in ("floatx", "epsilon", "image_data_format", "learning_phase"):
    try:
        found[name] = getattr(module, name)()
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # SystemExit too: one getter's failure, the others still read
        try:
            found[name] = "raised %s: %s" % (type(error).__name__, error)
        except BaseException:
            found[name] = "raised %s" % type(error).__name__
print("CONFORMANCE-PROBE " + json.dumps(found, default=repr))
"""


# Through classic Keras 2.2/2.3's own loader (keras.backend with KERAS_BACKEND naming the module): after
# each of Keras' setters, what the backend's entries do. Keras keeps its common module's config functions
# and never copies a backend's (keras/backend/load_backend.py), so a backend must read Keras' settings.
_LOADER_PROBE = """
import importlib, json, sys
""" + SETUP_SOURCE + """
run_setup(sys.argv[1])
def report(found):
    print("CONFORMANCE-PROBE " + json.dumps(found))
    sys.exit(0)
try:
    import keras
except ImportError as error:
    report({"unavailable": "Keras 2.2/2.3 is not installed (%s)" % error})
if not keras.__version__.startswith(("2.2.", "2.3.")):
    report({"unavailable": "keras %s is not classic Keras 2.2/2.3" % keras.__version__})
import numpy as np
import keras.backend as K
found = {}
K.set_floatx("float64")
found["set_floatx"] = ["dtype(variable([10.])) after keras.backend.set_floatx('float64')", "float64",
                       K.dtype(K.variable(np.array([10.0])))]
K.set_floatx("float32")
K.set_epsilon(1e-3)
target, output = K.variable(np.array([0.0])), K.variable(np.array([1.0]))
loss = float(np.ravel(K.eval(K.binary_crossentropy(target, output)))[0])
found["set_epsilon"] = ["binary_crossentropy(0, 1) after keras.backend.set_epsilon(1e-3): under 8 (the clip at "
                        "1 - 1e-3 gives 7.6 or less; 1e-7 gives 15 and more)", "under 8",
                        "%.4g" % loss if loss >= 8 else "under 8"]
K.set_epsilon(1e-7)
K.set_image_data_format("channels_first")
shape = tuple(int(n) for n in K.eval(K.spatial_2d_padding(K.zeros((1, 1, 2, 2)))).shape)
found["set_image_data_format"] = ["the shape of spatial_2d_padding(zeros((1, 1, 2, 2))) after "
                                  "keras.backend.set_image_data_format('channels_first')", "(1, 1, 4, 4)", str(shape)]
report(found)
"""


def through_keras_loader(module_name: str, setup: str = "") -> dict[str, Any]:
    """What the backend does after classic Keras 2.2/2.3's own setters, loaded by Keras' loader in a
    new interpreter: ``{setter: [what, expected, found]}``; ``{"unavailable": why}`` when that Keras is
    not installed; ``{"error": ...}`` when its loader could not load the backend."""
    with tempfile.TemporaryDirectory() as home:
        # keras.backend reads KERAS_BACKEND (say, theano) itself; any other module is named by it.
        chosen = os.environ.get("KERAS_BACKEND", "") if module_name == "keras.backend" else module_name
        env = {**os.environ, "KERAS_HOME": home, "KERAS_BACKEND": chosen, "PYTHONPATH": _search_path(),
               "TF_CPP_MIN_LOG_LEVEL": "3"}
        return _collect(subprocess.Popen([sys.executable, "-c", _LOADER_PROBE, setup], env=env,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))


def fresh_imports(module_name: str, setup: str = "") -> dict[str, dict[str, Any]]:
    """``{"default": found, "custom": found}``: what ``module_name`` reports right
    after import (after ``setup``, see ``loading.run_setup``), without and with the ``CUSTOM``
    keras.json. ``found`` maps each
    getter to its answer, or is ``{"error": last line of stderr}`` when the import failed."""
    processes: dict[str, subprocess.Popen[str]] = {}
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as custom:
        with open(os.path.join(custom, "keras.json"), "w", encoding="utf-8") as handle:
            json.dump(CUSTOM, handle)
        for label, home in (("default", empty), ("custom", custom)):
            # KERAS_BACKEND stays: a backend module may read it at import as Keras 2's loader does
            # (keras.backend with KERAS_BACKEND=theano).
            env = {**os.environ, "KERAS_HOME": home, "PYTHONPATH": _search_path(), "TF_CPP_MIN_LOG_LEVEL": "3"}
            processes[label] = subprocess.Popen([sys.executable, "-c", _PROBE, module_name, setup], env=env,
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        return {label: _collect(process) for label, process in processes.items()}


def _search_path() -> str:
    """The directories this process searches before the standard library (those the user's
    ``PYTHONPATH`` and pytest put in front), for the child's ``PYTHONPATH``. What comes after the
    standard library (site-packages and its ``.pth`` entries) the child finds by itself; put in
    front, a package shadowing a standard module there (enum34's ``enum``) would break the
    child's standard library, which it does not in this process."""
    stdlib = {os.path.realpath(sysconfig.get_paths()[key]) for key in ("stdlib", "platstdlib")}
    front = []
    for path in sys.path:
        if os.path.realpath(path or os.getcwd()) in stdlib or path.endswith(".zip"):
            break
        front.append(path or os.getcwd())
    return os.pathsep.join(front)


def _collect(process: subprocess.Popen[str]) -> dict[str, Any]:
    try:
        out, err = process.communicate(timeout=IMPORT_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        return {"error": f"the import did not finish within {IMPORT_TIMEOUT_SECONDS} s"}
    lines = [line for line in out.splitlines() if line.startswith("CONFORMANCE-PROBE ")]
    if lines:
        found: dict[str, Any] = json.loads(lines[-1].split(" ", 1)[1])
        return found
    return {"error": (err.strip().splitlines() or [f"no output (exit status {process.returncode})"])[-1]}


def describe(label: str) -> str:
    return "no keras.json" if label == "default" else f"keras.json {json.dumps(CUSTOM)}"


def settings_after_import(found_by_label: dict[str, dict[str, Any]], label: str) -> dict[str, Any]:
    """The settings found in the ``label`` interpreter; ``Mismatch`` if the import failed there."""
    found = found_by_label[label]
    if "error" in found:
        raise Mismatch(f"importing the backend in a new interpreter ({describe(label)}) failed: {found['error']}")
    return found
