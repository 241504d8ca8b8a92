"""The model tier accepts what classic Keras 2.3 accepted, and only under a contract admitting it
(``tox -e models``; skipped without Keras 2.3.1)."""

from __future__ import annotations

import pytest

from conformance.contract import Contract
from conformance.models.tier import FLIPPED_KERNELS, judge, keras_2_3_1_missing

if keras_2_3_1_missing():
    pytest.skip(keras_2_3_1_missing() or "", allow_module_level=True)

FLIPPED = f"{__package__}.conv_kernels_flipped"


def test_flipped_kernels_train_as_the_reference_under_the_classic_contract() -> None:
    verdict = judge(FLIPPED, "conv_channels_last_adam", contract=Contract.CLASSIC)
    assert (verdict.lines, verdict.convention) == ([], FLIPPED_KERNELS)


def test_flipped_kernels_diverge_before_training_under_tf_keras() -> None:
    lines = judge(FLIPPED, "conv_channels_last_adam", contract=Contract.TF_KERAS).lines
    assert lines and lines[0].startswith("conv_channels_last_adam: diverges at predictions before training"), lines
