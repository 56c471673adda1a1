"""Scoring: span-overlap matching with the canonical speaker, stance accuracy, disagreements."""

import pandas as pd

from crisisnet.extraction.evaluate import evaluate, match_statements


def table(rows):
    cols = ["doc_id", "start", "end", "text", "speaker", "concept", "stance"]
    return pd.DataFrame(rows, columns=cols)


GOLD = table([["d", 0, 10, "A", "blinken", "diplomacy", 1],
              ["d", 0, 10, "A", "blinken", "sanctions", 1],   # same statement, 2nd concept
              ["d", 20, 30, "B", "lavrov", "diplomacy", -1]])


def test_worked_example_from_the_docstring():
    pred = table([["d", 2, 8, "a", "blinken", "diplomacy", 1],
                  ["d", 21, 25, "b", "peskov", "diplomacy", -1]])
    ev = evaluate(pred, GOLD)
    # gold statements deduplicated to 2; 1 of 2 predictions matches: P = R = F1 = 0.5
    assert (ev.n_gold, ev.n_predicted, ev.n_matched) == (2, 2, 1)
    assert ev.precision == ev.recall == ev.f1 == 0.5
    assert ev.stance_accuracy == 1.0 and ev.n_stance_pairs == 1
    kinds = sorted(ev.disagreements["kind"])
    assert kinds == ["speaker", "spurious"]


def test_matching_is_one_to_one():
    # one long prediction overlapping both gold statements of the same speaker matches once
    gold = table([["d", 0, 10, "A", "x", "c", 1], ["d", 20, 30, "B", "x", "c", 1]])
    pred = table([["d", 5, 25, "P", "x", "c", 1]])
    m = match_statements(pred, gold)
    assert len(m) == 1 and m.iloc[0].gold_start == 0  # tie on overlap: earlier gold first
    ev = evaluate(pred, gold)
    assert (ev.precision, ev.recall) == (1.0, 0.5)


def test_stance_disagreement_is_listed():
    pred = table([["d", 0, 10, "A", "blinken", "diplomacy", -1],
                  ["d", 20, 30, "B", "lavrov", "diplomacy", -1]])
    ev = evaluate(pred, GOLD)
    assert ev.f1 == 1.0
    # two concept pairs can be compared (sanctions was not extracted): 1 of 2 agree
    assert (ev.n_stance_pairs, ev.stance_accuracy) == (2, 0.5)
    row = ev.disagreements.iloc[0]
    assert (row.kind, row.concept, row.gold_stance, row.pred_stance) == ("stance", "diplomacy", 1, -1)


def test_empty_prediction_scores_zero():
    ev = evaluate(table([]), GOLD)
    assert (ev.precision, ev.recall, ev.f1) == (0.0, 0.0, 0.0)
    assert list(ev.disagreements["kind"]) == ["missed", "missed"]


def test_catalogued_only_drops_uncatalogued_predictions_before_scoring():
    import pandas as pd
    from crisisnet.extraction.evaluate import evaluate
    cols = dict(concept="diplomacy", stance=1, text="x")
    gold = pd.DataFrame([dict(doc_id="d", start=0, end=10, speaker="blinken", **cols)])
    pred = pd.DataFrame([dict(doc_id="d", start=0, end=10, speaker="blinken", **cols),
                         dict(doc_id="d", start=20, end=30, speaker="unk:jane_doe", **cols)])
    assert evaluate(pred, gold).precision == 0.5
    e = evaluate(pred, gold, catalogued_only=True)
    assert (e.precision, e.recall, e.n_predicted) == (1.0, 1.0, 1)
