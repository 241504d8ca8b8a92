"""Unloadable on purpose: its import fails with a message holding a lone surrogate, ANSI
escape sequences and 10 MB of text."""

raise RuntimeError("byte \udc80, \x1b[31mred\x1b[0m\x1b[2J; " + "x" * 10_000_000)
