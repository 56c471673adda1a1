"""Automatic statement extraction: who said what, on which issue, with which stance.

Modules, in the order the pipeline uses them:

quotes        pair quotation marks (curly or straight, apostrophes, unbalanced marks)
transcripts   speaker-label turns (``SECRETARY BLINKEN:``, ``QUESTION:``)
speakers      resolve a mention (name, alias, role, pronoun, collective) to an actor id or ``unk:``
attribution   direct, indirect and mixed speech over a spaCy parse
stance        codebook concepts and a stance with its evidence (negation, reversing words)
pipeline      :func:`extract_corpus`: one ``nlp.pipe`` pass, then the rules
evaluate      precision/recall/F1 of (span overlap, speaker), stance accuracy, disagreements,
              agreement of two hand codings
cli           ``python -m crisisnet extract CORPUS_DIR -o statements.csv``
score         ``python -m crisisnet score PREDICTED.csv GOLD.csv --corpus DIR``
"""

from .evaluate import Evaluation, coder_agreement, evaluate, per_document
from .pipeline import extract_corpus

__all__ = ["Evaluation", "coder_agreement", "evaluate", "extract_corpus", "per_document"]
