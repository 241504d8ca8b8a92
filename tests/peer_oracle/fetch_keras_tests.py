"""Fetch Keras 2.3.1's backend tests from its sdist on PyPI into a directory (not kept in this repository).

Usage: ``python fetch_keras_tests.py DIRECTORY`` -> ``DIRECTORY/Keras-2.3.1/tests/...``
(``conftest.py`` and ``keras/backend/backend_test.py``, as published).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

FILES = ("Keras-2.3.1/tests/conftest.py", "Keras-2.3.1/tests/keras/backend/backend_test.py")


def main(target: str) -> None:
    with tempfile.TemporaryDirectory() as download:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                        "keras==2.3.1", "-d", download], check=True)
        with tarfile.open(Path(download) / "Keras-2.3.1.tar.gz") as sdist:
            for name in FILES:
                content = sdist.extractfile(name)
                assert content is not None, name
                path = Path(target) / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content.read())


if __name__ == "__main__":
    main(sys.argv[1])
