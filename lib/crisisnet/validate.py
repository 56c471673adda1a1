"""``python -m crisisnet validate``: check the codebook, a corpus and its statement tables.

Exit code 0 when everything validates, 2 with every problem listed otherwise.
"""

from __future__ import annotations

from pathlib import Path

from .codebook import load_codebook
from .corpus import load_corpus
from .errors import ValidationError
from .fileio import display_path
from .project import CODEBOOK, CODED, CORPORA, ROOT
from .statements import load_interactions, load_statements


def add_arguments(parser) -> None:
    parser.add_argument("--corpus", default=str(CORPORA["seeds"].relative_to(ROOT)),
                        help="corpus folder (default: seeds)")
    parser.add_argument("--codebook", default=str(CODEBOOK.relative_to(ROOT)),
                        help="codebook YAML (default: data/codebook.yaml)")
    parser.add_argument("--statements", nargs="*", default=None,
                        help="statement CSV files (default: the hand-coded seeds statements)")
    parser.add_argument("--interactions", nargs="*", default=None,
                        help="interaction CSV files (default: the hand-coded seeds interactions)")


def run(args) -> int:
    def resolve(p):
        p = Path(p)
        return p if p.is_absolute() or p.exists() else ROOT / p

    codebook = load_codebook(resolve(args.codebook))
    print(f"{display_path(codebook.path)}: {len(codebook.actors)} actors, {len(codebook.concepts)} concepts")
    corpus = load_corpus(resolve(args.corpus))
    print(f"{display_path(corpus.root)}: {len(corpus)} documents")
    default_s, default_i = CODED["seeds"]
    is_seeds = resolve(args.corpus).resolve() == CORPORA["seeds"].resolve()
    statements = args.statements if args.statements is not None else ([default_s] if is_seeds else [])
    interactions = args.interactions if args.interactions is not None else ([default_i] if is_seeds else [])
    problems: list[str] = []
    for path in statements:
        try:
            df = load_statements(resolve(path), corpus, codebook)
            print(f"{display_path(resolve(path))}: {len(df)} statement rows")
        except ValidationError as e:
            problems.extend(e.problems)
    for path in interactions:
        try:
            df = load_interactions(resolve(path), corpus, codebook)
            print(f"{display_path(resolve(path))}: {len(df)} interactions")
        except ValidationError as e:
            problems.extend(e.problems)
    if problems:
        raise ValidationError(problems)
    print("all valid")
    return 0
