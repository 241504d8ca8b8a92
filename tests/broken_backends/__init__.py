"""Backends broken on purpose, one entry each: the suite must report exactly that entry.

Each module names its broken entry (``BROKEN_ENTRY``) and a fragment of the
message the report must give (``EXPECTED_MESSAGE``).
"""
