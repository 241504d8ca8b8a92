"""Per-entry gradient checks, generated from the differentiation contract (``catalogue.derivatives``).

* ``test_gradient_agrees_with_reference`` (one per entry of ``DIFFERENTIABLE`` with
  parameters to differentiate and a record that draws calls): hypothesis draws a call
  from the entry's record; on the graph route (placeholders for the call's arrays),
  the backend builds ``loss = sum(entry(...) * w)`` (over every float result of the
  entry, ``w`` a fixed random weight per result, drawn with numpy from a seed the
  example draws) and answers ``gradients(loss, [the placeholders of the parameters in
  wrt])``, evaluated by ``function``. Judged

  (a) against the reference's exact gradient of the same weighted sum (its reverse
      mode, as ``reference_backend.gradients.gradient_of_call`` with cotangent ``w``,
      built on placeholders for the same arrays; under a contract admitting classic
      Keras 2.3, its module's gradient is admitted too where it differs, and that of each
      of its conventions with a gradient rule, such as Theano's binary cross-entropy): the
      None placement (a parameter the result does not depend on differentiably has
      TensorFlow's None gradient) and the values, within ``SLACK`` times the entry's
      tolerance in floatx (the backward pass rounds about as often as the forward). A
      backend that raises building or differentiating the loss passes only where a way
      the contract admits refuses the call's forward with that exception type (as the
      forward checks admit a refusal), and follows that way;
  (b) on small draws only (at most ``DIFFERENCES_UP_TO`` differentiated elements: each
      one costs two evaluations of the forward pass), against central finite
      differences of the backend's own forward on float64 placeholders
      (``conformance.differences``), where that forward runs and agrees with the
      reference's float64 value at the point (a forward only float32-accurate
      differences to noise: its precision is the float64 forward checks' finding),
      within ``SLACK`` times the entry's tolerance plus ``DIFFERENCES_ERROR``. Kinks are
      filtered out simply: (b) judges a draw only where the reference's own differences
      of its float64 forward agree with its exact float64 gradient within ``DIFFERENCES_ERROR`` (a point near a kink,
      where the differences straddle it, or an ill-conditioned one is not judged by
      (b)). Exact ties at a kink are judged by (a): the reference follows the
      conventions ``derivatives.py`` pins.

  Only draws that pass a float array to a parameter of ``wrt`` are judged (parameters
  passed as Python numbers, integer or bool arrays are not differentiated), and only
  with finite values there, none empty (the forward checks judge infinities and empty
  tensors), two elements at least (one cannot show a gradient sent to the wrong element),
  with a finite result (an overflowing one overflows the gradient's intermediates too; an
  infinite CTC cost has no gradient), and where the entry's ``judged_where`` holds
  (``pow``, ``sqrt``, the focal losses: see ``derivatives.py``): the draws are
  filtered, so every example counted is judged.
* ``test_gradient_at_kink`` (one per ``Kink``): the gradient of ``sum(entry(call))``
  with respect to the kink's parameter is its ``expected`` (None: no gradient at all,
  TensorFlow's None; a None where a gradient is expected, or a gradient where None is,
  is a mismatch), in float64 whatever floatx (``derivatives.py`` pins them there: in
  float16, ``1 - epsilon()`` is 1 and the crossentropies' clipping moves). The kinks pin
  tf_keras' conventions: not judged under a contract that does not admit tf_keras.
* ``test_gradient_at_point`` (one per ``Point``): the point's call, in floatx, judged as a drawn
  call is ((a) and (b) above, ``w`` from the point's index), under every contract.
* ``test_stop_gradient_blocks_its_path``: ``gradients(sum(stop_gradient(x) * x), [x])``
  is ``x`` (the stopped factor is a constant), not ``2 x``.

Every check differentiates on the graph route only: ``gradients`` is defined on
symbolic losses (tf_keras refuses it under eager execution, see ``test_gradients.py``).
A backend whose ``gradients`` raises for an entry's loss (TensorFlow's LookupError for
an op without a registered gradient) fails that entry's check as a mismatch (the
exception is not left to escape, which would blame ``gradients``); the run blames
``gradients`` instead when its own checks fail too, not known in the baseline. Few examples: a
check-level cap of an eighth of the profile's (``GRADIENT_EXAMPLES``).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

import hypothesis
import numpy as np
import pytest
from hypothesis import strategies as st

from conformance.calls import Call, Weights, arrays_in, in_floatx, map_arrays
from conformance.catalogue import CATALOGUE
from conformance.catalogue.derivatives import DIFFERENTIABLE
from conformance.check import given
from conformance.compare import Mismatch, assert_close, tolerance
from conformance.differences import central_differences
from conformance.escapes import not_judged
from conformance.families import TF_KERAS, Answer, Way, agree, attempt
from conformance.markers import entry_param, per_entry
from conformance.oracles import answers as forward_answers
from conformance.recording import arithmetic

# The gradient's tolerance: SLACK times the entry's (forward) tolerance. Calibrated, not guessed:
# benchmarks/calibrate_gradient_tolerance.py compares, on 20 draws per entry as this check draws
# them, tf_keras' gradients (TensorFlow's registry, under GradientTape) with the reference's, and
# reports the factor each draw needed. On well-conditioned draws the largest factor seen was
# 0.58 in float32 (conv3d; 90% of the entries need under 0.37) and 1.2 in float16 and float64
# (conv3d again): a backward pass rounds about as often as its forward
# (reverse mode costs a small constant times the forward's operations), so its error is of the
# forward's order. 4 keeps a margin of 3 over the largest observation for larger shapes than 20
# draws met, while a wrong gradient (the broken backends: an O(1) relative error) is thousands of
# times over. Beyond it only draws where no constant factor can hold: kinks and clipping reached
# by the draw, and ill-conditioned points whose intermediate values dwarf the result (zero
# variance under a tiny epsilon in normalize_batch_in_training, tiny norms in l2_normalize, CTC probabilities near
# 1e-28). Those are findings to triage with evidence, not rounding to absorb in SLACK. The
# reference's own floatx gradient is its exact one rounded once (the same script: a factor 0
# outside the crossentropies' floatx-dependent clipping), so the observed factor is the backend's.
SLACK = 4
DIFFERENCES_UP_TO = 24  # (b) judges draws with at most this many differentiated elements
DIFFERENCES_ERROR = 1e-6  # relative (and absolute) error admitted to float64 central differences
GRADIENT_EXAMPLES = max(1, hypothesis.settings().max_examples // 8)  # the profile loaded before collection

JUDGED = [name for name, derivative in DIFFERENTIABLE.items() if derivative.wrt and CATALOGUE[name].calls]
KINKS = [entry_param(name, name, index, id=f"{name}-{index}")
         for name, derivative in DIFFERENTIABLE.items() for index in range(len(derivative.kinks))]
POINTS = [entry_param(name, name, index, id=f"{name}-{index}")
          for name, derivative in DIFFERENTIABLE.items() for index in range(len(derivative.points))]


def _is_float_array(value: Any) -> bool:
    arrays = list(arrays_in(value))
    return bool(arrays) and all(a.dtype.kind == "f" for a in arrays) and (
        isinstance(value, np.ndarray) or isinstance(value, (list, tuple)))


def _differentiated(reference_entry: Callable[..., Any], name: str, call: Call) -> list[str]:
    """The parameters of ``wrt`` the call passes float arrays to; none (the draw is not judged)
    when any of them is empty or holds a non-finite value."""
    bound = _bind(reference_entry, call)
    derivative = DIFFERENTIABLE[name]
    wrt = [p for p in derivative.wrt if p in bound.arguments and _is_float_array(bound.arguments[p])]
    arrays = [a for p in wrt for a in arrays_in(bound.arguments[p])]
    # At least two elements: a gradient of one element cannot go to the wrong place (a reduction's not
    # broadcast back, a pooling's spread over its window), and with three examples per check the
    # simplest draws, scalars, would otherwise be most of them.
    judged = all(a.size and np.isfinite(a).all() for a in arrays) and sum(a.size for a in arrays) >= 2
    if derivative.judged_where is not None:
        bound.apply_defaults()
        judged = judged and derivative.judged_where(bound.arguments)
    return wrt if judged and _finite_result(reference_entry, call) else []


def _finite_result(reference_entry: Callable[..., Any], call: Call) -> bool:
    """Whether the reference's result is finite (or the call is refused: the forward checks judge that).
    The gradient at an infinite or NaN result is no number the contract fixes: a result that overflows
    floatx (``square`` of 3.4e38) overflows the gradient's intermediates too in a backend computing in
    floatx (TensorFlow's ``grad * (2 * x)``), and a CTC cost of labels no path fits is infinite
    (TensorFlow's CTCLoss answers the softmax there, the reference NaN)."""
    forward = attempt(lambda: reference_entry(*call.args, **call.kwargs))
    if forward.error is not None:
        return True
    results = [np.asarray(leaf) for leaf in _leaves(forward.result)]
    return all(np.isfinite(value).all() for value in results if value.dtype.kind == "f")


def _bind(function: Callable[..., Any], call: Call) -> inspect.BoundArguments:
    return inspect.signature(function).bind(*call.args, **call.kwargs)


def _leaves(structure: Any) -> list[Any]:
    """The tensors of an entry's result (nested tuples and lists), in order."""
    if isinstance(structure, (list, tuple)):
        return [leaf for item in structure for leaf in _leaves(item)]
    return [structure]


class _Graph:
    """``loss = sum(entry(call) * w)`` built by ``backend`` on placeholders (one per array of
    the call, in ``dtype`` for float arrays when given), and the placeholders of ``wrt``."""

    def __init__(self, backend: Any, entry: Callable[..., Any], signature_of: Callable[..., Any], call: Call,
                 wrt: list[str], weights: list[np.ndarray | None], dtype: str | None = None):
        self.fed: list[tuple[Any, np.ndarray]] = []

        def placeholder(x: np.ndarray) -> Any:
            if dtype is not None and x.dtype.kind == "f":
                x = x.astype(dtype)
            static = isinstance(x, Weights) or not x.ndim
            tensor = backend.placeholder(shape=x.shape if static else (None,) + x.shape[1:], dtype=x.dtype.name)
            self.fed.append((tensor, np.asarray(x)))
            return tensor

        # The backend is called as the record wrote the call (a keyword stays a keyword): binding would
        # pass every parameter by position, and judge a parameter's position where the call names it.
        stand_in = map_arrays(call, placeholder)
        arguments = _bind(signature_of, stand_in).arguments
        self.targets: list[Any] = [leaf for parameter, value in arguments.items() if parameter in wrt
                                    for leaf in _leaves(value)]
        result = entry(*stand_in.args, **stand_in.kwargs)
        # The tensors' operators, as Keras 2 builds a loss; ``arithmetic`` notes them for the reproduction.
        terms = [backend.sum(arithmetic(backend, "*", leaf, backend.constant(w if dtype is None else w.astype(dtype),
                                                                              dtype=dtype or w.dtype.name)))
                 for leaf, w in zip(_leaves(result), weights) if w is not None]
        self.loss = terms[0]
        for term in terms[1:]:
            self.loss = arithmetic(backend, "+", self.loss, term)

    def gradients(self, backend: Any) -> list[Any]:
        """``gradients(loss, targets)`` evaluated by ``function``: arrays, None where the backend answers None."""
        return gradient_values(backend, self.loss, self.targets, self.fed)


def gradient_values(backend: Any, loss: Any, targets: list[Any], fed: list[tuple[Any, np.ndarray]]) -> list[Any]:
    """``gradients(loss, targets)`` evaluated by ``function`` fed ``(placeholder, value)`` pairs: arrays,
    None where the backend answers None; a list of another length is a mismatch."""
    found = differentiate(backend, loss, targets)
    if not isinstance(found, (list, tuple)) or len(found) != len(targets):
        raise Mismatch(f"expected a list of {len(targets)} gradients, got {found!r:.80}")
    # Fetched as Keras 2 uses a gradient, in arithmetic with a tensor (its optimizers' p - lr * g):
    # TensorFlow answers an IndexedSlices for gather's gradient, which arithmetic makes dense but
    # tf_keras' function cannot fetch as it is. Times ones is exact, NaN, infinities and -0 included.
    outputs = [arithmetic(backend, "*", backend.ones_like(target), g) for target, g in zip(targets, found)
               if g is not None]
    values = iter(backend.function([p for p, _ in fed], outputs)([x for _, x in fed]) if outputs else [])
    return [None if g is None else next(values) for g in found]


def differentiate(backend: Any, loss: Any, targets: list[Any]) -> Any:
    """``backend.gradients(loss, targets)``; an exception it raises is a mismatch of the differentiated
    entry (no gradient for it), not an error of ``gradients``: the run then blames the entry, unless
    ``gradients`` fails its own checks too (a gap of its own that is not in the baseline)."""
    try:
        return backend.gradients(loss, targets)
    except Exception as error:
        raise Mismatch(f"gradients raised {type(error).__name__}: {error}") from error


def _weights(result: Any, seed: int) -> list[np.ndarray | None]:
    """One random weight per non-empty float result (None for the others: not in the loss), in the result's dtype."""
    rng = np.random.default_rng(seed)
    weights: list[np.ndarray | None] = []
    for leaf in _leaves(result):
        value = np.asarray(leaf)
        judged = value.dtype.kind == "f" and value.size > 0
        weights.append(rng.uniform(-1.0, 1.0, value.shape).astype(value.dtype) if judged else None)
    return weights


def _reference_gradient(module: Any, entry: Callable[..., Any], call: Call, wrt: list[str],
                        weights: list[np.ndarray | None], dtype: str | None = None) -> list[Any]:
    """The exact gradient of the same weighted sum by a reference module (``reference_backend``'s
    reverse mode, see ``gradients.gradient_of_call``), built as the backend's is: on placeholders
    for every array of the call, so both graphs leave the same parameters without a gradient."""
    return _Graph(module, entry, entry, call, wrt, weights, dtype).gradients(module)


def _judge_nones(found: list[Any], expected: list[Any], what: str, labels: list[str]) -> None:
    for label, one, wanted in zip(labels, found, expected):
        if wanted is None and one is not None:
            raise Mismatch(f"{what}: expected no gradient (None) for {label}, got {_shown(one)}")
        if wanted is not None and one is None:
            raise Mismatch(f"{what}: expected a gradient for {label} ({_shown(wanted)}), got None (no gradient)")


def _shown(value: Any) -> str:
    array = np.asarray(value)
    return np.array2string(array, threshold=8) if array.size <= 8 else f"an array of shape {array.shape}"


def _labels(call: Call, entry: Callable[..., Any], wrt: list[str]) -> list[str]:
    bound = _bind(entry, call)
    return [parameter if isinstance(bound.arguments[parameter], np.ndarray) else f"{parameter}[{i}]"
            for parameter in wrt for i, _ in enumerate(arrays_in(bound.arguments[parameter]))]


@hypothesis.settings(max_examples=GRADIENT_EXAMPLES)
@pytest.mark.parametrize("name", per_entry(JUDGED))
@given(data=st.data())
def test_gradient_agrees_with_reference(backend, oracles, reference, name, data):
    entry = CATALOGUE[name]
    assert entry.calls is not None  # parametrized over the records that have calls
    backend.entry(name)
    reference_entry = getattr(reference, name)
    drawn = data.draw(entry.calls(backend.settings.floatx).filter(
        lambda c: bool(_differentiated(reference_entry, name, c))), label="call")
    seed = data.draw(st.integers(0, 2 ** 32 - 1), label="seed of w")
    _judge_gradient(backend, oracles, reference, name, drawn, seed)


@pytest.mark.parametrize("name, index", POINTS)
def test_gradient_at_point(backend, oracles, reference, name, index):
    backend.entry(name)
    point = DIFFERENTIABLE[name].points[index]
    pinned = in_floatx(point.call, backend.settings.floatx)  # judged in every floatx: tests/test_entry_gradients.py
    _judge_gradient(backend, oracles, reference, name, pinned, seed=index, why=point.why)


def _judge_gradient(backend: Any, oracles: Any, reference: Any, name: str, drawn: Call, seed: int,
                    why: str = "") -> None:
    """Judge the gradient of ``sum(name(drawn) * w)``, ``w`` drawn from ``seed``, as the module's docstring
    says; ``why`` the call is judged, if it is pinned, goes into every message."""
    entry = CATALOGUE[name]
    floatx = backend.settings.floatx
    reference_entry = getattr(reference, name)
    bound = _bind(reference_entry, drawn)
    wrt = _differentiated(reference_entry, name, drawn)
    forward = attempt(lambda: reference_entry(*drawn.args, **drawn.kwargs))
    if forward.error is not None:
        return  # a call the contract refuses: the forward checks judge it
    weights = _weights(forward.result, seed)
    if all(w is None for w in weights):
        return  # no non-empty float result: nothing to differentiate
    what = (f"gradients(sum({drawn.render(name)} * w), [{', '.join(wrt)}]) with w drawn from seed {seed}, "
            "by the graph route" + (f" ({why})" if why else ""))
    labels = _labels(drawn, reference_entry, wrt)
    graph = attempt(lambda: _Graph(backend, backend.entry(name), reference_entry, drawn, wrt, weights))
    built = graph if graph.error is not None else attempt(lambda: graph.result.gradients(backend))
    if built.error is not None:
        # A call that a way the contract admits refuses (classic Keras 2.3's local_conv1d ignores data_format, and
        # its reshape of a channels_first call fails) may be refused here too, as the forward checks admit.
        refusals = [(way, answer) for way, answer in forward_answers(oracles, name, drawn) if answer.raises is not None]
        if not refusals:
            raise built.error
        backend.check.follow(name, agree(built, refusals, backend.contract, what))
        return
    found = built.result

    # (a) the reference's exact gradient (and classic Keras 2.3's where its module differs).
    answers: list[tuple[Way, Answer]] = []
    computed: dict[int, Any] = {}
    for oracle in oracles:
        implementation, module = oracle.implementation(name), oracle.differentiated_by(name)
        if implementation is None or module is None:
            continue
        if id(implementation) not in computed:
            computed[id(implementation)] = attempt(functools.partial(
                _reference_gradient, module, implementation, drawn, wrt, weights))
        exact = computed[id(implementation)]
        if exact.error is None:
            answers.append((oracle.way, Answer(exact.result)))
    if not answers:
        return  # no oracle the contract admits differentiates it (classic Keras 2.3's own numpy functions)
    _judge_nones(found, answers[0][1].expected, what, labels)
    present = [i for i, g in enumerate(found) if g is not None]
    pick = [(way, Answer([answer.expected[i] for i in present])) for way, answer in answers
            if all(answer.expected[i] is not None for i in present)]
    backend.check.follow(name, agree(attempt(lambda: [found[i] for i in present]), pick, backend.contract, what,
                                     entry.tolerance * SLACK))

    # (b) central differences of the backend's own float64 forward, on small draws away from kinks.
    points = [np.asarray(a) for p in wrt for a in arrays_in(bound.arguments[p])]
    if sum(a.size for a in points) > DIFFERENCES_UP_TO or len(present) != len(found):
        return
    wide = map_arrays(drawn, lambda a: a.astype(np.float64) if a.dtype.kind == "f" else a)
    wide_weights = [None if w is None else w.astype(np.float64) for w in weights]
    exact64 = attempt(lambda: _reference_gradient(reference, reference_entry, drawn, wrt, weights, "float64"))
    if exact64.error is not None or any(g is None for g in exact64.result):
        return
    reference_differences = _differences(lambda values: _reference_total(reference_entry, wide, wrt, values,
                                                                         wide_weights), points)
    if not _smooth(reference_differences, exact64.result):
        return  # near a kink, or ill-conditioned: not judged by differences

    def backend_differences() -> list[np.ndarray] | None:
        graph64 = _Graph(backend, backend.entry(name), reference_entry, drawn, wrt, weights, dtype="float64")
        loss64 = backend.function([p for p, _ in graph64.fed], [graph64.loss])
        fed = [x for _, x in graph64.fed]
        positions = _target_positions(graph64)

        def backend_total(values: list[np.ndarray]) -> float:
            inputs = list(fed)
            for position, value in zip(positions, values):
                inputs[position] = value
            return float(np.sum(np.asarray(loss64(inputs)[0], dtype=np.float64)))

        point = [p.astype(np.float64) for p in points]
        rtol64 = tolerance(np.float64, entry.tolerance * SLACK)
        if not np.isclose(backend_total(point), _reference_total(reference_entry, wide, wrt, point, wide_weights),
                          rtol=rtol64, atol=rtol64):
            return None  # a float64 forward only float32-accurate (TensorFlow's CTC) differences to noise
        return _differences(backend_total, points)

    differences = attempt(backend_differences)
    if differences.error is not None or differences.result is None:
        # A forward that fails in float64 (TensorFlow's pool3d has no float64 kernel; its bilinear resize
        # answers float32), or is not float64-accurate, is the forward checks' finding in a float64 run:
        # (b) has nothing to difference.
        return
    rtol = tolerance(floatx, entry.tolerance * SLACK) + DIFFERENCES_ERROR
    for label, one, estimate in zip(labels, found, differences.result):
        assert_close(one, estimate.astype(floatx), f"{what}: the gradient in {label} against central differences "
                     "of the backend's own float64 forward", rtol=rtol)


def _target_positions(graph: _Graph) -> list[int]:
    ids = [id(p) for p, _ in graph.fed]
    return [ids.index(id(t)) for t in graph.targets]


def _differences(total: Callable[[list[np.ndarray]], float], points: list[np.ndarray]) -> list[np.ndarray]:
    """Central differences of ``total`` (a function of several arrays) in each array, in float64."""
    flat = np.concatenate([p.astype(np.float64).ravel() for p in points])
    sizes = np.cumsum([p.size for p in points])[:-1]

    def split(vector: np.ndarray) -> list[np.ndarray]:
        return [part.reshape(p.shape) for part, p in zip(np.split(vector, sizes), points)]

    return split(central_differences(lambda vector: total(split(vector)), flat))


def _reference_total(entry: Callable[..., Any], call: Call, wrt: list[str], values: list[np.ndarray],
                     weights: list[np.ndarray | None]) -> float:
    bound = _bind(entry, call)
    replacements = iter(values)
    for parameter in wrt:
        bound.arguments[parameter] = map_arrays(bound.arguments[parameter], lambda a: next(replacements))
    with np.errstate(all="ignore"):
        leaves = _leaves(entry(*bound.args, **bound.kwargs))
        return float(sum(np.sum(np.asarray(leaf, np.float64) * w) for leaf, w in zip(leaves, weights)
                         if w is not None))


def _smooth(differences: list[np.ndarray], exact: list[Any]) -> bool:
    for estimate, wanted in zip(differences, exact):
        wanted = np.asarray(wanted, np.float64)
        if not (np.isfinite(wanted).all() and np.isfinite(estimate).all()):
            return False
        if np.any(np.abs(estimate - wanted) > DIFFERENCES_ERROR * (1 + np.abs(wanted))):
            return False
    return True


@pytest.mark.parametrize("name, index", KINKS)
def test_gradient_at_kink(backend, reference, name, index):
    if not TF_KERAS.admitted_by(backend.contract):
        not_judged("not judged: the kinks pin tf_keras' conventions, which the contract does not admit")
    kink = DIFFERENTIABLE[name].kinks[index]
    backend.entry(name)
    pinned = map_arrays(kink.call, lambda a: a.copy())  # in float64, as derivatives.py pins them, whatever floatx
    reference_entry = getattr(reference, name)
    result = reference_entry(*pinned.args, **pinned.kwargs)
    ones = [np.ones(np.shape(leaf), np.asarray(leaf).dtype) if np.asarray(leaf).dtype.kind == "f" else None
            for leaf in _leaves(result)]
    what = f"gradients(sum({pinned.render(name)}), [{kink.wrt}]) by the graph route ({kink.why})"
    graph = _Graph(backend, backend.entry(name), reference_entry, pinned, [kink.wrt], ones)
    found = graph.gradients(backend)
    expected = kink.expected
    if expected is None:
        _judge_nones(found, [None] * len(found), what, [kink.wrt] * len(found))
        return
    _judge_nones(found, [expected], what, [kink.wrt])
    assert_close(found[0], np.asarray(expected, np.float64), what,
                 rtol=tolerance(np.float64, CATALOGUE[name].tolerance * SLACK))


@pytest.mark.entry("stop_gradient")
def test_stop_gradient_blocks_its_path(backend):
    floatx = backend.settings.floatx
    x = np.array([[0.5, -1.5, 2.0], [1.0, 0.25, -3.0]], dtype=floatx)
    what = "gradients(sum(stop_gradient(x) * x), [x]) by the graph route (the stopped factor is a constant)"
    placeholder = backend.placeholder(shape=(None, 3), dtype=floatx)
    loss = backend.sum(backend.stop_gradient(placeholder) * placeholder)
    found = differentiate(backend, loss, [placeholder])
    if not isinstance(found, (list, tuple)) or len(found) != 1 or found[0] is None:
        raise Mismatch(f"{what}: expected a list of one gradient, got {found!r:.80}")
    value = backend.function([placeholder], [found[0]])([x])[0]
    if np.allclose(np.asarray(value, np.float64), 2 * x.astype(np.float64)):
        raise Mismatch(f"{what}: got 2 x: the gradient flowed through stop_gradient")
    assert_close(value, x, what)
