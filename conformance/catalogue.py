"""The catalogue: one record per entry of the Keras 2 backend API.

Sources: shared facts about tf_keras (the maintained Keras 2) and classic
Keras 2.2/2.3 (see the project docs). ``availability`` says what a backend
must provide:

* ``required``: Keras 2 refuses to load a backend without it;
* ``core``: part of the Keras 2 backend API; missing is a gap;
* ``tf_keras`` / ``classic``: only one family of Keras 2 has it; checked when
  present, a skip (not a gap) when absent.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Iterable

REQUIRED_ENTRIES = ("placeholder", "variable", "function")

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

# Entries only one family of Keras 2 has: checked when present, never a gap when absent.
_OPTIONAL = {"normalize_data_format": "classic"}

# The entries the suite judges, by subject. An entry joins the catalogue
# together with its checks (adding an entry means adding it here and writing
# its checks); the report's Keras 2.3.1 loader section covers all 143 names.
_CATEGORIES = {
    "config": """floatx set_floatx epsilon set_epsilon image_data_format set_image_data_format
        normalize_data_format cast_to_floatx""",
    "session": "get_uid reset_uids clear_session is_keras_tensor learning_phase set_learning_phase",
    "variables and tensors": """variable constant eval get_value batch_get_value set_value
        batch_set_value update update_add update_sub shape int_shape ndim dtype is_variable is_tensor
        count_params zeros ones eye zeros_like ones_like identity cast""",
    "graph": "placeholder is_placeholder function",
    "linear algebra": "dot",
    "nn": "tanh",
    "control flow": "rnn",
}

CATEGORIES = tuple(_CATEGORIES)


@dataclass(frozen=True)
class Entry:
    """One backend API entry: its name, subject category and availability."""

    name: str
    category: str
    availability: str

    @property
    def optional(self) -> bool:
        """Whether a backend may lack this entry without a gap."""
        return self.availability in ("tf_keras", "classic")


def _availability(name: str) -> str:
    if name in REQUIRED_ENTRIES:
        return "required"
    return _OPTIONAL.get(name, "core")


CATALOGUE: dict[str, Entry] = {
    name: Entry(name, category, _availability(name))
    for category, names in _CATEGORIES.items()
    for name in names.split()
}


def select_entries(patterns: Iterable[str]) -> list[str]:
    """The catalogue names matching any of the glob ``patterns``, in catalogue order."""
    patterns = list(patterns)
    return [name for name in CATALOGUE if any(fnmatch.fnmatchcase(name, p) for p in patterns)]
