"""The Theano env's precompiled-header plugin, where it needs no Theano: how it extends THEANO_FLAGS, and
that without Theano (or g++) it says so in one line and changes nothing. `tox -e theano` runs it for real."""

import importlib.util
import os
import pathlib

import pytest

import conformance

PLUGIN = pathlib.Path(conformance.__file__).parent / "models" / "legacy_python" / "theano_precompiled_header.py"


def load_plugin(monkeypatch, flags):
    monkeypatch.setenv("THEANO_FLAGS", flags)
    spec = importlib.util.spec_from_file_location("theano_precompiled_header", PLUGIN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("flags, extended", [
    ("", "gcc.cxxflags= -I/pch"),
    ("blas.ldflags=-lopenblas", "blas.ldflags=-lopenblas,gcc.cxxflags= -I/pch"),
    ("gcc.cxxflags=-g0,base_compiledir=/c", "gcc.cxxflags=-g0,base_compiledir=/c,gcc.cxxflags=-g0 -I/pch"),
    ("gcc.cxxflags=-O1,gcc.cxxflags=-g0 -Wall",
     "gcc.cxxflags=-O1,gcc.cxxflags=-g0 -Wall,gcc.cxxflags=-g0 -Wall -I/pch"),
    # an xdist worker inherits its controller's flags: the directory is not added twice
    ("a=1,gcc.cxxflags=-g0,gcc.cxxflags=-g0 -I/pch", "a=1,gcc.cxxflags=-g0,gcc.cxxflags=-g0 -I/pch"),
    ("gcc.cxxflags=-I/pch/sub", "gcc.cxxflags=-I/pch/sub,gcc.cxxflags=-I/pch/sub -I/pch"),
])
def test_the_include_directory_joins_the_last_cxxflags_given(monkeypatch, flags, extended):
    plugin = load_plugin(monkeypatch, "x=1")
    assert plugin._with_include_dir(flags, "/pch") == extended


def test_without_theano_it_says_so_and_changes_nothing(monkeypatch, capsys):
    if importlib.util.find_spec("theano") is not None:
        pytest.skip("Theano is installed here: the plugin builds its header")
    load_plugin(monkeypatch, "blas.ldflags=-lopenblas")
    error = capsys.readouterr().err
    assert error.startswith("theano_precompiled_header: not used, Theano compiles as it would without it (")
    assert error.count("\n") == 1
    assert os.environ["THEANO_FLAGS"] == "blas.ldflags=-lopenblas"
