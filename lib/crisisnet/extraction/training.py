"""Fit the learned statement model (:mod:`.learned`) on hand-coded gold statements.

Training examples are the rules' own candidates (:meth:`.pipeline.Extractor.candidates`) in the
documents a gold table covers. A candidate of a catalogued speaker is a positive when it overlaps
a gold statement of the same speaker; its concepts and stances are those of the overlapping gold
rows. Candidates of uncatalogued (``unk:``) speakers are left out: the gold tables code codebook
actors only, so their labels would say nothing about the text.

scikit-learn fits the models (L2-regularised logistic regression, lbfgs, fixed iteration cap,
so a refit on the same data gives the same weights); :class:`.learned.StatementModel` stores only
the weights.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..codebook import UNCATALOGUED_PREFIX
from ..fileio import atomic_write_text, display_path
from ..project import CODEBOOK, CORPORA, DATA, MODEL, ROOT
from .learned import (STANCES, Candidate, Features, LinearModel, StatementModel, Thresholds,
                      describe, token_features)


@dataclass
class Example:
    """One labelled candidate."""

    candidate: Candidate
    statement: bool
    #: concept -> gold stance, for positives
    concepts: dict[str, int] = field(default_factory=dict)
    group: str = ""


def label_candidates(document, candidates, gold: pd.DataFrame, group: str = "") -> list[Example]:
    """Labelled examples of one document from its :meth:`.pipeline.Extractor.candidates`."""
    g = gold[gold["doc_id"] == document.id]
    out = []
    for offset, doc, atts, found_by in candidates:
        for att, fb in zip(atts, found_by):
            if fb is None or att.speaker.startswith(UNCATALOGUED_PREFIX):
                continue
            span, found, _ = fb
            s, e = offset + att.start, offset + att.end
            hit = g[(g["speaker"] == att.speaker) & (g["start"] < e) & (s < g["end"])]
            concepts = {}
            for c, st in zip(hit["concept"], hit["stance"]):
                concepts.setdefault(str(c), int(st))
            out.append(Example(describe(att, span, found), bool(len(hit)), concepts, group))
    return out


def _fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=c, max_iter=3000)
    m.fit(x, y)
    return m


def fit_model(examples: list[Example], concepts: list[str], c_statement: float = 2.0,
              c_concept: float = 1.0, c_stance: float = 1.0, min_count: int = 2,
              thresholds: Thresholds | None = None, trained_on: list[str] | None = None
              ) -> StatementModel:
    """A :class:`StatementModel` fitted on ``examples`` (concepts in codebook order)."""
    counts: dict[str, int] = {}
    for ex in examples:
        for f in token_features(ex.candidate):
            counts[f] = counts.get(f, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= min_count)
    dense = np.array([ex.candidate.dense for ex in examples], dtype=np.float64)
    features = Features(vocabulary, np.maximum(np.abs(dense).max(axis=0), 1e-9))
    x = np.array([features.row(ex.candidate) for ex in examples])
    y = np.array([ex.statement for ex in examples])

    fitted = _fit(x, y, c_statement)
    statement = LinearModel(fitted.coef_, fitted.intercept_)
    pos = np.flatnonzero(y)
    w, b = [], []
    for concept in concepts:
        yc = np.array([concept in examples[i].concepts for i in pos])
        if yc.all() or not yc.any():
            w.append(np.zeros(x.shape[1]))
            b.append(10.0 if yc.all() else -10.0)
            continue
        m = _fit(x[pos], yc, c_concept)
        w.append(m.coef_[0])
        b.append(float(m.intercept_[0]))
    concept_model = LinearModel(np.array(w), np.array(b))
    stance = {}
    for concept in concepts:
        rows = [i for i in pos if concept in examples[i].concepts]
        ys = np.array([examples[i].concepts[concept] for i in rows])
        present = sorted(set(ys.tolist()))
        if len(present) < 2:
            continue
        m = _fit(x[rows], ys, c_stance)
        coef = m.coef_ if len(present) > 2 else np.vstack([-m.coef_[0] / 2, m.coef_[0] / 2])
        inter = m.intercept_ if len(present) > 2 else np.array([-m.intercept_[0] / 2, m.intercept_[0] / 2])
        W = np.zeros((len(STANCES), x.shape[1]))
        B = np.full(len(STANCES), -20.0)
        for k, st in enumerate(present):
            W[STANCES.index(st)] = coef[k]
            B[STANCES.index(st)] = inter[k]
        stance[concept] = LinearModel(W, B, "softmax")
    return StatementModel(features, statement, list(concepts), concept_model, stance, thresholds,
                          trained_on)


@dataclass
class GoldSet:
    """A hand-coded gold table and the corpus its offsets point into."""

    name: str
    corpus: Path
    gold: Path


def development_sets() -> list[GoldSet]:
    """The gold sets the model is trained on: the seeds, the four official held-out sets and
    the first four synthetic news and transcript sets. Sets 5 to 8 are never trained on: they
    are the unseen test sets (``data/heldout/README.md``)."""
    heldout = ROOT / "data" / "heldout"
    sets = [GoldSet("seeds", CORPORA["seeds"], DATA / "statements.csv")]
    sets += [GoldSet(n, CORPORA["official-2022"], heldout / f"{n}.csv")
             for n in ("dev", "dev2", "dev3", "test")]
    sets += [GoldSet(f"synthetic-{kind}{n}", ROOT / "corpora" / f"synthetic-{kind}{n}",
                     heldout / f"synthetic-{kind}{n}.csv")
             for kind in ("news", "transcripts") for n in ("", "-2", "-3", "-4")]
    return sets


@dataclass
class PreparedSet:
    """A gold set parsed once: its documents' candidates, the gold table and labelled examples."""

    name: str
    candidates: list  # [(Document, [chunk candidates])]
    gold: pd.DataFrame
    examples: list[Example]


def prepare_sets(sets: list[GoldSet], codebook, nlp) -> list[PreparedSet]:
    """Parse the documents each gold table covers and label the rules' candidates."""
    from ..corpus import load_corpus
    from ..statements import load_statements
    from .pipeline import Extractor, chunks, prepare

    prepare(nlp)
    extractor = Extractor(codebook, nlp)
    out = []
    for s in sets:
        docs = load_corpus(s.corpus)
        gold = load_statements(s.gold, docs, codebook)
        coded = set(gold["doc_id"])
        per = []
        for d in docs:
            if d.id in coded:
                parsed = [(off, nlp(piece)) for off, piece in chunks(d.text)]
                per.append((d, list(extractor.candidates(d, parsed))))
        examples = [e for d, c in per for e in label_candidates(d, c, gold, s.name)]
        out.append(PreparedSet(s.name, per, gold, examples))
    return out


def train(prepared: list[PreparedSet], codebook, thresholds: Thresholds | None = None
          ) -> StatementModel:
    """The model fitted on every example of ``prepared``."""
    return fit_model([e for p in prepared for e in p.examples], list(codebook.concepts),
                     thresholds=thresholds, trained_on=[p.name for p in prepared])


def score_set(prepared: PreparedSet, codebook, model: StatementModel | None):
    """:func:`.evaluate.evaluate` (codebook speakers) of the extractor with ``model`` on one set."""
    from ..statements import STATEMENT_COLUMNS
    from .evaluate import evaluate
    from .pipeline import Extractor

    extractor = Extractor(codebook, model=model)
    rows = [r for d, c in prepared.candidates for r in extractor.assemble(d, c)]
    return evaluate(pd.DataFrame(rows, columns=STATEMENT_COLUMNS), prepared.gold,
                    catalogued_only=True)


def cross_validate(prepared: list[PreparedSet], codebook,
                   thresholds: Thresholds | None = None) -> pd.DataFrame:
    """Leave one gold set out: train on the others, score the held-out set with the rules alone
    and with the model. One row per set: F1 and stance accuracy of both."""
    rows = []
    for i, held in enumerate(prepared):
        model = train(prepared[:i] + prepared[i + 1:], codebook, thresholds)
        rules, learned = score_set(held, codebook, None), score_set(held, codebook, model)
        rows.append({"set": held.name, "gold": rules.n_gold,
                     "F1 rules": round(rules.f1, 3), "F1 rules + model": round(learned.f1, 3),
                     "stance rules": round(rules.stance_accuracy, 3),
                     "stance rules + model": round(learned.stance_accuracy, 3)})
    return pd.DataFrame(rows).set_index("set")


def learning_curve(prepared: list[PreparedSet], codebook, sizes=(3, 6, 9), draws: int = 2,
                   seed: int = 0) -> pd.DataFrame:
    """How the learned model's held-out F1 grows with the number of training gold sets.

    For each set held out in turn and each size ``k``, train on ``k`` of the other sets drawn at
    random (``draws`` times; seeded, so the table is reproducible) and score the held-out set;
    all the other sets are the last point. One row per size: mean F1 (codebook speakers). This
    says whether hand-coding more training data is worth it for this learner.
    """
    import random

    rng = random.Random(seed)
    n_rest = len(prepared) - 1
    rows = []
    for k in [*sorted(k for k in sizes if k < n_rest), n_rest]:
        f1 = []
        for i, held in enumerate(prepared):
            rest = prepared[:i] + prepared[i + 1:]
            for _ in range(draws if k < n_rest else 1):
                f1.append(score_set(held, codebook, train(rng.sample(rest, k), codebook)).f1)
        rows.append({"training sets": k, "mean held-out F1": round(float(np.mean(f1)), 3)})
    return pd.DataFrame(rows).set_index("training sets")


def add_arguments(parser) -> None:
    parser.add_argument("-o", "--output", default=str(MODEL),
                        help="model file to write (default: the project's data/models/statement-model.npz)")
    parser.add_argument("--cross-validate", action="store_true",
                        help="also print leave-one-set-out scores of rules vs rules + model")
    parser.add_argument("--table", default=None,
                        help="with --cross-validate: also write the scores to this CSV")
    parser.add_argument("--learning-curve", action="store_true",
                        help="also print held-out F1 against the number of training gold sets")


def run(args) -> int:
    from ..codebook import load_codebook
    from ..nlp import load_model

    codebook = load_codebook(CODEBOOK)
    prepared = prepare_sets(development_sets(), codebook, load_model())
    if args.cross_validate:
        table = cross_validate(prepared, codebook)
        print(table.to_string())
        print(f"mean F1: rules {table['F1 rules'].mean():.3f}, "
              f"rules + model {table['F1 rules + model'].mean():.3f}")
        if args.table:
            atomic_write_text(args.table, table.to_csv(lineterminator="\n"))
    if args.learning_curve:
        print(learning_curve(prepared, codebook).to_string())
    model = train(prepared, codebook)
    model.save(args.output)
    n = sum(len(p.examples) for p in prepared)
    print(f"crisisnet train-model: {n} candidates from {len(prepared)} gold sets -> {display_path(args.output)}",
          file=sys.stderr)
    return 0
