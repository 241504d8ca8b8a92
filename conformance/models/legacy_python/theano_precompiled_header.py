"""A pytest plugin (``-p theano_precompiled_header``): Theano's C modules compile against a precompiled header.

Every module Theano 1.0.5 compiles begins with the same six includes (``Python.h``, ``iostream``,
``theano_mod_helper.h``, ``math.h``, ``numpy/arrayobject.h``, ``numpy/arrayscalars.h``), and at
-O0 g++ spends more than half of each compile reading them: 0.45 s a module, 0.19 s with them
precompiled, over about 1,240 modules in a serial cold run.

This plugin builds one GCC precompiled header of those includes (``Python.h.gch``, with the
flags Theano compiles with) in ``precompiled_header`` under Theano's ``base_compiledir``, and
puts that directory first on Theano's include path (``gcc.cxxflags``). Where a module includes
``<Python.h>``, g++ loads the header's state instead of parsing; the includes that follow are
then empty (their include guards). The machine code is the same: ``objdump -d`` of 30 modules
of a run, compiled both ways, is identical. (A header that also held ``vector`` and
``algorithm``, which most modules include next, saved a little more but added their constants
to the modules that do not.) Where a module's flags differ from the header's (an op that adds
its own), g++ ignores the header and reads the text beside it, the same includes. Theano's
cache keys hold the compile flags, ``-I`` included: modules compiled without the header are
compiled again once.

pytest imports a ``-p`` plugin while it reads the command line, before the suite imports the
backend, and with it Theano, which reads ``THEANO_FLAGS`` once; the interpreters the suite
starts inherit the flags. The compile flags are learnt from Theano in a new interpreter (this
one must not import it yet). Anything that goes wrong leaves Theano as it was, said in one line.
"""

import json
import os
import subprocess
import sys

# Theano's own flags: CLinker.compile_args (theano/gof/cc.py) before those of its compiler, and
# GCC_compiler.compile_str's command around them (theano/gof/cmodule.py).
_PROBE = """
import json, theano
from theano.gof import cmodule
flags = ["-g"] + ([] if theano.config.cmodule.remove_gxx_opt else ["-O3"])
flags += ["-fno-math-errno", "-Wno-unused-label", "-Wno-unused-variable", "-Wno-write-strings"]
flags += cmodule.GCC_compiler.compile_args()
print(json.dumps({"cxx": theano.config.cxx, "flags": flags, "include_dirs": cmodule.std_include_dirs(),
                  "base_compiledir": theano.config.base_compiledir}))
"""

_INCLUDES = ('<iostream>', '"theano_mod_helper.h"', '<math.h>', '<numpy/arrayobject.h>', '<numpy/arrayscalars.h>')


def _build() -> str:
    """Write ``Python.h`` and its precompiled ``Python.h.gch`` into ``precompiled_header`` under
    Theano's ``base_compiledir``, and return that directory; raise on failure.

    The directory is the same in every run: Theano's cache keys hold its compile flags, and with
    them the ``-I`` of this directory, so a directory of another name would miss every module a
    run before compiled. Each file is written beside its place and then renamed over it: an
    xdist worker, or a run started meanwhile, reads the old file or the new one, never half of one
    (both hold the same)."""
    probe = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    theano = json.loads(probe.stdout.strip().splitlines()[-1])
    python_h = next(os.path.join(d, "Python.h") for d in theano["include_dirs"]
                    if os.path.isfile(os.path.join(d, "Python.h")))
    directory = os.path.join(theano["base_compiledir"], "precompiled_header")
    os.makedirs(directory, exist_ok=True)
    header = os.path.join(directory, "Python.h")
    own = f".{os.getpid()}"  # this process's files until they are renamed
    with open(header + own, "w") as text:
        text.write("#ifndef KERAS_CONFORMANCE_PRECOMPILED_PYTHON_H\n#define KERAS_CONFORMANCE_PRECOMPILED_PYTHON_H\n")
        text.write(f'#include "{python_h}"\n' + "".join(f"#include {name}\n" for name in _INCLUDES) + "#endif\n")
    os.replace(header + own, header)
    command = [theano["cxx"], *theano["flags"], f"-I{directory}", *(f"-I{d}" for d in theano["include_dirs"]),
               "-fvisibility=hidden"]
    subprocess.run([*command, "-x", "c++-header", header, "-o", header + ".gch" + own],
                   capture_output=True, text=True, check=True)
    os.replace(header + ".gch" + own, header + ".gch")
    # g++ says which headers it reads (-H): "! FILE.gch" when it loads a precompiled one.
    check = subprocess.run([*command, "-H", "-fsyntax-only", "-x", "c++", "-"], input="#include <Python.h>\n",
                           capture_output=True, text=True, check=True)
    if f"! {header}.gch" not in check.stderr:
        raise RuntimeError("g++ does not load it with Theano's flags")
    return directory


def _with_include_dir(flags: str, directory: str) -> str:
    """``THEANO_FLAGS`` with ``directory`` first on the include path: appended to the last
    ``gcc.cxxflags`` given (Theano keeps the last value of a flag), unless it is there already.
    xdist's workers inherit the flags their controller set: a second ``-I`` would change every
    cache key, so a serial run and a parallel one would not share their compiled modules."""
    cxxflags = ""
    for flag in flags.split(","):
        name, _, value = flag.partition("=")
        if name.strip() == "gcc.cxxflags":
            cxxflags = value
    if f"-I{directory}" in cxxflags.split():
        return flags
    return f"{flags},gcc.cxxflags={cxxflags} -I{directory}".lstrip(",")


def _install() -> None:
    try:
        directory = _build()
    except (OSError, subprocess.CalledProcessError, RuntimeError, ValueError, StopIteration) as error:
        detail = (str(getattr(error, "stderr", None) or error).strip().splitlines() or [type(error).__name__])[-1]
        print(f"theano_precompiled_header: not used, Theano compiles as it would without it ({detail[:200]})",
              file=sys.stderr)
        return
    os.environ["THEANO_FLAGS"] = _with_include_dir(os.environ.get("THEANO_FLAGS", ""), directory)


if "theano" not in sys.modules:
    _install()
