"""crisisnet: discourse networks of actors and their stated positions in a diplomatic crisis.

The package turns news articles and official transcripts into statements
(who said what, on which issue, with which stance, verbatim evidence) and
builds Discourse Network Analyzer style networks from them.

Modules
-------
corpus      load a folder of ``.txt`` documents with metadata
codebook    actors (with aliases and dated roles) and concepts
statements  load and validate statement and interaction tables
nlp         load the spaCy English model (the one loader)
params      validate notebook and command-line parameters
overview    descriptive tables and figures of a corpus (notebook 01)
filters     select statements (dates, actors, concepts, source, confidence, duplicates)
networks    two-mode, actor, concept and interaction networks with provenance
timewindows moving-window network sequences
analysis    strength, coalitions, polarization, consensus vs contested concepts
export      GraphML, GEXF, CSV and flat statement exports
figures     network, heatmap, interaction and timeline figures
extraction  automatic who-said-what extraction and its evaluation
briefing    briefing reports (HTML/PDF) on an actor or a concept
teaching    self-checking exercises and the student-version generator
explorer    widget explorer logic; interactive: standalone HTML network page
notebooks   execute the notebook collection with papermill, keep it clean
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
