"""``python -m crisisnet extract CORPUS_DIR -o statements.csv``: who said what, automatically.

Reads any folder of UTF-8 ``.txt`` files (metadata optional), skips and
reports bad files by name (empty, binary, not UTF-8), extracts statements
with :func:`crisisnet.extraction.pipeline.extract_corpus` and writes them in
the statement schema. The output is deterministic: the same corpus and
codebook give the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..codebook import load_codebook
from ..corpus import load_corpus
from ..params import check_choice, check_number
from ..project import CODEBOOK, ROOT
from ..statements import write_statements

#: corpora of at least this many documents get a progress bar with ``--progress auto``
PROGRESS_MIN_DOCS = 20


def _shown(path: Path) -> str:
    """A path for messages: relative to the working directory or project root when possible."""
    path = Path(path).resolve()
    for base in (Path.cwd().resolve(), ROOT):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return str(path)


def add_arguments(parser) -> None:
    parser.add_argument("corpus", help="folder of .txt files (optionally with metadata.csv)")
    parser.add_argument("-o", "--output", required=True, help="statement CSV to write")
    parser.add_argument("--codebook", default=None,
                        help="codebook YAML (default: the project's data/codebook.yaml)")
    parser.add_argument("--n-process", type=int, default=1,
                        help="spaCy worker processes for large corpora (default 1)")
    parser.add_argument("--batch-size", type=int, default=16, help="texts per nlp.pipe batch")
    parser.add_argument("--rules-only", action="store_true",
                        help="do not use the learned statement model (data/models/), rules alone")
    parser.add_argument("--progress", default="auto", help="progress bar: auto, always or never "
                        f"(auto: corpora of {PROGRESS_MIN_DOCS}+ documents)")


def run(args) -> int:
    from .pipeline import extract_corpus

    check_number("--n-process", args.n_process, low=1, high=64, integer=True)
    check_number("--batch-size", args.batch_size, low=1, high=10_000, integer=True)
    check_choice("--progress", args.progress, ("auto", "always", "never"))
    codebook = load_codebook(args.codebook or CODEBOOK)
    corpus = load_corpus(args.corpus, strict=False)
    for name, reason in corpus.skipped:
        print(f"crisisnet extract: skipped {name}: {reason.split(': ', 1)[-1]}", file=sys.stderr)
    progress = args.progress == "always" or (args.progress == "auto" and len(corpus) >= PROGRESS_MIN_DOCS)
    df = extract_corpus(corpus, codebook, n_process=args.n_process, progress=progress,
                        batch_size=args.batch_size, model=None if args.rules_only else "default")
    for doc_id, reason in df.attrs.get("skipped", []):
        print(f"crisisnet extract: skipped {doc_id}.txt during extraction: {reason}", file=sys.stderr)
    write_statements(df, args.output)
    n_docs = df["doc_id"].nunique() if len(df) else 0
    n_skipped = len(corpus.skipped) + len(df.attrs.get("skipped", []))
    print(f"crisisnet extract: {len(df)} statement rows from {n_docs} of {len(corpus)} documents "
          f"({n_skipped} file(s) skipped; {df.attrs.get('model', 'rules only')}) -> {_shown(args.output)}",
          file=sys.stderr)
    return 0
