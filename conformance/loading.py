"""Finding and loading the backend under test, by Keras 2's rules.

Name resolution: ``--backend`` > ``KERAS_BACKEND`` > the ``"backend"`` key of
``keras.json`` (under ``KERAS_HOME``, else ``~/.keras``) > the reference
backend. ``tensorflow`` means ``tf_keras.backend``. An empty or blank
``--backend`` or ``KERAS_BACKEND`` is refused: in a CI job it is a variable that
was not set, and testing another backend instead would pass by accident (Keras
2.3.1's loader ignores an empty ``KERAS_BACKEND``; a conformance run does not).
Loading: the module must import and define every required entry
(``placeholder``, ``variable``, ``function``), as Keras 2's loader demands.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import os
import re
import select
import signal
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Final

from .catalogue import REQUIRED_ENTRIES
from .contract import DATA_FORMATS, FLOAT_TYPES
from .escapes import BackendMisbehaved
from .untrusted_text import capped, exception_text
from .watchdog import passes_through

REFERENCE_BACKEND = "reference_backend"
# Keras 2 backend names that are not module paths.
BUILTIN_ALIASES = {"tensorflow": "tf_keras.backend", "reference": REFERENCE_BACKEND}
_KERAS_JSON_CHOICES = {"floatx": FLOAT_TYPES, "image_data_format": DATA_FORMATS}


class BackendLoadError(Exception):
    """The backend cannot be tested: one line saying what was expected.

    ``missing_required`` lists the required entries the module lacks, when it
    imported at all; ``module`` is the module when it imported.
    """

    def __init__(self, message: str, missing_required: tuple[str, ...] = (),
                 module: ModuleType | None = None):
        super().__init__(message)
        self.missing_required = missing_required
        self.module = module


@dataclass(frozen=True)
class BackendChoice:
    """Which module to test and where that name came from."""

    name: str
    source: str  # e.g. "--backend", "KERAS_BACKEND", "/path/keras.json", "default"
    setup: str = ""  # --backend-setup: "module:function" called before the backend is imported


@dataclass
class LoadedBackend:
    """A backend module that passed Keras 2's loading rule."""

    choice: BackendChoice
    module: ModuleType
    version: str = field(default="unknown")

    @property
    def file(self) -> str:
        return getattr(self.module, "__file__", None) or "<no file>"


def keras_json_path(environ: Mapping[str, str] = os.environ) -> str:
    """``$KERAS_HOME/keras.json``, else ``~/.keras/keras.json``."""
    keras_dir = environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return os.path.join(keras_dir, "keras.json")


def read_keras_json(path: str) -> dict[str, Any] | None:
    """The settings in ``path``, or ``None`` when there is no such file.

    Raises ``BackendLoadError`` for a file that is not a JSON object, or whose
    known keys hold values Keras 2 rejects (it asserts on them at import).
    """
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise BackendLoadError(f"cannot read {path}: {error.strerror}") from None
    try:
        settings = json.loads(text)
    except ValueError as error:
        raise BackendLoadError(f"{path} is not valid JSON ({error})") from None
    if not isinstance(settings, dict):
        raise BackendLoadError(f"{path} must hold a JSON object, got {type(settings).__name__}")
    for key, choices in _KERAS_JSON_CHOICES.items():
        if key in settings and settings[key] not in choices:
            raise BackendLoadError(
                f"{path}: {key!r} must be one of {', '.join(choices)}; got {settings[key]!r}")
    if "epsilon" in settings and not isinstance(settings["epsilon"], float):
        raise BackendLoadError(f"{path}: 'epsilon' must be a float; got {settings['epsilon']!r}")
    if "backend" in settings and not (isinstance(settings["backend"], str) and settings["backend"]):
        raise BackendLoadError(f"{path}: 'backend' must be a module name; got {settings['backend']!r}")
    return settings


def resolve_backend_name(option: str | None, environ: Mapping[str, str] = os.environ,
                         setup: str = "") -> BackendChoice:
    """The backend to test, resolved as Keras 2 resolves it (see module docstring), with the
    ``setup`` to run before importing it (see ``run_setup``); ``option`` is ``--backend``, None
    when not given."""
    if option is not None:
        choice = BackendChoice(_named(option, "--backend"), "--backend")
    elif "KERAS_BACKEND" in environ:
        choice = BackendChoice(_named(environ["KERAS_BACKEND"], "KERAS_BACKEND"), "KERAS_BACKEND")
    else:
        path = keras_json_path(environ)
        settings = read_keras_json(path)
        if settings and settings.get("backend"):
            choice = BackendChoice(settings["backend"], path)
        else:
            choice = BackendChoice(REFERENCE_BACKEND, "default")
    return BackendChoice(BUILTIN_ALIASES.get(choice.name, choice.name), choice.source, setup)


_SETUP = re.compile(r"[A-Za-z_][\w.]*(:[A-Za-z_]\w*)?")


def run_setup(setup: str) -> None:
    """Run ``--backend-setup``: import ``module`` and call ``module.function()`` (``module`` alone:
    only import it). It runs before the backend is imported, in this process and in every new
    interpreter the suite starts, for backends that need a step first (tf_keras in TF1 graph
    mode: ``tensorflow.compat.v1:disable_eager_execution``). ``BackendLoadError`` when it fails."""
    if not _SETUP.fullmatch(setup):
        raise BackendLoadError(f"--backend-setup={setup!r}: expected module:function or module, "
                               "e.g. tensorflow.compat.v1:disable_eager_execution")
    module_name, _, function = setup.partition(":")
    try:
        module = importlib.import_module(module_name)
        if function:
            getattr(module, function)()
    except BaseException as error:  # noqa: B036 - any failure of third-party set-up code
        if isinstance(error, KeyboardInterrupt):
            raise
        raise BackendLoadError(f"--backend-setup={setup}: {type(error).__name__}: {error}") from None


# The same step, as source for the new interpreters the suite starts (fresh_import).
SETUP_SOURCE = """
def run_setup(setup):
    if setup:
        module, _, function = setup.partition(":")
        module = importlib.import_module(module)
        if function:
            getattr(module, function)()
"""


def _named(name: str, where: str) -> str:
    if not name.strip():
        raise BackendLoadError(f"{where} is {'blank' if name else 'empty'} ({name!r}); expected a module path such "
                               "as my_package.my_backend, or 'reference'")
    return name


ABSENT: Final = object()
"""What ``look_up`` answers for a name the module does not define."""


def look_up(module: ModuleType, name: str) -> Any:
    """``module``'s attribute ``name``, or ``ABSENT`` when looking it up raises ``AttributeError``.
    Any other exception of the lookup (but those that ``escapes.passes_through``) becomes
    ``BackendMisbehaved``, blamed on ``name``."""
    try:
        return getattr(module, name)
    except AttributeError:
        return ABSENT
    except BaseException as error:  # noqa: B036 - a module __getattr__ may raise anything
        if passes_through(error):
            raise
        raise BackendMisbehaved(f"looking up {name} raised {type(error).__name__}: {capped(exception_text(error))}",
                                name) from None


def defines(module: ModuleType, name: str) -> bool:
    """Whether ``module`` defines ``name``, for what the run shows beside the checks (the names
    Keras 2.3.1 imports, a report of a failed load): a lookup that raises counts as not defined;
    the checks of that entry report what it raised."""
    try:
        return look_up(module, name) is not ABSENT
    except BackendMisbehaved:
        return False


def import_backend(choice: BackendChoice) -> LoadedBackend:
    """Import the chosen module and apply Keras 2's loading rule.

    The import runs in this process's environment, where the run has pointed ``KERAS_HOME`` at a
    directory of its own (see ``conformance.sandbox``). Raises ``BackendLoadError`` when the module
    cannot be imported, lacks required entries, or looking one up raises.
    """
    if choice.setup:
        run_setup(choice.setup)
    module = _import(choice)
    try:
        missing = tuple(name for name in REQUIRED_ENTRIES if look_up(module, name) is ABSENT)
    except BackendMisbehaved as error:
        raise BackendLoadError(f"backend {choice.name!r} (from {choice.source}): {error}; Keras 2 loads a backend "
                               f"only if it defines {', '.join(REQUIRED_ENTRIES)}", module=module) from None
    if missing:
        raise BackendLoadError(
            f"backend {choice.name!r} (from {choice.source}) lacks the required "
            f"entr{'y' if len(missing) == 1 else 'ies'} {', '.join(missing)}: Keras 2 loads a backend "
            f"only if it defines {', '.join(REQUIRED_ENTRIES)}",
            missing_required=missing, module=module)
    return LoadedBackend(choice, module, _version_of(module))


# Importing tensorflow takes seconds; an import that hangs must not stall the run.
IMPORT_TIMEOUT_SECONDS = 300


def _import(choice: BackendChoice) -> ModuleType:
    _import_survives(choice)
    try:
        return importlib.import_module(choice.name)
    except ModuleNotFoundError as error:
        if error.name and choice.name.startswith(error.name):
            raise BackendLoadError(
                f"cannot import backend {choice.name!r} (from {choice.source}): no module named "
                f"{error.name!r}; expected an importable module path such as my_package.my_backend"
            ) from None
        raise BackendLoadError(_import_failure(choice, error)) from None
    except BaseException as error:  # noqa: B036 - any failure of third-party import code
        if passes_through(error):
            raise
        raise BackendLoadError(_import_failure(choice, error)) from None


def _import_survives(choice: BackendChoice) -> None:
    """Import the backend once in a forked child first (where the platform forks): an import that
    ends the process (``os._exit``, a crash) or hangs must not end the run without a report, or
    with exit 0. Raises ``BackendLoadError`` saying how the child ended; an import that merely
    raises is left to the import in this process, which reports the exception."""
    if not hasattr(os, "fork"):
        return
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: import, say how it went, and leave without any of the parent's cleanup
        os.close(read)
        said = b"raised"
        try:
            importlib.import_module(choice.name)
            said = b"imported"
        finally:
            os.write(write, said)
            os._exit(0)
    os.close(write)
    ready, _, _ = select.select([read], [], [], IMPORT_TIMEOUT_SECONDS)
    said = os.read(read, 16) if ready else b""
    os.close(read)
    if not ready:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if said in (b"imported", b"raised"):  # an exception is reported by the import in this process
        return
    how = (f"did not finish within {IMPORT_TIMEOUT_SECONDS} s" if not ready else
           f"killed the process with {signal.Signals(os.WTERMSIG(status)).name}" if os.WIFSIGNALED(status) else
           f"ended the process with exit status {os.WEXITSTATUS(status)}")
    raise BackendLoadError(f"importing backend {choice.name!r} (from {choice.source}) {how}; "
                           "expected an import that returns or raises")


def _import_failure(choice: BackendChoice, error: BaseException) -> str:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    location = f" at {where.filename}:{where.lineno}" if where else ""
    return (f"backend {choice.name!r} (from {choice.source}) failed to import: "
            f"{type(error).__name__}: {capped(exception_text(error))}{location}")


def _version_of(module: ModuleType) -> str:
    """The module's ``__version__``, else its top-level package's, else its distribution's (a
    ``__version__`` whose lookup raises is no version: the header's, not a rule of Keras 2)."""
    top_name = module.__name__.partition(".")[0]
    for candidate in (module, sys.modules.get(top_name, module)):
        try:
            version = look_up(candidate, "__version__")
        except BackendMisbehaved:
            continue
        if isinstance(version, str):
            return version
    for distribution in importlib.metadata.packages_distributions().get(top_name, []):
        try:
            return importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "unknown"
