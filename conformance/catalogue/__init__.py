"""The catalogue: one record (``records.Entry``) per entry of the Keras 2 backend API.

Records live in one module per family (``config``, ``elementwise``, ``conv``,
...), each naming its report ``CATEGORY`` and its ``ENTRIES``. Adding an entry
means adding a record to its family: presence and signature checks, the
report's categories and, when the record says how to draw inputs, the value
checks against the reference are generated from it.

Each record states the contract of tf_keras (the maintained Keras 2) where
classic Keras 2.2/2.3 agrees, with the differences said in the record's family
module; the README's "What is checked" table summarises them.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from types import ModuleType

from . import (activations, conditionals, config, control_flow, conv, ctc, elementwise, gradients, graph,
               graph_ops, linalg, losses, random, reductions, rnn, session, shapes, tensors)
from ..contract import Family
from .records import Entry, Example

__all__ = ["CATALOGUE", "CATEGORIES", "KERAS_2_3_IMPORTS", "REQUIRED_ENTRIES", "Entry", "Example", "select_entries"]

# The names `keras/backend/__init__.py` of Keras 2.3.1 imports from an external
# backend module (its loader copies the module's names, then imports these):
# a backend without any of them cannot be used by Keras 2.3.1.
KERAS_2_3_IMPORTS = frozenset("""
reset_uids get_uid learning_phase set_learning_phase is_sparse to_dense variable is_variable constant
is_keras_tensor is_tensor placeholder is_placeholder shape int_shape ndim dtype eval zeros ones eye
zeros_like ones_like identity random_uniform_variable random_normal_variable count_params cast update
update_add update_sub moving_average_update dot batch_dot transpose gather max min sum prod cumsum cumprod
var std mean any all argmax argmin square abs sqrt exp log logsumexp round sign pow clip equal not_equal
greater greater_equal less less_equal maximum minimum sin cos normalize_batch_in_training
batch_normalization concatenate reshape permute_dimensions resize_images resize_volumes repeat_elements
repeat arange tile flatten batch_flatten expand_dims squeeze temporal_padding spatial_2d_padding
spatial_3d_padding stack one_hot reverse slice get_value batch_get_value set_value batch_set_value
print_tensor function gradients stop_gradient rnn switch in_train_phase in_test_phase relu elu softmax
softplus softsign categorical_crossentropy sparse_categorical_crossentropy binary_crossentropy sigmoid
hard_sigmoid tanh dropout l2_normalize in_top_k conv1d separable_conv1d conv2d separable_conv2d
conv2d_transpose depthwise_conv2d conv3d conv3d_transpose pool2d pool3d bias_add random_normal
random_uniform random_binomial truncated_normal ctc_label_dense_to_sparse ctc_batch_cost ctc_decode map_fn
foldl foldr local_conv1d local_conv2d name_scope size control_dependencies
""".split())

# Report order: the backend's plumbing first, then what it computes.
_FAMILIES: tuple[ModuleType, ...] = (
    config, session, tensors, graph, graph_ops, gradients, elementwise, reductions, linalg, shapes,
    activations, losses, conv, random, conditionals, control_flow, rnn, ctc)

CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(family.CATEGORY for family in _FAMILIES))


# What the suite needs of every backend module to judge anything: the float type and image data
# format it computes in (a classic external backend defines them or imports them from
# keras.backend.common, whose values Keras 2.3's loader keeps).
CONFIGURATION = frozenset({"floatx", "set_floatx", "epsilon", "set_epsilon", "image_data_format",
                           "set_image_data_format"})


def required_by(name: str, availability: str) -> frozenset[Family]:
    """The families that require entry ``name`` of a backend module: tf_keras those it exports
    (``required``, ``core``, ``tf_keras``); classic Keras 2.3 the names its loader imports from an
    external backend (``KERAS_2_3_IMPORTS``) and the configuration the suite needs."""
    families = set()
    if availability in ("required", "core", "tf_keras"):
        families.add(Family.TF_KERAS)
    if availability == "required" or name in KERAS_2_3_IMPORTS or name in CONFIGURATION:
        families.add(Family.CLASSIC)
    return frozenset(families)


def _collect() -> dict[str, Entry]:
    catalogue: dict[str, Entry] = {}
    for family in _FAMILIES:
        for entry in family.ENTRIES:
            if entry.name in catalogue:
                raise ValueError(f"{entry.name} has two records ({family.__name__} and another family)")
            catalogue[entry.name] = Entry(**{**entry.__dict__, "category": family.CATEGORY,
                                             "required_by": required_by(entry.name, entry.availability)})
    return dict(sorted(catalogue.items(), key=lambda item: CATEGORIES.index(item[1].category)))


CATALOGUE: dict[str, Entry] = _collect()

# Keras 2's loader refuses a backend that lacks any of these (their records say ``required``), named in
# the order of its check (``required_entries`` in keras/backend/load_backend.py of Keras 2.2/2.3).
_LOADER_ORDER = ("placeholder", "variable", "function")
REQUIRED_ENTRIES: tuple[str, ...] = tuple(sorted(
    (name for name, entry in CATALOGUE.items() if entry.availability == "required"), key=_LOADER_ORDER.index))


def select_entries(patterns: Iterable[str]) -> list[str]:
    """The catalogue names matching any of the glob ``patterns``, in catalogue order."""
    patterns = list(patterns)
    return [name for name in CATALOGUE if any(fnmatch.fnmatchcase(name, p) for p in patterns)]
