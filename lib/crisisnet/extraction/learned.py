"""A learned second opinion on the rules' candidates: is this a statement, on which concept?

The attribution rules find *who* speaks with high precision, but a statement needs a codebook
concept, and the cue-word rules miss positions said without any cue word ("Words alone don't
convince me") and keep turn sentences that use a concept's words without taking a side. This
module scores each candidate (an attributed content span, or one sentence of a transcript turn)
with three small logistic-regression models trained on the hand-coded gold statements:

* **statement**: probability that the candidate is (part of) a coded statement of its speaker;
* **concept**: one-vs-rest probabilities of each codebook concept, given a statement;
* **stance**: per concept, probabilities of stance -1 / 0 / +1 from the words of the text.

:meth:`StatementModel.review` then, with the :class:`Thresholds` chosen by cross-validation,
adds the most likely concept (and the stance model's stance) to a news candidate the rules found
no concept for, when the statement model is confident; drops a transcript sentence the rules kept
when the statement model finds it unlikely; and replaces a rule stance when the stance model is
confident of another.

Features come from the text only: the content's words (lemmas) and adjacent lemma pairs, the
mean of its static word vectors, the reporting cue, the mode, length, question form, first person,
negation and what the rules found. The speaker's name, side or organization is never a feature,
so a stance is never imputed from who speaks.

Inference is plain numpy over weights stored in one ``.npz`` file
(:data:`crisisnet.project.MODEL`), so the extractor needs no scikit-learn; :mod:`.training`
fits the models.
"""

from __future__ import annotations

import dataclasses
import io
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..fileio import atomic_write_text
from .stance import NEGATIONS, ConceptStance

#: stance classes, in the order of the stance model's outputs
STANCES = (-1, 0, 1)
FIRST_PERSON = frozenset("i we me us our my ours myself ourselves".split())
#: the negation feature: the cue rules' negations and the negative pronouns, not "without"
#: (it negates a clause inside the candidate more often than the candidate)
NEGATION_WORDS = (NEGATIONS - {"without"}) | {"nothing", "nobody"}


def candidate_text(span) -> str:
    """The candidate's words as the models see them: lower-case lemmas, stop words kept (they
    carry stance: "not", "no", "never"), numbers and punctuation dropped."""
    return " ".join(t.lemma_.lower() for t in span if t.is_alpha or t.lower_ == "n't")


def dense_features(span, att, found) -> list[float]:
    """Numbers that describe a candidate beyond its words: mode, what the rules found, length,
    question form, first person and negation. Order fixed by :data:`DENSE_NAMES`."""
    words = [t for t in span if t.is_alpha]
    n = len(words)
    low = [t.lower_ for t in span]
    return [
        float(att.mode == "transcript"), float(att.mode == "direct"), float(att.mode == "indirect"),
        float(att.mode == "mixed"), float(att.how == "author"),
        float(bool(found)), max((cs.confidence for cs in found), default=0.0),
        float(any(cs.stance == 1 for cs in found)), float(any(cs.stance == -1 for cs in found)),
        math.log1p(n), float(span.text.rstrip().endswith("?")),
        sum(w in FIRST_PERSON for w in low) / max(n, 1), float(any(w in NEGATION_WORDS for w in low)),
        float(att.split), float(att.aside), att.confidence,
    ]


DENSE_NAMES = ("transcript", "direct", "indirect", "mixed", "author", "rule_found",
               "rule_confidence", "rule_plus", "rule_minus", "log_words", "question",
               "first_person", "negation", "split", "aside", "attribution_confidence")


def mean_vector(span) -> np.ndarray:
    """Mean of the unit-length static vectors of the span's content words (zeros if none)."""
    vecs = []
    for t in span:
        if t.is_alpha and not t.is_stop and t.has_vector:
            v = t.vector
            n = float(np.linalg.norm(v))
            if n > 0:
                vecs.append(v / n)
    if not vecs:
        return np.zeros(span.doc.vocab.vectors_length or 1, dtype=np.float32)
    return np.mean(vecs, axis=0).astype(np.float32)


@dataclass
class Candidate:
    """One candidate as the models see it (built by :func:`describe`)."""

    words: str
    cue: str
    dense: list[float]
    vector: np.ndarray


def describe(att, span, found) -> Candidate:
    """The model's view of one candidate: its lemmas, its cue lemma, dense features and vector."""
    return Candidate(candidate_text(span), (att.cue_lemma or att.mode).lower(),
                     dense_features(span, att, found), mean_vector(span))


class LinearModel:
    """Logistic-regression weights over a feature row (:meth:`Features.row`): one row of weights
    per output. ``kind`` is ``"binary"`` (sigmoid per row) or ``"softmax"``."""

    def __init__(self, weights, bias, kind: str = "binary"):
        self.weights = np.asarray(weights, dtype=np.float64)
        self.bias = np.asarray(bias, dtype=np.float64)
        self.kind = kind

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = self.weights @ x + self.bias
        if self.kind == "softmax":
            z = z - z.max()
            e = np.exp(z)
            return e / e.sum()
        return 1.0 / (1.0 + np.exp(-z))


class Features:
    """The feature space all three models share: the sparse vocabulary and the scale of the
    dense features, both fixed at training time."""

    def __init__(self, vocabulary: list[str], scale):
        self.words = list(vocabulary)
        self.index = {w: i for i, w in enumerate(self.words)}
        self.scale = np.asarray(scale, dtype=np.float64)

    def row(self, cand: Candidate) -> np.ndarray:
        """The feature row of one candidate: binary word presence (unigrams, bigrams and ``cue=``
        lemma, within the vocabulary), then the dense features divided by the scale, then the
        word vector."""
        x = np.zeros(len(self.words), dtype=np.float64)
        for f in token_features(cand):
            i = self.index.get(f)
            if i is not None:
                x[i] = 1.0
        dense = np.asarray(cand.dense, dtype=np.float64) / self.scale
        return np.concatenate([x, dense, cand.vector.astype(np.float64)])


def token_features(cand: Candidate) -> set[str]:
    """The sparse features of a candidate: its lemmas, adjacent lemma pairs and its cue."""
    words = cand.words.split()
    return set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:])} | {f"cue={cand.cue}"}


@dataclass
class Thresholds:
    """Decision thresholds of :meth:`StatementModel.review`, chosen by leave-one-set-out
    cross-validation over the development gold sets (:func:`.training.cross_validate`).
    ``None`` turns a decision off."""

    #: a rule statement whose statement probability is below this is dropped
    drop: float | None = None
    #: the same for a sentence of a transcript turn or of a written statement
    drop_turn: float | None = 0.5
    #: a candidate with no rule concept becomes a statement at this probability or above
    add: float | None = 0.5
    #: the same for a sentence of a transcript turn or of a written statement
    add_turn: float | None = None
    #: a rule stance is replaced by the stance model's when that model gives another stance at
    #: least this probability
    restance: float | None = 0.6


class StatementModel:
    """The three models, their shared :class:`Features` and the thresholds; :meth:`review`
    applies them to one chunk's candidates."""

    def __init__(self, features: Features, statement: LinearModel, concepts: list[str],
                 concept: LinearModel, stance: dict[str, LinearModel],
                 thresholds: Thresholds | None = None, trained_on: list[str] | None = None):
        self.features = features
        self.statement = statement
        self.concepts = concepts
        self.concept = concept
        self.stance = stance
        self.thresholds = thresholds or Thresholds()
        self.trained_on = trained_on or []

    def row(self, cand: Candidate) -> np.ndarray:
        """The feature row of ``cand``: computed once, read by every model."""
        return self.features.row(cand)

    def scores(self, cand: Candidate, x: np.ndarray | None = None) -> tuple[float, dict[str, float]]:
        """(statement probability, {concept: probability}); ``x`` is ``cand``'s row if known."""
        x = self.row(cand) if x is None else x
        p = float(self.statement.predict(x)[0])
        pc = self.concept.predict(x)
        return p, dict(zip(self.concepts, (float(v) for v in pc)))

    def stance_of(self, cand: Candidate, concept: str, x: np.ndarray | None = None
                  ) -> tuple[int, float]:
        """(stance, probability) for ``concept``; +1 with probability 0 if no stance model."""
        m = self.stance.get(concept)
        if m is None:
            return 1, 0.0
        p = m.predict(self.row(cand) if x is None else x)
        i = int(np.argmax(p))
        return STANCES[i], float(p[i])

    def _thresholds(self, att) -> tuple[float | None, float | None]:
        t = self.thresholds
        return (t.drop_turn, t.add_turn) if att.turn_like else (t.drop, t.add)

    def review(self, atts, found_by):
        """``found_by`` with the model's decisions applied (see the module docstring)."""
        out = []
        for att, fb in zip(atts, found_by):
            if fb is None:
                out.append(fb)
                continue
            span, found, how = fb
            drop, add = self._thresholds(att)
            restance = self.thresholds.restance
            if ((drop is None and restance is None) if found else (add is None or att.split)):
                out.append(fb)  # no decision to take: skip the features
                continue
            cand = describe(att, span, found)
            x = self.row(cand)
            p, pc = self.scores(cand, x)
            if found and drop is not None and p < drop:
                out.append((span, [], how))
            elif found and restance is not None:
                out.append((span, [self._restance(cand, cs, restance, x) for cs in found], how))
            elif not found and p >= add:
                concept = max(pc, key=lambda c: (pc[c], c))
                stance, ps = self.stance_of(cand, concept, x)
                cs = ConceptStance(concept, stance, round(p * pc[concept], 3),
                                   f"learned (statement {p:.2f}, concept {pc[concept]:.2f})",
                                   [f"learned stance {ps:.2f}"])
                out.append((span, [cs], how + " (no cue: concept from the learned model)"))
            else:
                out.append(fb)
        return out

    def _restance(self, cand, cs, threshold, x=None):
        stance, ps = self.stance_of(cand, cs.concept, x)
        if stance == cs.stance or ps < threshold:
            return cs
        return dataclasses.replace(cs, stance=stance,
                                   evidence=[*cs.evidence, f"learned stance {ps:.2f} over the cue rules"])

    def save(self, path: str | Path) -> None:
        """Write the model as one compressed ``.npz`` (weights as float32, settings as JSON)."""
        meta = {"format": 1, "trained_on": self.trained_on, "concepts": self.concepts,
                "thresholds": dataclasses.asdict(self.thresholds),
                "vocabulary": self.features.words, "stance": sorted(self.stance)}
        arrays = {"meta": np.array(json.dumps(meta, sort_keys=True)),
                  "scale": self.features.scale.astype(np.float32)}
        for name, m in [("statement", self.statement), ("concept", self.concept)] + [
                (f"stance.{c}", self.stance[c]) for c in sorted(self.stance)]:
            arrays[f"{name}.weights"] = m.weights.astype(np.float32)
            arrays[f"{name}.bias"] = m.bias.astype(np.float32)
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)
        atomic_write_text(path, buf.getvalue())

    @classmethod
    def load(cls, path: str | Path) -> "StatementModel":
        """Read a model written by :meth:`save`."""
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))

            def linear(name, kind):
                return LinearModel(z[f"{name}.weights"], z[f"{name}.bias"], kind)

            return cls(Features(meta["vocabulary"], z["scale"]), linear("statement", "binary"),
                       meta["concepts"], linear("concept", "binary"),
                       {c: linear(f"stance.{c}", "softmax") for c in meta["stance"]},
                       Thresholds(**meta["thresholds"]), meta["trained_on"])
