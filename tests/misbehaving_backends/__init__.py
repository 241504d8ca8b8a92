"""Backends that misbehave beyond wrong answers: they hang, kill the process, mutate
their inputs, answer non-tensors or raise odd exceptions. The run must complete and
report exactly the misbehaving entry. Each module names its entry, a fragment of the
expected message, and the options its run needs (``OPTIONS``)."""
