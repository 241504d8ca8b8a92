"""Where the families differ: the answers a check accepts under each contract, and which way a backend took."""

from __future__ import annotations

import numpy as np
import pytest

from conformance.calls import call
from conformance.compare import Mismatch
from conformance.contract import Contract, Family
from conformance.families import CLASSIC, TF_KERAS, Answer, Attempt, Way, agree, both, either
from conformance.oracles import answers, oracles

THEANO = Way(Family.CLASSIC, "Theano's way")
ANSWERS = [(TF_KERAS, Answer(np.array([1.0]))), (CLASSIC, Answer(np.array([1.0]))), (THEANO, Answer(np.array([2.0])))]


def found(value) -> Attempt:
    return Attempt(result=np.asarray(value))


def test_an_answer_every_admitted_family_gives_tells_nothing():
    assert agree(found([1.0]), ANSWERS, Contract.KERAS_2, "f(x)") is None
    assert agree(found([1.0]), ANSWERS[:2], Contract.TF_KERAS, "f(x)") is None


def test_a_convention_is_named():
    assert agree(found([2.0]), ANSWERS, Contract.KERAS_2, "f(x)") is THEANO
    assert agree(found([2.0]), ANSWERS, Contract.CLASSIC, "f(x)") is THEANO


def test_a_contract_refuses_the_other_family_s_answer():
    with pytest.raises(Mismatch, match="f\\(x\\): worst element"):
        agree(found([2.0]), ANSWERS, Contract.TF_KERAS, "f(x)")


def test_neither_family_s_answer_names_both():
    with pytest.raises(Mismatch) as raised:
        agree(found([3.0]), ANSWERS, Contract.KERAS_2, "f(x)")
    message = str(raised.value)
    assert message.startswith("f(x): the answer is neither family's: tf_keras expects: worst element")
    assert "keras-2.3 (Theano's way) expects: worst element" in message


def test_raising_is_an_answer_and_an_unexpected_error_is_the_backend_s():
    refusing = [(TF_KERAS, Answer(raises=ValueError)), (CLASSIC, Answer(np.array([1.0])))]
    assert agree(Attempt(error=ValueError("rank 1")), refusing, Contract.KERAS_2, "f(x)") is TF_KERAS
    error = KeyError("boom")
    with pytest.raises(KeyError) as raised:
        agree(Attempt(error=error), ANSWERS, Contract.KERAS_2, "f(x)")
    assert raised.value is error  # the very exception, so the report blames the call that raised it


def test_either_runs_the_admitted_ways_in_order_and_shared_blocks_once():
    runs: list[str] = []

    def failing() -> None:
        runs.append("tf")
        raise Mismatch("f(x): at once: nothing changed")

    def classic() -> None:
        runs.append("classic")

    assert either([(TF_KERAS, failing), (CLASSIC, classic)], Contract.KERAS_2, "f(x)") is CLASSIC
    assert runs == ["tf", "classic"]
    with pytest.raises(Mismatch, match="at once"):
        either([(TF_KERAS, failing), (CLASSIC, classic)], Contract.TF_KERAS, "f(x)")
    runs.clear()
    assert either([*both(classic), (THEANO, failing)], Contract.KERAS_2, "f(x)") is None
    assert runs == ["classic"]


def test_the_oracles_of_each_contract():
    assert [o.way for o in oracles(Contract.TF_KERAS)] == [TF_KERAS]
    classic = oracles(Contract.CLASSIC)
    assert classic[0].way == CLASSIC and all(o.way.family is Family.CLASSIC for o in classic)
    assert {o.entry for o in classic[1:]} >= {"conv2d", "ctc_batch_cost", "mean"}


def test_answers_are_computed_once_where_the_families_agree(floatx_float32):
    x = np.array([[1, 2], [4, 7]], dtype="int32")
    found_answers = dict(answers(oracles(Contract.KERAS_2), "mean", call(x, axis=1)))
    assert found_answers[TF_KERAS].expected.tolist() == [1, 5]  # tf_keras truncates integer means
    assert found_answers[CLASSIC] is found_answers[TF_KERAS]  # the classic module's mean is the reference's
    theano = [answer for way, answer in found_answers.items() if way.convention.startswith("integer means")]
    assert theano[0].expected.tolist() == [1.5, 5.5] and theano[0].expected.dtype == np.float32
