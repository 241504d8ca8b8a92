"""Backends whose gaps test whom the verdict blames (tests/test_blame.py says what each must give)."""
