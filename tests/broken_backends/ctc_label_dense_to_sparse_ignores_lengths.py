"""Broken on purpose: ctc_label_dense_to_sparse keeps every entry of labels, past label_lengths too."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import ctc_label_dense_to_sparse as _dense_to_sparse

BROKEN_ENTRY = 'ctc_label_dense_to_sparse'
EXPECTED_MESSAGE = 'ctc_label_dense_to_sparse('


def ctc_label_dense_to_sparse(labels, label_lengths):
    width = np.shape(labels)[1]
    return _dense_to_sparse(labels, np.full(np.shape(labels)[0], width, dtype='int32'))
