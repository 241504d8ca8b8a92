"""keras-backend-conformance: checks a Keras 2 backend module against the reference numpy backend.

Run it with ``pytest --backend=my_package.my_backend``; the pytest plugin is
``conformance.plugin`` and the checks live in ``conformance.suite``.
"""

from importlib import metadata as _metadata

try:  # one source: the version pyproject.toml gives the distribution
    __version__ = _metadata.version("keras-backend-conformance")
except _metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "unknown"
