"""Descriptive tables and figures of a corpus and its statements (notebook 01).

Counts are of statement rows unless said otherwise: one row per
(statement, concept), so a quote coded on two concepts counts once per concept
in :func:`concept_stance_counts` but once in :func:`speaker_counts`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .codebook import Codebook
from .corpus import Corpus
from .plotting import OKABE_ITO, STANCE_COLORS, use_style

STANCE_LABELS = {1: "support", -1: "oppose", 0: "neutral"}
STATEMENT_KEY = ["doc_id", "start", "end", "speaker"]


def documents_table(corpus: Corpus, statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per document: date (and whether exact), outlet, title, length and statement count."""
    meta = corpus.metadata_frame()
    table = meta[["doc_id", "date", "date_exact", "outlet", "title", "n_chars"]].copy()
    table["outlet"] = table["outlet"].replace("", "(not named)")
    if statements is not None:
        n = statements.drop_duplicates(STATEMENT_KEY).groupby("doc_id").size()
        table["statements"] = table["doc_id"].map(n).fillna(0).astype(int)
    return table.sort_values(["date", "doc_id"]).reset_index(drop=True)


def speaker_counts(statements: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Statements per speaker (distinct spans), split by mode, with the speaker's name and bloc."""
    distinct = statements.drop_duplicates(STATEMENT_KEY)
    table = distinct.pivot_table(index="speaker", columns="mode", values="start", aggfunc="count",
                                 fill_value=0)
    table.columns.name = None
    table["total"] = table.sum(axis=1)
    table.insert(0, "name", [codebook.label(s) for s in table.index])
    table.insert(1, "bloc", [codebook.bloc_of(s) for s in table.index])
    return table.sort_values(["total", "name"], ascending=[False, True])


def concept_stance_counts(statements: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Statement rows per concept and stance (support / oppose / neutral) and distinct speakers."""
    table = (statements.assign(stance_label=statements["stance"].map(STANCE_LABELS))
             .pivot_table(index="concept", columns="stance_label", values="start", aggfunc="count",
                          fill_value=0))
    table = table.reindex(columns=list(STANCE_LABELS.values()), fill_value=0)
    table.columns.name = None
    table["speakers"] = statements.groupby("concept")["speaker"].nunique()
    table.insert(0, "label", [codebook.label(c) for c in table.index])
    return table.sort_values(["speakers", "label"], ascending=[False, True])


def plot_documents_timeline(table: pd.DataFrame):
    """Documents by date and outlet; hollow markers mark inferred dates."""
    use_style()
    outlets = sorted(table["outlet"].unique())
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(outlets) + 1.5))
    for row in table.itertuples():
        y = outlets.index(row.outlet)
        ax.scatter(pd.Timestamp(row.date), y, s=40 + row.n_chars / 40, color=OKABE_ITO["blue"],
                   facecolors=OKABE_ITO["blue"] if row.date_exact else "white", linewidths=1.5, zorder=3)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(-0.7, len(outlets) - 0.3)
    ax.set_xlabel("publication date (filled: stated in the text; hollow: inferred)")
    ax.set_title("Documents by date and outlet (marker size: length)")
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    return fig


def plot_speaker_counts(table: pd.DataFrame):
    """Horizontal bars: statements per speaker, stacked by mode."""
    use_style()
    modes = [m for m in ("direct", "mixed", "indirect", "transcript") if m in table.columns]
    colors = {"direct": OKABE_ITO["blue"], "mixed": OKABE_ITO["purple"],
              "indirect": OKABE_ITO["sky"], "transcript": OKABE_ITO["green"]}
    data = table.iloc[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(data) + 1.2))
    left = pd.Series(0, index=data.index)
    for mode in modes:
        ax.barh(data["name"], data[mode], left=left, color=colors[mode], label=mode)
        left = left + data[mode]
    ax.set_xlabel("statements (distinct passages)")
    ax.set_title("Who is quoted, and how")
    ax.legend(title="mode", loc="lower right", frameon=False)
    return fig


def plot_concept_stances(table: pd.DataFrame):
    """Horizontal stacked bars: support / neutral / oppose statement rows per concept."""
    use_style()
    data = table.iloc[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.4 * len(data) + 1.2))
    left = pd.Series(0, index=data.index)
    for value, label in ((1, "support"), (0, "neutral"), (-1, "oppose")):
        ax.barh(data["label"], data[label], left=left, color=STANCE_COLORS[value], label=label)
        left = left + data[label]
    ax.set_xlabel("statement rows")
    ax.set_title("Stated positions per issue")
    ax.legend(loc="lower right", frameon=False)
    return fig
