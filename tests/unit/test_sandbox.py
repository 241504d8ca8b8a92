"""The run's own home: KERAS_HOME for the whole run (unless the user set one), HOME while a check runs."""

from __future__ import annotations

import os

from conformance.sandbox import Sandbox


def test_keras_home_for_the_run_and_home_while_checking():
    environ = {"HOME": "/home/user"}
    sandbox = Sandbox(environ)
    assert environ["KERAS_HOME"] == os.path.join(sandbox.path, ".keras") and os.path.isdir(environ["KERAS_HOME"])
    with sandbox.checking():
        assert environ["HOME"] == sandbox.path
    assert environ["HOME"] == "/home/user"
    sandbox.close()
    assert environ == {"HOME": "/home/user"} and not os.path.exists(sandbox.path)


def test_a_keras_home_the_user_set_is_theirs():
    environ = {"KERAS_HOME": "/srv/keras"}
    sandbox = Sandbox(environ)
    assert environ["KERAS_HOME"] == "/srv/keras"
    with sandbox.checking():
        assert environ["HOME"] == sandbox.path
    assert "HOME" not in environ
    sandbox.close()
    assert environ == {"KERAS_HOME": "/srv/keras"}
