"""The learned second opinion on the rules' candidates (crisisnet.extraction.learned/training)."""

import numpy as np
import pandas as pd
import pytest

from crisisnet.corpus import load_corpus
from crisisnet.extraction.learned import Candidate, StatementModel, Thresholds, describe
from crisisnet.extraction.training import Example, fit_model, label_candidates
from extraction_helpers import make_codebook

CONCEPTS = ["nato_open_door", "diplomacy", "sanctions"]


def _cand(words, cue="say", n=4, vec=0):
    v = np.zeros(8, dtype=np.float32)
    v[vec] = 1.0
    return Candidate(words, cue, [0.0] * 15 + [float(n)], v)


def _examples():
    """Statements about talks (+1, or -1 with "no") and sanctions; non-statements about weather."""
    out = []
    for i in range(12):
        out.append(Example(_cand("we want more talk with moscow", vec=1), True, {"diplomacy": 1}))
        out.append(Example(_cand("there be no point in more talk", vec=1), True, {"diplomacy": -1}))
        out.append(Example(_cand("sanction will follow any attack", vec=2), True, {"sanctions": 1}))
        out.append(Example(_cand("the weather in geneva be cold", vec=3), False, {}))
        out.append(Example(_cand("the hotel lobby be crowded today", vec=3), False, {}))
    return out


@pytest.fixture(scope="module")
def fitted():
    return fit_model(_examples(), CONCEPTS, trained_on=["toy"])


def test_fitted_model_separates_statements_concepts_and_stances(fitted):
    p_talk, pc_talk = fitted.scores(_cand("we want talk", vec=1))
    p_weather, _ = fitted.scores(_cand("the weather be cold", vec=3))
    assert p_talk > 0.8 > 0.2 > p_weather
    assert max(pc_talk, key=pc_talk.get) == "diplomacy"
    _, pc_sanction = fitted.scores(_cand("sanction will follow", vec=2))
    assert max(pc_sanction, key=pc_sanction.get) == "sanctions"
    assert fitted.stance_of(_cand("no point in talk", vec=1), "diplomacy")[0] == -1
    assert fitted.stance_of(_cand("we want talk", vec=1), "diplomacy")[0] == 1
    # a concept with one stance only in training has no stance model: +1, probability 0
    assert fitted.stance_of(_cand("sanction", vec=2), "sanctions") == (1, 0.0)


def test_save_and_load_keep_predictions_and_are_byte_stable(fitted, tmp_path):
    a, b = tmp_path / "a.npz", tmp_path / "b.npz"
    fitted.save(a)
    fitted.save(b)
    assert a.read_bytes() == b.read_bytes()
    loaded = StatementModel.load(a)
    assert loaded.concepts == CONCEPTS and loaded.trained_on == ["toy"]
    assert loaded.thresholds == fitted.thresholds
    for c in (_cand("we want talk", vec=1), _cand("the weather be cold", vec=3)):
        p0, pc0 = fitted.scores(c)
        p1, pc1 = loaded.scores(c)
        assert p1 == pytest.approx(p0, abs=1e-4)
        assert pc1 == pytest.approx(pc0, abs=1e-4)


class _Fixed(StatementModel):
    """A model whose statement probability is set per candidate text (for the decision rules)."""

    def __init__(self, probabilities, thresholds):
        super().__init__(None, None, CONCEPTS, None, {}, thresholds)
        self.probabilities = probabilities

    def row(self, cand):
        return None

    def scores(self, cand, x=None):
        p = next((v for k, v in self.probabilities.items() if k in cand.words), 0.95)
        return p, {"nato_open_door": 0.1, "diplomacy": 0.8, "sanctions": 0.1}


ARTICLE = """DATE: 2022-01-27
---
Blinken said words alone would not convince Washington.
Lavrov said the weather in Geneva was cold.
"""
TRANSCRIPT = """DATE: 2022-01-27
---
QUESTION: What about Moscow?
SECRETARY BLINKEN: We prefer diplomacy. Sanctions remain the responsible answer to an attack.
"""


def _extract(tmp_path, model):
    from crisisnet.extraction.pipeline import extract_corpus
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TRANSCRIPT, encoding="utf-8")
    return extract_corpus(load_corpus(tmp_path), make_codebook(), model=model)


def test_model_adds_a_concept_the_cue_rules_miss_and_drops_unlikely_turn_sentences(tmp_path):
    rules = _extract(tmp_path, None)
    assert rules.attrs["model"] == "rules only"
    assert not (rules["doc_id"] == "a").any()  # no cue word: the rules find no statement
    assert len(rules[rules["doc_id"] == "b"]) >= 2
    model = _Fixed({"convince": 0.9, "weather": 0.3, "responsible": 0.1},
                   Thresholds(drop=None, drop_turn=0.5, add=0.5, add_turn=None))
    learned = _extract(tmp_path, model)
    assert learned.attrs["model"] == "rules + learned model"
    added = learned[learned["doc_id"] == "a"]
    assert list(added["text"]) == ["words alone would not convince Washington"]
    assert list(added["concept"]) == ["diplomacy"] and list(added["speaker"]) == ["blinken"]
    assert "learned model" in added["note"].iloc[0]
    turns = learned[learned["doc_id"] == "b"]
    assert list(turns["text"]) == ["We prefer diplomacy"]  # the 0.1 sentence was dropped


def test_decisions_switched_off_leave_the_rules_output_unchanged(tmp_path):
    rules = _extract(tmp_path, None)
    model = _Fixed({"convince": 0.9, "weather": 0.9, "responsible": 0.0},
                   Thresholds(drop=None, drop_turn=None, add=None, add_turn=None))
    learned = _extract(tmp_path, model)
    cols = ["doc_id", "start", "end", "speaker", "concept", "stance"]
    pd.testing.assert_frame_equal(rules[cols], learned[cols])


def test_labels_come_from_overlapping_gold_statements_of_the_same_speaker(tmp_path):
    from crisisnet.extraction.pipeline import Extractor, chunks, prepare
    from crisisnet.nlp import load_model
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    doc = load_corpus(tmp_path)["a"]
    nlp = prepare(load_model())
    cands = list(Extractor(make_codebook(), nlp).candidates(
        doc, [(o, nlp(p)) for o, p in chunks(doc.text)]))
    start = doc.text.index("words alone")
    gold = pd.DataFrame({"doc_id": ["a"], "start": [start], "end": [start + 20],
                         "speaker": ["blinken"], "concept": ["diplomacy"], "stance": [-1]})
    examples = label_candidates(doc, cands, gold, "toy")
    labelled = {e.candidate.words: (e.statement, e.concepts) for e in examples}
    assert labelled["word alone would not convince washington"] == (True, {"diplomacy": -1})
    assert labelled["the weather in geneva be cold"] == (False, {})


def test_committed_model_is_trained_on_development_sets_only(codebook):
    from crisisnet.extraction.pipeline import default_model
    from crisisnet.extraction.training import development_sets
    from crisisnet.project import MODEL
    model = StatementModel.load(MODEL)
    names = [s.name for s in development_sets()]
    assert model.trained_on == names
    assert not any(n.endswith(("-5", "-6", "-7", "-8")) for n in names)  # the unseen test sets
    assert model.concepts == list(codebook.concepts)
    assert default_model(codebook) is not None
    assert default_model(make_codebook()) is None  # another codebook's concepts: rules alone
    table = pd.read_csv(MODEL.parent / "cross-validation.csv", index_col="set")
    assert list(table.index) == names


def test_describe_reads_only_the_text_never_the_speaker():
    from crisisnet.extraction.attribution import Attribution
    from crisisnet.nlp import load_model
    doc = load_model()("NATO must not admit Ukraine.")
    a = Attribution(0, len(doc.text), "lavrov", "indirect", "said", "name", 0.9, "say")
    b = Attribution(0, len(doc.text), "blinken", "indirect", "said", "name", 0.9, "say")
    ca, cb = describe(a, doc[:], []), describe(b, doc[:], [])
    assert ca.words == cb.words and ca.dense == cb.dense and np.array_equal(ca.vector, cb.vector)


def test_a_confident_stance_model_overrides_the_rule_stance_and_says_so(fitted):
    from crisisnet.extraction.stance import ConceptStance
    cand = _cand("there be no point in more talk", vec=1)
    stance, p = fitted.stance_of(cand, "diplomacy")
    assert stance == -1 and p > 0.6
    rule = ConceptStance("diplomacy", 1, 0.9, "talks", ["talks"])
    changed = fitted._restance(cand, rule, 0.6)
    assert changed.stance == -1 and changed.concept == "diplomacy" and rule.stance == 1
    assert changed.evidence[-1].startswith("learned stance")
    assert fitted._restance(cand, rule, min(1.0, p + 1e-6)) is rule  # not confident enough
    agree = ConceptStance("diplomacy", -1, 0.9, "talks", ["no"])
    assert fitted._restance(cand, agree, 0.6) is agree


def test_committed_model_is_current(codebook):
    """Refitting on the committed gold sets gives the committed model (run `make model` after
    changing the rules, the codebook or a development gold set)."""
    from crisisnet.extraction.training import development_sets, prepare_sets, train
    from crisisnet.nlp import load_model
    from crisisnet.project import MODEL
    prepared = prepare_sets(development_sets(), codebook, load_model())
    fresh, committed = train(prepared, codebook), StatementModel.load(MODEL)
    assert fresh.features.words == committed.features.words, "vocabulary changed: run `make model`"
    assert fresh.thresholds == committed.thresholds and sorted(fresh.stance) == sorted(committed.stance)
    for ex in [e for p in prepared for e in p.examples][::25]:
        p0, pc0 = fresh.scores(ex.candidate)
        p1, pc1 = committed.scores(ex.candidate)
        assert p1 == pytest.approx(p0, abs=0.02), "statement model changed: run `make model`"
        assert pc1 == pytest.approx(pc0, abs=0.02), "concept model changed: run `make model`"


def test_learning_curve_trains_on_k_other_sets_and_is_seeded(monkeypatch):
    """Each point trains on k sets drawn from the others (never the held-out one); the last point
    uses all the others; the same seed gives the same table."""
    from types import SimpleNamespace

    from crisisnet.extraction import training

    sets = [training.PreparedSet(f"s{i}", [], pd.DataFrame(), _examples()) for i in range(5)]
    seen = []

    def fake_score(held, codebook, model):
        assert held.name not in model.trained_on
        seen.append(tuple(model.trained_on))
        return SimpleNamespace(f1=float(len(model.trained_on)))

    monkeypatch.setattr(training, "score_set", fake_score)
    codebook = SimpleNamespace(concepts={c: None for c in CONCEPTS})
    table = training.learning_curve(sets, codebook, sizes=(1, 2, 9), draws=2, seed=3)
    assert list(table.index) == [1, 2, 4]
    assert list(table["mean held-out F1"]) == [1.0, 2.0, 4.0]
    assert len(seen) == 5 * 2 + 5 * 2 + 5
    first, seen[:] = list(seen), []
    training.learning_curve(sets, codebook, sizes=(1, 2, 9), draws=2, seed=3)
    assert seen == first
