"""crisisnet: discourse networks of actors and their stated positions in a diplomatic crisis.

The package turns news articles and official transcripts into statements
(who said what, on which issue, with which stance, verbatim evidence) and
builds Discourse Network Analyzer style networks from them.

Modules
-------
corpus      load a folder of ``.txt`` documents with metadata
codebook    actors (with aliases and dated roles) and concepts
statements  load and validate statement and interaction tables
nlp         load the spaCy English model
"""

__version__ = "0.1.0"

from .errors import CrisisnetError, ValidationError
from .corpus import Corpus, Document, load_corpus
from .codebook import Actor, Codebook, Concept, load_codebook
from .statements import load_interactions, load_statements

__all__ = [
    "Actor", "Codebook", "Concept", "Corpus", "CrisisnetError", "Document",
    "ValidationError", "load_codebook", "load_corpus", "load_interactions",
    "load_statements",
]
