"""Backends that do what Keras 2 allows in ways the suite once misjudged: each must conform (tests/test_blame.py)."""
