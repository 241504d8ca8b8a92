"""Text from outside the suite is data in every report: capped, encodable, inert in a terminal and in Markdown."""

from __future__ import annotations

from conformance.untrusted_text import (
    MESSAGE_LIMIT,
    TRACEBACK_LIMIT,
    capped,
    capped_lines,
    exception_text,
    for_html,
    for_markdown,
    printable,
)

HOSTILE = "byte \udc80, \x1b[31mred\x1b[0m\r\x07\x9b2J, <script>alert(1)</script> | a & b\ntab\tend, é—ok"


def test_a_short_message_is_kept_with_its_surrogates_escaped():
    assert capped("plain é—") == "plain é—"
    assert capped("byte \udc80 and \ud800") == "byte \\udc80 and \\ud800"
    capped("byte \udc80").encode("utf-8")  # encodable: no UnicodeEncodeError


def test_a_long_message_is_cut_with_a_note_of_how_much():
    text = capped("m" * 10_000_000)
    assert text == "m" * MESSAGE_LIMIT + f"… [{10_000_000 - MESSAGE_LIMIT:,} more characters cut]"
    assert capped("m" * MESSAGE_LIMIT) == "m" * MESSAGE_LIMIT


def test_a_traceback_keeps_its_lines_each_capped_and_is_capped_whole():
    assert capped_lines("short\nE   " + "m" * 10_000 + "\u2028byte \udc80") == (
        "short\nE   " + "m" * (MESSAGE_LIMIT - 4) + f"… [{10_004 - MESSAGE_LIMIT:,} more characters cut]\nbyte \\udc80")
    many = capped_lines("line\n" * 1_000_000)
    assert len(many) < TRACEBACK_LIMIT + 100 and many.endswith(" more characters cut]")


def test_printable_shows_control_characters_as_escapes():
    text = printable(HOSTILE)
    assert text == ("byte \\udc80, \\x1b[31mred\\x1b[0m\\x0d\\x07\\x9b2J, <script>alert(1)</script> | a & b\n"
                    "tab\tend, é—ok")
    assert not any(0x80 <= ord(ch) < 0xA0 or (ord(ch) < 0x20 and ch not in "\n\t") for ch in text)


def test_html_shows_the_text_itself():
    assert for_html('<a href="x">\x1b[1m') == "&lt;a href=&quot;x&quot;&gt;\\x1b[1m"


def test_markdown_shows_the_text_itself():
    assert for_markdown(HOSTILE) == ("byte \\udc80, \\x1b[31mred\\x1b[0m\\x0d\\x07\\x9b2J, "
                                     "&lt;script&gt;alert(1)&lt;/script&gt; \\| a &amp; b<br>tab\tend, é—ok")


def test_an_exception_that_cannot_be_printed_is_named():
    class Unprintable(Exception):
        def __str__(self):
            raise RuntimeError("no message either")

    assert exception_text(Unprintable()) == "<unprintable Unprintable>"
    assert exception_text(ValueError("plain")) == "plain"
