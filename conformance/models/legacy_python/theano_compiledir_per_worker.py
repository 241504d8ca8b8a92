"""A pytest plugin (``-p theano_compiledir_per_worker``): each xdist worker compiles into its own Theano cache.

Theano compiles a C module for every new op signature, and holds one lock over its compile
directory while it does (``ModuleCache.module_from_key`` in ``theano/gof/cmodule.py``): two
xdist workers sharing a directory compile one at a time, so a run from a cold cache kept one
core of two busy. Given a directory of its own (``compiledir_gw0``, ``compiledir_gw1`` under
``base_compiledir``), each worker compiles alongside the other; the price is the modules both
need, compiled twice. Measured on Keras 2.3.1 + Theano 1.0.5, the quick profile, ``-n 2`` on
2 cores, cold: 1,066 s sharing one directory, 737 s with one each (1,451 modules against
897 + 942); the same verdict.

pytest imports a ``-p`` plugin while it reads the command line: in a worker, after xdist has
named it (``PYTEST_XDIST_WORKER``) and before the suite imports the backend, and with it
Theano, which reads ``THEANO_FLAGS`` once. The interpreters the suite starts inherit the flags.
Without xdist (or in its controller) nothing changes. Only the cache's place changes, never
what Theano computes.
"""

import os

_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if _WORKER:
    # A later flag overrides an earlier one of the same name (Theano parses them into a dict).
    os.environ["THEANO_FLAGS"] = f"{os.environ.get('THEANO_FLAGS', '')},compiledir_format=compiledir_{_WORKER}"
