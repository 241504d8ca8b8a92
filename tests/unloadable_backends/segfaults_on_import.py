"""Unloadable on purpose: importing it dereferences a null pointer."""

import ctypes

ctypes.string_at(0)
