"""``python -m crisisnet score PREDICTED.csv GOLD.csv --corpus DIR``: how well one statement table
agrees with a hand-coded one.

The way to measure the extractor on your own material: hand-code a sample of your corpus, extract
the same documents, and score one against the other. Both tables are validated against the corpus
and codebook first (errors name file, line and field); the scores are those of
:func:`.evaluate.evaluate` (span overlap + same speaker, one to one; stance accuracy on matched
statements), restricted to the documents the gold table codes. Two hand codings of the same
documents can be compared the same way, to see how far two coders agree.
"""

from __future__ import annotations

import sys

from ..codebook import load_codebook
from ..corpus import load_corpus
from ..fileio import atomic_write_text, display_path
from ..project import CODEBOOK
from ..statements import load_statements
from .evaluate import evaluate


def add_arguments(parser) -> None:
    parser.add_argument("predicted", help="statement CSV to score (e.g. the output of `extract`)")
    parser.add_argument("gold", help="hand-coded statement CSV of the same corpus")
    parser.add_argument("--corpus", required=True, help="the corpus folder both tables' offsets index")
    parser.add_argument("--codebook", default=None,
                        help="codebook YAML (default: the project's data/codebook.yaml)")
    parser.add_argument("--codebook-speakers", action="store_true",
                        help="leave out predicted statements of uncatalogued (unk:) speakers, for gold "
                             "tables that code codebook actors only")
    parser.add_argument("--disagreements", default=None, metavar="CSV",
                        help="also write every disagreement (missed, speaker, spurious, stance) to this CSV")


def run(args) -> int:
    codebook = load_codebook(args.codebook or CODEBOOK)
    corpus = load_corpus(args.corpus)
    gold = load_statements(args.gold, corpus, codebook)
    predicted = load_statements(args.predicted, corpus, codebook)
    docs = sorted(set(gold["doc_id"]))
    ev = evaluate(predicted, gold, docs=docs, catalogued_only=args.codebook_speakers)
    print(f"{display_path(args.predicted)} against {display_path(args.gold)} "
          f"({len(docs)} coded document(s){', codebook speakers' if args.codebook_speakers else ''}):")
    for label, value in ev.summary()["value"].items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"  {label:<38s} {shown:>7s}")
    if args.disagreements:
        atomic_write_text(args.disagreements, ev.disagreements.to_csv(index=False, lineterminator="\n"))
        print(f"crisisnet score: {len(ev.disagreements)} disagreement(s) -> "
              f"{display_path(args.disagreements)}", file=sys.stderr)
    return 0
