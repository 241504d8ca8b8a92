"""Connectionist temporal classification: labels, loss, decoding (category: ctc).

Conventions of tf_keras (``tf.nn`` CTC ops underneath): ``C`` classes of
which the **last** (``C - 1``) is the blank; ``y_pred`` is ``(batch, time, C)``
of softmax probabilities, read as ``log(y_pred + epsilon())`` and normalised
per frame (the CTC ops take logits: a row that does not sum to 1 is
renormalised). Sums over time run in float64; results come back in
``y_pred``'s dtype. ``ctc_batch_cost`` is differentiable in ``y_pred``
(forward-backward); the decoders are not.
"""

from __future__ import annotations

import numpy as np

from .config import epsilon
from .dispatch import Tensor, op

__all__ = ["ctc_label_dense_to_sparse", "ctc_batch_cost", "ctc_decode", "SparseValue"]


class SparseValue(Tensor):
    """What the reference answers for a sparse tensor (it has no sparse type).

    Its value (``eval``, ``np.asarray``) is the dense array, as tf_keras'
    ``eval`` densifies a ``SparseTensor`` (absent entries 0); ``indices``
    (int64, ``(n, rank)``, row-major order), ``values`` and ``dense_shape``
    (int64) carry the sparse view.
    """

    def __init__(self, indices: np.ndarray, values: np.ndarray, dense_shape: tuple[int, ...]):
        dense = np.zeros(dense_shape, dtype=values.dtype)
        dense[tuple(indices.T)] = values
        super().__init__(dense)
        self.indices = indices.astype(np.int64)
        self.values = values
        self.dense_shape = np.asarray(dense_shape, dtype=np.int64)


@op
def ctc_label_dense_to_sparse(labels, label_lengths):
    """The sparse tensor of ``labels[i, j]`` for ``j < label_lengths[i]``.

    ``labels`` is ``(batch, max_length)`` of integers, ``label_lengths``
    ``(batch,)``. tf_keras answers a ``tf.SparseTensor`` (int64 indices in
    row-major order, values of ``labels``' dtype, ``dense_shape`` =
    ``labels.shape``); the reference answers a ``SparseValue``, whose value is
    the densified tensor (zeros past each length), as tf_keras' ``eval`` reads it.
    """
    labels = np.asarray(labels)
    lengths = np.asarray(label_lengths).reshape(-1)
    if labels.ndim != 2 or lengths.shape[0] != labels.shape[0]:
        raise ValueError(f"ctc_label_dense_to_sparse: labels must be (batch, length) and label_lengths (batch,); "
                         f"got {labels.shape} and {np.shape(label_lengths)}")
    kept = np.arange(labels.shape[1])[None, :] < lengths[:, None]
    indices = np.argwhere(kept)
    return SparseValue(indices, labels[kept], labels.shape)


def _log_probabilities(y_pred: np.ndarray) -> np.ndarray:
    """``log(y_pred + epsilon())`` (added in ``y_pred``'s dtype, as tf_keras does), in float64."""
    shifted = (y_pred + np.asarray(epsilon(), dtype=y_pred.dtype)).astype(np.float64)
    with np.errstate(divide="ignore"):
        return np.log(shifted)


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    """Per-frame normalisation over the classes (the CTC ops' view of their logits)."""
    top = np.max(logits, axis=-1, keepdims=True)
    return logits - top - np.log(np.sum(np.exp(logits - top), axis=-1, keepdims=True))


@op
def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    """CTC loss per batch item: ``(batch, 1)``, the negative log-likelihood of the labels.

    ``y_true`` ``(batch, max_label_length)`` integer labels (entries past
    ``label_length`` are ignored, whatever they hold); ``y_pred`` ``(batch,
    time, C)`` probabilities, blank = ``C - 1``; ``input_length`` and
    ``label_length`` ``(batch, 1)``: frames past ``input_length`` are ignored.
    The likelihood is the forward (alpha) recursion over the blank-extended
    label in log space, vectorised over the batch, on the per-frame
    log-softmax of ``log(y_pred + epsilon())``. A ``label_length`` of 0 or
    above ``input_length`` raises ``ValueError`` (tf: ``InvalidArgumentError``);
    labels that fit but whose repeated neighbours leave no frame for the blank
    between them have probability 0: the cost is ``inf``.
    """
    lattice = Lattice(y_true, _log_softmax(_log_probabilities(y_pred)), input_length, label_length)
    return (-lattice.log_likelihood()).astype(y_pred.dtype)[:, None]


class Lattice:
    """The CTC lattice of a batch: per-frame log-probabilities ``logp`` ``(batch, time, C)`` (blank
    = ``C - 1``; tf_keras' are normalised per frame, Theano's smoothed), the blank-extended labels
    and the forward (alpha) log-probabilities after every frame, in float64."""

    def __init__(self, y_true: np.ndarray, logp: np.ndarray, input_length: np.ndarray, label_length: np.ndarray):
        labels = np.asarray(y_true).astype(np.int64)
        self.inputs = np.asarray(input_length).reshape(-1).astype(np.int64)
        self.lengths = np.asarray(label_length).reshape(-1).astype(np.int64)
        batch, steps, classes = logp.shape
        blank = classes - 1
        self.logp = logp

        width = labels.shape[1]
        in_label = np.arange(width)[None, :] < self.lengths[:, None]
        labels = np.where(in_label, labels, blank)  # padding of any value is out of the way
        # As TF's CTCLoss: an empty label, or more labels than frames, is an error; labels whose
        # repeated neighbours leave no room for the blank between them just have probability 0 (inf).
        wrong = np.flatnonzero((self.lengths < 1) | (self.lengths > self.inputs))
        if wrong.size:
            i = int(wrong[0])
            raise ValueError(f"ctc_batch_cost: batch item {i} has {int(self.lengths[i])} labels for "
                             f"{int(self.inputs[i])} frames (needs 1 <= label_length <= input_length)")

        # Blank-extended labels: blank, l1, blank, l2, ..., blank (2 * width + 1 states).
        states = 2 * width + 1
        self.extended = np.full((batch, states), blank, dtype=np.int64)
        self.extended[:, 1::2] = labels
        # A state may skip the blank before it when it is a label differing from the label two states back.
        self.skip = np.zeros((batch, states), dtype=bool)
        self.skip[:, 3::2] = labels[:, 1:] != labels[:, :-1]
        rows = np.arange(batch)[:, None]
        alpha = np.full((batch, states), -np.inf)
        if steps:
            alpha[:, :2] = self.logp[rows, 0, self.extended[:, :2]]
            alpha = np.where(self.inputs[:, None] > 0, alpha, -np.inf)
        self.alphas = [alpha]
        for t in range(1, steps):
            stay = alpha
            step = _shifted(alpha, 1)
            jump = np.where(self.skip, _shifted(alpha, 2), -np.inf)
            with np.errstate(invalid="ignore", divide="ignore"):
                moved = np.logaddexp(np.logaddexp(stay, step), jump) + self.logp[rows, t, self.extended]
            alpha = np.where((t < self.inputs)[:, None], moved, alpha)  # frames past input_length change nothing
            self.alphas.append(alpha)

    def _finals(self) -> np.ndarray:
        """Bool ``(batch, states)``: the states a path may end in (the final blank and label)."""
        states = np.arange(self.extended.shape[1])[None, :]
        last = 2 * self.lengths[:, None]
        return (states == last) | (states == last - 1)

    def log_likelihood(self) -> np.ndarray:
        """``log P(labels)`` per batch item: the alphas of the final states after the last frame."""
        with np.errstate(divide="ignore"):
            return np.logaddexp.reduce(np.where(self._finals(), self.alphas[-1], -np.inf), axis=1)

    def occupancies(self) -> np.ndarray:
        """``(time, batch, states)``: the probability that a path through the labels is in each
        state at each frame, given the labels (alpha times beta over P); 0 past ``input_length``."""
        batch, states = self.extended.shape
        rows = np.arange(batch)[:, None]
        steps = len(self.alphas)
        finals = np.where(self._finals(), 0.0, -np.inf)
        beta = finals
        betas = [beta] * steps
        for t in range(steps - 2, -1, -1):
            ahead = beta + self.logp[rows, t + 1, self.extended]  # emitting frame t + 1 from each state
            jump = np.where(_shifted(self.skip, -2, False), _shifted(ahead, -2), -np.inf)
            with np.errstate(invalid="ignore", divide="ignore"):
                earlier = np.logaddexp(np.logaddexp(ahead, _shifted(ahead, -1)), jump)
            last = np.equal(t, self.inputs - 1)[:, None]
            beta = np.where(last, finals, np.where((t < self.inputs - 1)[:, None], earlier, -np.inf))
            betas[t] = beta
        with np.errstate(invalid="ignore", over="ignore"):
            return np.exp(np.stack(self.alphas) + np.stack(betas) - self.log_likelihood()[None, :, None])

    def log_likelihood_gradient(self, cotangent: np.ndarray) -> np.ndarray:
        """``(batch, time, C)``: the derivative of ``sum(cotangent * -log P)`` in ``logp``: minus the
        expected number of the paths' visits to each class at each frame (the occupancies of the states
        labelled with it), 0 past ``input_length``; NaN where no path fits the labels."""
        occupancy = self.occupancies()
        steps, batch, _ = occupancy.shape
        per_class = np.zeros((steps, batch, self.logp.shape[-1]))
        np.add.at(per_class, (np.arange(steps)[:, None, None], np.arange(batch)[None, :, None],
                              self.extended[None, :, :]), occupancy)
        in_frames = np.arange(steps)[:, None, None] < self.inputs[None, :, None]
        return np.swapaxes(np.where(in_frames, per_class, 0.0), 0, 1) * -np.reshape(cotangent, (batch, 1, 1))


def _shifted(values: np.ndarray, by: int, fill: object = -np.inf) -> np.ndarray:
    """``values`` moved ``by`` states along the last axis (right for positive ``by``), ``fill`` coming in."""
    padding = np.full(values.shape[:-1] + (abs(by),), fill, dtype=values.dtype)
    if by > 0:
        return np.concatenate([padding, values[:, :-by]], axis=1)
    return np.concatenate([values[:, -by:], padding], axis=1)


@ctc_batch_cost.gradient("y_pred")
def _ctc_batch_cost_gradient(cotangent, result, y_true, y_pred, input_length, label_length):
    """Forward-backward: the cost's derivative in each frame's log-probability of class ``c``
    is minus the expected number of paths' visits to ``c`` at that frame (the occupancies of
    the states labelled ``c``), then through the per-frame log-softmax and ``log(y + eps)``.
    Where the cost is ``inf`` (no path), the gradient is NaN."""
    raw = _log_probabilities(np.asarray(y_pred))
    g_logp = Lattice(y_true, _log_softmax(raw), input_length, label_length).log_likelihood_gradient(cotangent)
    softmax = np.exp(_log_softmax(raw))
    g_raw = g_logp - softmax * np.sum(g_logp, axis=-1, keepdims=True)
    return {"y_pred": g_raw / np.exp(raw)}


@op
def ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    """Decode ``y_pred`` ``(batch, time, C)`` (blank = ``C - 1``) read as
    ``log(y_pred + epsilon())``; ``input_length`` ``(batch,)`` frames per item.

    Returns ``([decoded, ...], log_prob)``; each ``decoded`` is ``(batch, time)``
    int64, the label sequence padded with -1.

    * greedy (best path): per-frame argmax (first index on ties), consecutive
      repeats merged, then blanks dropped (``A B B - B`` -> ``A B B``); one
      decoded array; ``log_prob`` ``(batch, 1)`` = ``-sum_t max_c log(y + eps)``
      (positive, no normalisation).
    * beam search (``greedy=False``): TF's prefix beam search over the
      per-frame log-softmax: each step extends every beam by every non-blank
      label, merges prefixes, keeps the ``beam_width`` most probable;
      ``top_paths`` decoded arrays, most probable first, and ``log_prob``
      ``(batch, top_paths)`` the log-probabilities of their prefixes. As
      ``tf.compat.v1.nn.ctc_beam_search_decoder`` with its default
      ``merge_repeated=True``, a prefix's repeated neighbouring labels are
      emitted once (the prefix ``A A`` decodes to ``A``). ``top_paths`` above
      ``beam_width`` raises ``ValueError``; paths beyond the number of beams
      (an item of 0 frames has one) are empty, of log-probability ``-inf``
      (reference choice, not checked).

    Classic Keras 2.3 pads to the longest decoded sequence instead of ``time``.
    """
    y_pred = np.asarray(y_pred)
    lengths = np.asarray(input_length).reshape(-1).astype(np.int64)
    batch, steps, classes = y_pred.shape
    logits = _log_probabilities(y_pred)
    if greedy:
        best = np.argmax(logits, axis=-1)
        live = np.arange(steps)[None, :] < lengths[:, None]
        log_prob = -np.sum(np.where(live, np.max(logits, axis=-1, initial=-np.inf), 0.0), axis=1, keepdims=True)
        changed = np.concatenate([np.ones((batch, min(steps, 1)), bool), best[:, 1:] != best[:, :-1]], axis=1)
        emitted = live & changed & (best != classes - 1)
        paths = [[list(best[b][emitted[b]])] for b in range(batch)]
        return [_dense(paths, 0, batch, steps)], log_prob.astype(y_pred.dtype)
    if top_paths > beam_width:
        raise ValueError(f"ctc_decode: top_paths ({top_paths}) is more than beam_width ({beam_width})")
    normalised = _log_softmax(logits)
    paths, scores = [], np.zeros((batch, top_paths))
    for b in range(batch):
        beams = _beam_search(normalised[b, :lengths[b]], beam_width)
        beams += [((), -np.inf)] * (top_paths - len(beams))  # fewer beams than paths (only without frames)
        paths.append([_merge_repeated(prefix) for prefix, _ in beams[:top_paths]])
        scores[b] = [score for _, score in beams[:top_paths]]
    return [_dense(paths, k, batch, steps) for k in range(top_paths)], scores.astype(y_pred.dtype)


def _dense(paths: list, k: int, batch: int, steps: int) -> np.ndarray:
    out = np.full((batch, steps), -1, dtype=np.int64)
    for b in range(batch):
        out[b, :len(paths[b][k])] = paths[b][k]
    return out


def _merge_repeated(prefix: tuple) -> list:
    return [label for i, label in enumerate(prefix) if i == 0 or label != prefix[i - 1]]


def _beam_search(frames: np.ndarray, beam_width: int) -> list[tuple[tuple, float]]:
    """Prefix beam search on one item's ``(time, C)`` log-probabilities, as TF's
    ``CTCBeamSearchDecoder``; the surviving beams as ``(prefix, log-probability)``,
    most probable first.

    A beam is a label prefix with two log-probabilities: of the alignments ending
    in a blank and of those ending in its last label. At each frame a surviving
    beam continues (blank, or its last label repeated) and gains the mass its
    parent, if it survived the previous frame, passes on by emitting its last
    label; every surviving beam also spawns a child per non-blank label that is
    not itself surviving. The ``beam_width`` most probable candidates survive.
    """
    blank = frames.shape[1] - 1
    beams: dict[tuple, tuple[float, float]] = {(): (0.0, -np.inf)}  # prefix -> (ends in blank, ends in label)
    for frame in frames:
        total = {prefix: np.logaddexp(*p) for prefix, p in beams.items()}
        candidates: dict[tuple, tuple[float, float]] = {}
        for prefix, (_, ends_label) in beams.items():
            label_mass = -np.inf
            if prefix:
                label_mass = ends_label
                parent = prefix[:-1]
                if parent in beams:
                    label_mass = np.logaddexp(label_mass, _entering(beams[parent], total[parent], parent, prefix[-1]))
                label_mass = label_mass + frame[prefix[-1]]
            candidates[prefix] = (total[prefix] + frame[blank], label_mass)
        for prefix in beams:
            for label in range(blank):
                child = prefix + (label,)
                if child not in beams:
                    candidates[child] = (-np.inf, _entering(beams[prefix], total[prefix], prefix, label) + frame[label])
        ranked = sorted(candidates.items(), key=lambda item: -np.logaddexp(*item[1]))
        beams = dict(ranked[:beam_width])
    return [(prefix, float(np.logaddexp(*p))) for prefix, p in beams.items()]


def _entering(parent: tuple[float, float], parent_total: float, prefix: tuple, label: int) -> float:
    """Log-mass with which ``prefix`` can emit ``label`` as a new symbol: all of
    it, unless ``label`` repeats its last label (then only blank-ended alignments)."""
    return parent[0] if prefix and prefix[-1] == label else parent_total
