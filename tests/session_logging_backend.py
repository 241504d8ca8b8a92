"""The reference backend, appending a line to the file named by ``$SESSION_LOG`` at every
``clear_session`` call: lets a test count the resets a run makes."""

import os

import reference_backend
from reference_backend import *  # noqa: F401,F403

__all__ = list(reference_backend.__all__)


def clear_session():
    with open(os.environ["SESSION_LOG"], "a") as log:
        log.write("clear_session\n")
    reference_backend.clear_session()
