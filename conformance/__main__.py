"""``python -m conformance [pytest options]``: pytest with this plugin, e.g.
``python -m conformance --backend=my_package.my_backend``.

The same run as ``pytest --backend=...``, for environments that disable the automatic loading
of pytest plugins (``PYTEST_DISABLE_PLUGIN_AUTOLOAD``): there the plugin is loaded by name.
The exit status is pytest's (see ``conformance.plugin``).
"""

from __future__ import annotations

import os
import sys

import pytest


def main(argv: list[str] | None = None) -> int:
    # This package is imported before pytest starts, too early for pytest to rewrite its asserts
    # (the suite's checks, collected later, are rewritten): the warning would only be noise.
    args = ["-W", "ignore:Module already imported so cannot be rewritten:pytest.PytestAssertRewriteWarning",
            *(sys.argv[1:] if argv is None else argv)]
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        # Loaded by name only then: with autoloading on, their entry points already register them.
        args = ["-p", "conformance.plugin", "-p", "_hypothesis_pytestplugin", *args]
    return int(pytest.main(args))


if __name__ == "__main__":
    sys.exit(main())
