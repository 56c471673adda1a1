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


def test_coder_agreement_hand_computed():
    from crisisnet.extraction.evaluate import coder_agreement

    # second coder: A with a shorter span (matches, not the same span), B with the same span and
    # another stance, and C that the first coder did not code
    second = table([["d", 0, 8, "A", "blinken", "diplomacy", 1],
                    ["d", 20, 30, "B", "lavrov", "diplomacy", 1],
                    ["d", 40, 50, "C", "lavrov", "sanctions", -1]])
    a = coder_agreement(GOLD, second)
    # 2 of 2 first-coder statements matched, 2 of 3 second-coder ones: P 2/3, R 1, F1 0.8
    assert (a["statements (first)"], a["statements (second)"], a["matched"]) == (2, 3, 2)
    assert a["F1"] == 0.8 and a["same span"] == 0.5
    # stance pairs: A diplomacy (agree), B diplomacy (disagree); A's sanctions uncoded by the second
    assert (a["stance pairs"], a["stance agreement"]) == (2, 0.5)
    # symmetric in F1
    assert coder_agreement(second, GOLD)["F1"] == 0.8
