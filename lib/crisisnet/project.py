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
from .statements import INTERACTION_COLUMNS, load_interactions, load_statements

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CODEBOOK = DATA / "codebook.yaml"
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


def load_project(corpus: str = "seeds", source: str = "coded") -> Project:
    """Load a bundled corpus, the codebook, and its statements of ``source``.

    ``corpus`` is a bundled corpus name (``seeds``, ``official-2022``) or a path
    to a folder of ``.txt`` files; ``source`` is ``coded`` or ``extracted``.
    """
    if source not in SOURCES:
        raise ParameterError(f"parameter source: {source!r} is not one of {', '.join(SOURCES)}")
    folder = CORPORA.get(corpus, Path(corpus))
    if corpus not in CORPORA and not folder.is_dir():
        raise ParameterError(f"parameter corpus: {corpus!r} is neither a bundled corpus "
                             f"({', '.join(CORPORA)}) nor a folder")
    docs = load_corpus(folder)
    codebook = load_codebook(CODEBOOK)
    name = corpus if corpus in CORPORA else folder.name
    coded = CODED.get(name)
    if source == "coded":
        if coded is None:
            raise ParameterError(f"parameter source: corpus {name!r} has no hand-coded statements; "
                                 "use source='extracted'")
        statements = load_statements(coded[0], docs, codebook)
    else:
        path = extracted_path(name)
        if not path.exists():
            raise ParameterError(f"parameter source: no extracted statements for {name!r} at "
                                 f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}; "
                                 f"run: python -m crisisnet extract {folder} -o {path}")
        statements = load_statements(path, docs, codebook)
    if coded is not None:
        interactions = load_interactions(coded[1], docs, codebook)
    else:
        interactions = pd.DataFrame(columns=INTERACTION_COLUMNS)
    return Project(name=name, source=source, corpus=docs, codebook=codebook,
                   statements=statements, interactions=interactions)
