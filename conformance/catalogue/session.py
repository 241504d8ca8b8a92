"""Session state: uids, learning phase, clearing (checks: suite/test_session.py)."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'session'

ENTRIES = (
    Entry('get_uid', "prefix=''"),
    Entry('reset_uids', ''),
    Entry('clear_session', ''),
    Entry('is_keras_tensor', 'x'),
    Entry('learning_phase', ''),
    Entry('set_learning_phase', 'value'),
    Entry('learning_phase_scope', 'value', availability='tf_keras'),
    # tf_keras (v2) and classic's TensorFlow backend only; its effect is on TF1 sessions.
    Entry('manual_variable_initialization', 'value', availability='tf_keras'),
    # Not judged: get_session, set_session (tf.compat.v1 only) and experimental.* (the TF random
    # generator switches) are TensorFlow-session specific, meaningless for another backend.
)
