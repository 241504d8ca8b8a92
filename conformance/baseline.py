"""Baselines: the gaps a backend is known to have, so that a CI gate fails only on new ones.

A baseline is a TOML file with one ``[[gap]]`` table per known gap::

    [[gap]]
    entry = "function"                       # required: a catalogue entry
    check = "test_function_applies_*"         # optional: a check name or a pattern
    category = "unsupported"                  # unsupported | known-difference | bug
    reason = "updates are not supported in eager mode: ..."   # required, not empty
    floatx = ["float64", "float16"]           # optional: only under these floatx (default: all)
    time_limit = 60                           # optional: a known hang, stopped after these seconds

``check`` names a check as the report shows it (``test_rnn_every_flag_together[eager]``,
``presence`` for an absent entry); ``*`` matches any text and ``?`` one character,
every other character (brackets included) stands for itself. Without ``check``
the gap covers every check of the entry. Without ``floatx`` it applies under
every floatx; with it, a run under another floatx ignores the gap (so a gap
of float64 alone is neither expected nor "fixed" under float32). ``time_limit``
is for a check known to hang: it runs out of time after these seconds instead
of ``--check-timeout`` (the shorter of the two wins), so a known hang does not
cost a run the whole default limit; a backend whose check then finishes within
it is told "fixed" as usual.

Contracts:

* ``resolve`` turns ``--baseline``'s value into a path: an existing file as given, else a name
  such as ``tf_keras`` names a baseline shipped in this package (``shipped_names``);
* ``load`` reads and validates a file; any problem (unreadable, not UTF-8, not
  TOML, nested too deeply to parse, a value of the wrong type, a key or category
  it does not know, an entry the catalogue does not have, an empty reason) raises
  ``BaselineError`` whose message is one line naming the file, the gap (by its
  position) and what was expected.
* ``Baseline.covering(entry, check)`` is the first gap that covers a check, or None;
  a pattern decides in time linear in the check's name, however many stars it has
  (``wildcards``).
* ``Baseline.under(floatx)`` is the baseline with only the gaps that apply under ``floatx``.
* ``render`` writes gaps back in the same format; ``load(render(gaps))`` gives
  the same gaps.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by the oldest-numpy env (Python 3.10)
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

from .catalogue import CATALOGUE
from .contract import FLOAT_TYPES
from .untrusted_text import capped, escape_surrogates, printable
from .watchdog import MAX_DEADLINE
from .wildcards import Wildcards

GAP_CATEGORIES = ("unsupported", "known-difference", "bug")
SHIPPED = Path(__file__).resolve().parent / "baselines"  # the triaged gaps of real backends, as package data
_KEYS = ("entry", "check", "category", "reason", "floatx", "time_limit")
_REQUIRED_KEYS = ("entry", "category", "reason")


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message is one line saying why."""


@dataclass(frozen=True)
class KnownGap:
    """One ``[[gap]]`` of a baseline."""

    entry: str
    category: str
    reason: str
    check: str | None = None  # a check name or pattern; None covers every check of the entry
    floatx: tuple[str, ...] | None = None  # the floatx it applies under; None: all
    time_limit: float | None = None  # seconds the check may run, for a known hang; None: --check-timeout

    def covers(self, entry: str, check: str) -> bool:
        return entry == self.entry and (self.check is None or self._pattern.matches(check))

    @cached_property
    def _pattern(self) -> Wildcards:
        return Wildcards(self.check or "")

    def label(self) -> str:
        """``entry`` or ``entry[check]``, as the report names a known gap."""
        return self.entry if self.check is None else f"{self.entry} [{self.check}]"


@dataclass(frozen=True)
class Baseline:
    """The known gaps of one file."""

    path: str
    gaps: tuple[KnownGap, ...]

    def covering(self, entry: str, check: str) -> KnownGap | None:
        return next((gap for gap in self.gaps if gap.covers(entry, check)), None)

    def under(self, floatx: str) -> Baseline:
        return Baseline(self.path, tuple(gap for gap in self.gaps if gap.floatx is None or floatx in gap.floatx))


def shipped_names() -> list[str]:
    """The names of the baselines shipped in this package (``--baseline=tf_keras``)."""
    return sorted(path.stem for path in SHIPPED.glob("*.toml"))


def resolve(value: str) -> str:
    """The file ``--baseline=value`` names: ``value`` itself when it exists or looks like a path,
    else the shipped baseline of that name (so a pip user needs no clone of the repository);
    an unknown name is returned unchanged, for ``load`` to report with the shipped names."""
    if os.path.exists(value) or not re.fullmatch(r"[\w.-]+", value) or value.endswith(".toml"):
        return value
    shipped = SHIPPED / f"{value}.toml"
    return str(shipped) if shipped.is_file() else value


def load(path: str) -> Baseline:
    """Read and validate the baseline at ``path`` (see the module docstring)."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        shipped = ", ".join(shipped_names())
        raise BaselineError(f"cannot read baseline {path}: {error.strerror or error}; expected a TOML file or the "
                            f"name of a shipped baseline ({shipped})") from None
    except UnicodeDecodeError as error:
        raise BaselineError(f"baseline {path} is not UTF-8 text (byte {error.object[error.start]:#04x} at offset "
                            f"{error.start}); expected a TOML file, which is UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise BaselineError(f"baseline {path} is not valid TOML: {error}") from None
    except RecursionError:  # the parser recurses once per level of nested arrays or inline tables
        raise BaselineError(f"baseline {path} nests arrays or tables too deeply to parse; "
                            "expected [[gap]] tables of strings") from None
    return Baseline(path, tuple(parse(data, path)))


def parse(data: dict[str, Any], path: str) -> list[KnownGap]:
    """The gaps of an already-decoded baseline document."""
    extra = sorted(set(data) - {"gap"})
    if extra:
        raise BaselineError(f"baseline {path}: unknown top-level key {_shown(extra[0])}; expected only [[gap]] tables")
    tables = data.get("gap", [])
    if not isinstance(tables, list):
        raise BaselineError(f"baseline {path}: 'gap' must be an array of tables, written [[gap]]")
    return [_gap(table, f"baseline {path}, gap {number}") for number, table in enumerate(tables, start=1)]


def _gap(table: object, where: str) -> KnownGap:
    if not isinstance(table, dict):
        raise BaselineError(f"{where}: expected a table of {', '.join(_KEYS)}, written [[gap]]; got {_shown(table)}")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise BaselineError(f"{where}: unknown key {_shown(unknown[0])}; expected {', '.join(_KEYS)}")
    absent = [key for key in _REQUIRED_KEYS if key not in table]
    if absent:
        raise BaselineError(f"{where}: missing {absent[0]!r}; every gap needs {', '.join(_REQUIRED_KEYS)}")
    floatx = table.get("floatx")
    if floatx is not None and (not isinstance(floatx, list) or not floatx
                               or any(value not in FLOAT_TYPES for value in floatx)):
        raise BaselineError(f"{where}: 'floatx' must be a non-empty list of {', '.join(FLOAT_TYPES)}; "
                            f"got {_shown(floatx)}")
    time_limit = table.get("time_limit")
    if time_limit is not None and (isinstance(time_limit, bool) or not isinstance(time_limit, (int, float))
                                   or not 0 < time_limit <= MAX_DEADLINE):  # NaN fails both
        raise BaselineError(f"{where}: 'time_limit' must be a number of seconds > 0 and at most {MAX_DEADLINE:g}; "
                            f"got {_shown(time_limit)}")
    for key in (key for key in table if key not in ("floatx", "time_limit")):
        if not isinstance(table[key], str) or not table[key].strip():
            raise BaselineError(f"{where}: {key!r} must be a non-empty string; got {_shown(table[key])}")
    entry = table["entry"]
    if entry not in CATALOGUE:
        raise BaselineError(f"{where}: {_shown(entry)} is not an entry of the catalogue")
    if table["category"] not in GAP_CATEGORIES:
        raise BaselineError(f"{where}: category {_shown(table['category'])} is not one of {', '.join(GAP_CATEGORIES)}")
    return KnownGap(entry=entry, category=table["category"], reason=table["reason"].strip(),
                    check=table.get("check"), floatx=None if floatx is None else tuple(floatx),
                    time_limit=None if time_limit is None else float(time_limit))


def _shown(value: object) -> str:
    """A value as an error line quotes it: its repr, cut short (a value can be a whole file long)."""
    return capped(repr(value), 100)


def render(gaps: Iterable[KnownGap], header: str = "") -> str:
    """A baseline document holding ``gaps`` (``header`` becomes its leading comment)."""
    lines = [f"# {printable(line)}".rstrip() for line in header.splitlines()]  # it quotes the backend's version
    for gap in gaps:
        lines += ["", "[[gap]]", f"entry = {_toml_string(gap.entry)}"]
        if gap.check is not None:
            lines.append(f"check = {_toml_string(gap.check)}")
        lines += [f"category = {_toml_string(gap.category)}", f"reason = {_toml_string(gap.reason)}"]
        if gap.floatx is not None:
            lines.append("floatx = [" + ", ".join(_toml_string(value) for value in gap.floatx) + "]")
        if gap.time_limit is not None:
            lines.append(f"time_limit = {gap.time_limit!r}")
    return "\n".join(lines).lstrip("\n") + "\n"


def _toml_string(text: str) -> str:
    """A TOML basic string: backslashes, quotes and control characters escaped, and lone
    surrogates (which TOML cannot hold, even escaped) written as the text of their escape."""
    escaped = escape_surrogates(text).replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch >= " " and ch != "\x7f" else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'
