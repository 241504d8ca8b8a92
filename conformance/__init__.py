"""keras-backend-conformance: checks a Keras 2 backend module against the reference numpy backend.

Run it with ``pytest --backend=my_package.my_backend``; the pytest plugin is
``conformance.plugin`` and the checks live in ``conformance.suite``.
"""

__version__ = "0.1.0"
