"""Keras 2.3.1 and Theano 1.0.5 on the Pythons we support (3.10 and newer).

Put on ``PYTHONPATH`` by the tox envs that install them (``keras-2.3.1``,
``keras-2.3.1-backend-tests``, ``theano``); Python imports a ``sitecustomize``
module at start-up, before Keras or Theano load.

* Keras 2.3.1 imports ``Iterable``, ``Mapping`` and ``Sequence`` from ``collections``,
  whose aliases of ``collections.abc`` Python 3.10 removed: they are restored.
* Theano's compiled scan loop (``scan_perform.c``, generated for older CPython) does not
  build on Python 3.11 (``longintrepr.h: No such file or directory``). Making its
  extension unimportable sends Theano to the pure-Python loop it falls back to
  (``theano/scan_module/scan_op.py``); without Theano installed this line does nothing.
"""

import collections
import collections.abc
import sys

for _name in collections.abc.__all__:
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

sys.modules["theano.scan_module.scan_perform_ext"] = None  # type: ignore[assignment]
