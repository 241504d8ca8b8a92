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
)
