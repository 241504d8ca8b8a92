"""Entries acting on the graph around a tensor: stop_gradient, print_tensor, name_scope,
control_dependencies.

The records compare values (both must answer ``x``'s value); lists given to
``stop_gradient``, the printed message and the context managers are judged
by ``conformance.suite.test_graph_ops``.
"""

from __future__ import annotations

import numpy as np

from ..calls import call
from ..inputs import unary
from .records import Entry, Example

CATEGORY = 'graph'

ENTRIES: tuple[Entry, ...] = (
    Entry("stop_gradient", "variables", calls=unary()),
    Entry("print_tensor", "x, message='', summarize=3", newer=("summarize",), calls=unary(message="conformance"),
          examples=(Example(call(np.array([[1.0, np.nan], [-np.inf, 0.5]]), message="x:"),
                            np.array([[1.0, np.nan], [-np.inf, 0.5]]), why="NaN and inf pass through unchanged"),)),
    Entry("name_scope", "name"),
    Entry("control_dependencies", "control_inputs", availability="classic"),
)
