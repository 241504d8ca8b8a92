"""A readable numpy implementation of the Keras 2 backend API: the definition of "correct".

Load it as any Keras 2 backend (``KERAS_BACKEND=reference_backend``). Every
entry's docstring is its contract. Modules by subject:

* ``config``: floatx, epsilon, image data format;
* ``session``: uids, learning phase, ``clear_session``;
* ``dispatch``: the tensor types and ``op``, the single eager/deferred dispatch point;
* ``tensors``: variables, constants and their values;
* ``graph``: placeholders and ``function``; ``graph_ops``: stop_gradient, print_tensor, name_scope;
* ``elementwise``, ``reductions``, ``linalg``, ``shapes``: math and shape manipulation;
* ``nn``: activations and normalisation; ``losses``: cross-entropies;
* ``conv``: convolution, pooling, bias, resizing; ``random``: random tensors, dropout;
* ``conditionals``: switch, in_train_phase, in_test_phase;
* ``control_flow``: map_fn, foldl, foldr; ``rnn``: the recurrent loop;
* ``ctc``: connectionist temporal classification;
* ``gradients``: exact derivatives, one backward pass (``backprop``) over the gradient
  rule registered next to each op (``@entry.gradient``).
"""

from importlib import metadata as _metadata

from . import (conditionals, config, control_flow, conv, ctc, elementwise, gradients, graph, graph_ops, linalg,
               losses, nn, random, reductions, rnn as _rnn_module, session, shapes, tensors)

_MODULES = (config, session, tensors, graph, graph_ops, elementwise, reductions, linalg, shapes, nn, losses, conv,
            random, conditionals, control_flow, _rnn_module, ctc, gradients)

try:  # one source: the version pyproject.toml gives the distribution
    __version__ = _metadata.version("keras-backend-conformance")
except _metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "unknown"

# The backend's namespace is the union of its modules' public entries.
__all__ = [name for module in _MODULES for name in module.__all__]
globals().update({name: getattr(module, name) for module in _MODULES for name in module.__all__})
