"""Backends judged through real Keras 2.3.1's loader (tests/keras_client/test_loader_rule.py)."""
