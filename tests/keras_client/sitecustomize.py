"""Put on ``PYTHONPATH`` by ``tox -e keras-2.3.1``: Keras 2.3.1 on Python >= 3.10.

Keras 2.3.1 imports ``Iterable``, ``Mapping`` and ``Sequence`` from ``collections``;
Python 3.10 removed those aliases of ``collections.abc``. Python imports a
``sitecustomize`` module at start-up, so this restores them before Keras loads.
"""

import collections
import collections.abc

for _name in collections.abc.__all__:
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))
