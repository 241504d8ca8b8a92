"""Text the suite did not write, as each report shows it: data, never markup or terminal control.

A backend's exception messages (and, less often, its version string, its file's
path, the names given on the command line) can hold anything: lone surrogates
(``"\\udc80"``, from bytes decoded with ``surrogateescape``), which UTF-8 cannot
encode; ANSI escape sequences that recolour or rewrite a terminal; HTML that a
Markdown viewer would render; megabytes of text. Contracts:

* ``exception_text(error)`` is ``str(error)``, even when ``__str__`` itself raises (anything,
  ``SystemExit`` included: a message must not end the run);
* ``escape_surrogates(text)`` writes each lone surrogate as its backslash escape
  (``\\udc80``), so the text encodes as UTF-8; every other character is kept;
* ``capped(text)`` is a message as every report carries it: surrogates escaped, at
  most ``MESSAGE_LIMIT`` characters, then a note of how many more were cut;
* ``capped_lines(text)``: several lines (a traceback), each capped, and the whole
  at most ``TRACEBACK_LIMIT`` characters;
* ``printable(text)`` shows control characters (the ESC of an ANSI sequence
  included) as ``\\x1b``-style escapes, and escapes lone surrogates: for the
  terminal, and for a TOML comment, where control characters are not allowed.
  Newlines and tabs stay;
* ``for_html(text)`` is HTML text (or an attribute's value) that shows the text
  itself: ``printable``, then HTML escaped;
* ``for_markdown(text)`` is inline Markdown that shows the text itself: ``printable``,
  HTML escaped, ``|`` escaped (a table cell), newlines as ``<br>``.
"""

from __future__ import annotations

import html

from .watchdog import passes_through

MESSAGE_LIMIT = 4096
"""Characters of one message kept in the reports: a screenful, more than an error needs to say
what went wrong; a backend that puts a whole array or a log in its exception would otherwise
make every report as long, once per failing check."""

TRACEBACK_LIMIT = 16 * MESSAGE_LIMIT
"""Characters of a traceback (pytest's record of a failure, ``--tb=long``): one through a deep call
stack stays whole."""

# C0 controls but newline and tab, DEL, C1 controls (0x9b alone starts an ANSI sequence on some terminals).
_CONTROLS = [code for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\n\t"]
_CONTROL_ESCAPES = {code: f"\\x{code:02x}" for code in _CONTROLS}


def exception_text(error: object) -> str:
    """``str(error)``; ``<unprintable Name>`` for an exception whose ``__str__`` raises."""
    try:
        return str(error)
    except BaseException as failure:  # noqa: B036 - a backend's __str__ may raise SystemExit, a skip, ...
        if passes_through(failure):
            raise
        return f"<unprintable {type(error).__name__}>"


def escape_surrogates(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def capped(text: str, limit: int = MESSAGE_LIMIT) -> str:
    text = escape_surrogates(text)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit:,} more characters cut]"


def capped_lines(text: str) -> str:
    return capped("\n".join(capped(line) for line in text.splitlines()), TRACEBACK_LIMIT)


def printable(text: str) -> str:
    return escape_surrogates(text).translate(_CONTROL_ESCAPES)


def for_html(text: str) -> str:
    return html.escape(printable(text))


def for_markdown(text: str) -> str:
    return "<br>".join(html.escape(printable(text), quote=False).replace("|", "\\|").splitlines())
