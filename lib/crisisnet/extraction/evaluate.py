"""Score extracted statements against hand-coded ones, the way the field does.

A predicted statement *matches* a gold statement when both are in the same
document, their spans overlap and they name the same canonical speaker.
Statement tables have one row per (statement, concept), so both tables are
first reduced to distinct ``(doc_id, start, end, speaker)``; matching is one
to one, largest overlap first (ties: earlier spans first), so a long
prediction cannot match two gold statements.

* precision = matched / predicted statements, recall = matched / gold
  statements, F1 their harmonic mean;
* stance accuracy: over matched statement pairs, every concept that both
  rows carry is a (gold stance, predicted stance) pair; accuracy is the share
  of equal pairs;
* the disagreement table lists every missed gold statement (``missed``, or
  ``speaker`` when an extracted statement overlaps it with another speaker),
  every unmatched prediction (``spurious``) and every stance disagreement
  (``stance``), for review.

Worked example: gold has statements A (0-10, blinken) and B (20-30, lavrov);
the extractor finds (2-8, blinken) and (21-25, peskov). One match of two
predictions and two gold statements: P = R = F1 = 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..codebook import UNCATALOGUED_PREFIX

KEY = ["doc_id", "start", "end", "speaker"]
DISAGREEMENT_COLUMNS = ["doc_id", "kind", "gold_start", "gold_end", "gold_speaker", "pred_start",
                        "pred_end", "pred_speaker", "concept", "gold_stance", "pred_stance", "text"]


@dataclass
class Evaluation:
    """Scores of one comparison, with the matched pairs and the disagreement table."""

    n_gold: int
    n_predicted: int
    n_matched: int
    precision: float
    recall: float
    f1: float
    n_stance_pairs: int
    stance_accuracy: float
    matches: pd.DataFrame
    disagreements: pd.DataFrame

    def summary(self) -> pd.DataFrame:
        """The scores as a one-column table: counts as integers, rates rounded to 3 decimals."""
        return pd.DataFrame({"value": [
            self.n_gold, self.n_predicted, self.n_matched, round(self.precision, 3),
            round(self.recall, 3), round(self.f1, 3), self.n_stance_pairs,
            round(self.stance_accuracy, 3)]}, dtype=object,
            index=["gold statements", "extracted statements", "matched", "precision", "recall",
                   "F1 (span overlap + speaker)", "stance pairs (matched, same concept)",
                   "stance accuracy"])


def statement_units(df: pd.DataFrame) -> pd.DataFrame:
    """Distinct (doc_id, start, end, speaker) statements, sorted."""
    if df.empty:
        return pd.DataFrame(columns=KEY)
    units = df[KEY].drop_duplicates().copy()
    units["start"] = units["start"].astype(int)
    units["end"] = units["end"].astype(int)
    return units.sort_values(KEY).reset_index(drop=True)


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match_statements(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """One-to-one matches of statement units: columns doc_id, speaker, gold_start/end, pred_start/end."""
    p, g = statement_units(predicted), statement_units(gold)
    candidates = []
    for (doc, spk), gg in g.groupby(["doc_id", "speaker"], sort=True):
        pp = p[(p["doc_id"] == doc) & (p["speaker"] == spk)]
        for gi, grow in gg.iterrows():
            for pi, prow in pp.iterrows():
                ov = _overlap(grow.start, grow.end, prow.start, prow.end)
                if ov > 0:
                    candidates.append((-ov, grow.start, prow.start, gi, pi))
    candidates.sort()
    used_g, used_p, rows = set(), set(), []
    for _, _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        rows.append({"doc_id": g.at[gi, "doc_id"], "speaker": g.at[gi, "speaker"],
                     "gold_start": int(g.at[gi, "start"]), "gold_end": int(g.at[gi, "end"]),
                     "pred_start": int(p.at[pi, "start"]), "pred_end": int(p.at[pi, "end"])})
    cols = ["doc_id", "speaker", "gold_start", "gold_end", "pred_start", "pred_end"]
    return pd.DataFrame(rows, columns=cols).sort_values(cols).reset_index(drop=True)


def evaluate(predicted: pd.DataFrame, gold: pd.DataFrame, docs: list[str] | None = None,
             catalogued_only: bool = False) -> Evaluation:
    """Compare an extracted statement table with a hand-coded one (see the module docstring).

    ``docs`` restricts both tables to these document ids (default: all).
    ``catalogued_only`` drops extracted statements of uncatalogued (``unk:``) speakers first:
    gold standards that code codebook actors only cannot match them by construction, so this
    second reading measures the extractor on the speakers the gold standard covers.
    """
    if catalogued_only:
        predicted = predicted[~predicted["speaker"].astype(str).str.startswith(UNCATALOGUED_PREFIX)]
    if docs is not None:
        predicted = predicted[predicted["doc_id"].isin(docs)]
        gold = gold[gold["doc_id"].isin(docs)]
    p, g = statement_units(predicted), statement_units(gold)
    m = match_statements(predicted, gold)
    n_p, n_g, n_m = len(p), len(g), len(m)
    precision = n_m / n_p if n_p else 0.0
    recall = n_m / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    texts = {}
    for df in (gold, predicted):
        for r in df.itertuples(index=False):
            texts.setdefault((r.doc_id, int(r.start), int(r.end)), r.text)
    dis = []
    pairs = agree = 0
    for r in m.itertuples(index=False):
        gr = gold[(gold.doc_id == r.doc_id) & (gold.start == r.gold_start) & (gold.end == r.gold_end)
                  & (gold.speaker == r.speaker)]
        pr = predicted[(predicted.doc_id == r.doc_id) & (predicted.start == r.pred_start)
                       & (predicted.end == r.pred_end) & (predicted.speaker == r.speaker)]
        for concept, gst in sorted(zip(gr.concept, gr.stance.astype(int))):
            pst = pr.loc[pr.concept == concept, "stance"]
            if pst.empty:
                continue
            pairs += 1
            pst = int(pst.iloc[0])
            if pst == gst:
                agree += 1
            else:
                dis.append({"doc_id": r.doc_id, "kind": "stance", "gold_start": r.gold_start,
                            "gold_end": r.gold_end, "gold_speaker": r.speaker,
                            "pred_start": r.pred_start, "pred_end": r.pred_end,
                            "pred_speaker": r.speaker, "concept": concept, "gold_stance": gst,
                            "pred_stance": pst,
                            "text": texts[(r.doc_id, r.gold_start, r.gold_end)]})
    matched_g = set(zip(m.doc_id, m.gold_start, m.gold_end, m.speaker))
    matched_p = set(zip(m.doc_id, m.pred_start, m.pred_end, m.speaker))
    for r in g.itertuples(index=False):
        if (r.doc_id, r.start, r.end, r.speaker) in matched_g:
            continue
        other = p[(p.doc_id == r.doc_id) & (p.start < r.end) & (r.start < p.end)]
        other = other[[(x.doc_id, x.start, x.end, x.speaker) not in matched_p
                       for x in other.itertuples(index=False)]]
        o = other.iloc[0] if len(other) else None
        dis.append({"doc_id": r.doc_id, "kind": "speaker" if o is not None else "missed",
                    "gold_start": r.start, "gold_end": r.end, "gold_speaker": r.speaker,
                    "pred_start": None if o is None else int(o.start),
                    "pred_end": None if o is None else int(o.end),
                    "pred_speaker": "" if o is None else o.speaker, "concept": "",
                    "gold_stance": None, "pred_stance": None,
                    "text": texts[(r.doc_id, r.start, r.end)]})
    for r in p.itertuples(index=False):
        if (r.doc_id, r.start, r.end, r.speaker) in matched_p:
            continue
        dis.append({"doc_id": r.doc_id, "kind": "spurious", "gold_start": None, "gold_end": None,
                    "gold_speaker": "", "pred_start": r.start, "pred_end": r.end,
                    "pred_speaker": r.speaker, "concept": "", "gold_stance": None,
                    "pred_stance": None, "text": texts[(r.doc_id, r.start, r.end)]})
    table = pd.DataFrame(dis, columns=DISAGREEMENT_COLUMNS)
    if len(table):
        table["_pos"] = table["gold_start"].fillna(table["pred_start"])
        table = table.sort_values(["doc_id", "_pos", "kind"], kind="stable").drop(columns="_pos")
        for c in ("gold_start", "gold_end", "pred_start", "pred_end", "gold_stance", "pred_stance"):
            table[c] = table[c].astype("Int64")
    return Evaluation(n_gold=n_g, n_predicted=n_p, n_matched=n_m, precision=precision,
                      recall=recall, f1=f1, n_stance_pairs=pairs,
                      stance_accuracy=agree / pairs if pairs else 0.0, matches=m,
                      disagreements=table.reset_index(drop=True))


def per_document(predicted: pd.DataFrame, gold: pd.DataFrame, docs: list[str] | None = None,
                 groups: dict[str, list[str]] | None = None,
                 catalogued_only: bool = False) -> pd.DataFrame:
    """Scores of each gold document, then of each named group of documents (e.g. ``"(all)"``).

    One row per document or group: gold, extracted and matched statements, precision, recall,
    F1 and stance accuracy, rounded to 3 decimals. ``docs`` defaults to the gold's documents.
    """
    docs = sorted(set(gold["doc_id"])) if docs is None else list(docs)
    rows = []
    for name, subset in [(d, [d]) for d in docs] + list((groups or {}).items()):
        e = evaluate(predicted, gold, subset, catalogued_only)
        rows.append({"document": name, "gold": e.n_gold, "extracted": e.n_predicted,
                     "matched": e.n_matched, "precision": round(e.precision, 3),
                     "recall": round(e.recall, 3), "F1": round(e.f1, 3),
                     "stance accuracy": round(e.stance_accuracy, 3)})
    return pd.DataFrame(rows).set_index("document")


def coder_agreement(first: pd.DataFrame, second: pd.DataFrame) -> dict:
    """How far two hand codings of the same documents agree, in the terms used to score the
    extractor: F1 of (span overlap, speaker) statements (symmetric: precision and recall only
    swap), the share of matched statements whose spans are identical, and stance agreement on
    matched statements' shared concepts. This is the yardstick for the extractor's own F1: an
    extractor cannot be held to agree with one coder more closely than a second coder does.
    """
    e = evaluate(second, first)
    m = e.matches
    exact = int(((m["gold_start"] == m["pred_start"]) & (m["gold_end"] == m["pred_end"])).sum())
    return {"statements (first)": e.n_gold, "statements (second)": e.n_predicted,
            "matched": e.n_matched, "F1": round(e.f1, 3),
            "same span": round(exact / e.n_matched, 3) if e.n_matched else 0.0,
            "stance pairs": e.n_stance_pairs, "stance agreement": round(e.stance_accuracy, 3)}
