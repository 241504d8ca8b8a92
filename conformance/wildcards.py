"""Wildcard patterns, as a baseline's ``check`` writes them: ``*`` any text, ``?`` one character.

Every other character stands for itself: check names hold brackets
(``test_rnn[graph]``) that ``fnmatch`` would read as character classes.

``Wildcards(pattern).matches(text)`` is whether the whole of ``text`` matches, in
time linear in ``len(text)`` for a given pattern (``len(text) * len(pattern)`` at
worst), however many stars it has. (A regular expression with one ``.*`` per star
backtracks through every way of splitting the text among the stars: with 8 stars a
name that does not match took seconds per check, with 30 it would never finish.)
"""

from __future__ import annotations

import re


class Wildcards:
    """A compiled pattern (see the module docstring)."""

    def __init__(self, pattern: str):
        pieces = pattern.split("*")  # the literal pieces around the stars, '?' standing for any character
        self._lengths = [len(piece) for piece in pieces]
        # Without quantifiers a piece's regular expression cannot backtrack: a search costs
        # at most the piece's length per position of the text.
        self._pieces = [re.compile(re.escape(piece).replace(r"\?", "."), re.DOTALL) for piece in pieces]

    def matches(self, text: str) -> bool:
        """Whether the whole of ``text`` matches.

        The first piece must start the text and the last must end it; the pieces
        between must come in order in the text between. Taking each at its leftmost
        place is never worse than a later one (a later place leaves less text for
        the rest), so one pass from left to right decides.
        """
        if len(self._pieces) == 1:  # no star: the whole text is one piece
            return self._pieces[0].fullmatch(text) is not None
        first, *middle, last = self._pieces
        end = len(text) - self._lengths[-1]  # where the last piece must start
        if end < self._lengths[0] or first.match(text) is None or last.fullmatch(text, end) is None:
            return False
        position = self._lengths[0]
        for piece in middle:
            found = piece.search(text, position, end)
            if found is None:
                return False
            position = found.end()
        return True
