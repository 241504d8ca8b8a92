"""The recurrent loop (checks: suite/test_rnn.py)."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'control flow'

ENTRIES = (
    Entry('rnn', 'step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, '
                 'unroll=False, input_length=None, time_major=False, zero_output_for_mask=False, '
                 'return_all_outputs=True',
          newer=('time_major', 'zero_output_for_mask', 'return_all_outputs')),
)
