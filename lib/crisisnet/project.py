"""Where the project's bundled data lives, and one call that loads it all.

Notebooks and the command line use :func:`load_project` so that switching the
corpus (``seeds`` or ``official-2022``) or the statement source (``coded`` or
``extracted``) is one parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .codebook import Codebook, load_codebook
from .corpus import Corpus, load_corpus
from .errors import ParameterError
from .fileio import ROOT, display_path
from .statements import INTERACTION_COLUMNS, load_interactions, load_statements

DATA = ROOT / "data"
CODEBOOK = DATA / "codebook.yaml"
#: the learned statement model the extractor uses by default (``crisisnet train-model``)
MODEL = DATA / "models" / "statement-model.npz"
FIGURES = ROOT / "figures"
REPORTS = ROOT / "reports"
#: bundled corpora by name
CORPORA = {"seeds": ROOT / "seeds", "official-2022": ROOT / "corpora" / "official-2022"}
#: hand-coded statements and interactions exist for these corpora only
CODED = {"seeds": (DATA / "statements.csv", DATA / "interactions.csv")}
#: statements written by ``make extract`` for each bundled corpus
EXTRACTED_DIR = DATA / "extracted"
SOURCES = ("coded", "extracted")


@dataclass
class Project:
    """A corpus with its codebook, statements (of one source) and interactions."""

    name: str
    source: str
    corpus: Corpus
    codebook: Codebook
    statements: pd.DataFrame
    interactions: pd.DataFrame


def extracted_path(corpus: str) -> Path:
    """Where ``make extract`` writes the extracted statements of a bundled corpus."""
    return EXTRACTED_DIR / f"{corpus}.csv"


def _tables(name: str, folder: Path) -> tuple[Path | None, Path | None, Path]:
    """(coded statements, interactions, extracted statements) paths of a corpus; None = has none.

    Bundled corpora keep their tables in ``data/``; any other folder may carry
    its own ``statements.csv`` (hand-coded), ``interactions.csv`` and
    ``extracted.csv`` beside its ``.txt`` files.
    """
    if name in CORPORA:
        coded, inter = CODED.get(name, (None, None))
        return coded, inter, extracted_path(name)
    own = lambda f: folder / f if (folder / f).is_file() else None  # noqa: E731
    return own("statements.csv"), own("interactions.csv"), folder / "extracted.csv"


def load_project(corpus: str = "seeds", source: str = "coded") -> Project:
    """Load a corpus, its codebook, its statements of ``source`` and its interactions.

    ``corpus`` is a bundled corpus name (``seeds``, ``official-2022``) or a
    folder of ``.txt`` files, which may hold its own ``codebook.yaml`` (else the
    bundled codebook is used), ``statements.csv``, ``interactions.csv`` and
    ``extracted.csv``. ``source`` is ``coded`` or ``extracted``.
    """
    if source not in SOURCES:
        raise ParameterError(f"parameter source: {source!r} is not one of {', '.join(SOURCES)}")
    folder = CORPORA.get(corpus, Path(corpus))
    if corpus not in CORPORA and not folder.is_dir():
        raise ParameterError(f"parameter corpus: {corpus!r} is neither a bundled corpus "
                             f"({', '.join(CORPORA)}) nor a folder")
    name = corpus if corpus in CORPORA else folder.name
    docs = load_corpus(folder)
    own_codebook = folder / "codebook.yaml"
    codebook = load_codebook(own_codebook if corpus not in CORPORA and own_codebook.is_file() else CODEBOOK)
    coded, inter, extracted = _tables(corpus, folder)
    if source == "coded":
        if coded is None:
            raise ParameterError(f"parameter source: corpus {name!r} has no hand-coded statements; "
                                 "use source='extracted'")
        statements = load_statements(coded, docs, codebook)
    else:
        if not extracted.exists():
            shown = display_path(extracted)
            raise ParameterError(f"parameter source: no extracted statements for {name!r} at {shown}; "
                                 f"run: python -m crisisnet extract {corpus} -o {shown}")
        statements = load_statements(extracted, docs, codebook)
    interactions = (load_interactions(inter, docs, codebook) if inter is not None
                    else pd.DataFrame(columns=INTERACTION_COLUMNS))
    return Project(name=name, source=source, corpus=docs, codebook=codebook,
                   statements=statements, interactions=interactions)
