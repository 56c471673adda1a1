"""Teaching tools: self-checked exercises and the student version of a lesson notebook.

* :func:`check` (in :mod:`crisisnet.teaching.check`) tells a student whether an
  answer is right, or gives a hint; it never reveals the answer, because it
  only knows a salted SHA-256 hash of the normalised answer
  (``answers.yaml`` next to this file).
* :func:`make_student_notebook` (in :mod:`crisisnet.teaching.student`) turns the
  teacher's notebook, whose solution cells are tagged ``solution``, into the
  student copy: each solution becomes an ``answer = ...`` stub. Run it as
  ``python -m crisisnet student notebooks/07_lesson_crisis_diplomacy.ipynb``.
"""

from .check import Feedback, answer_hash, check, normalise
from .student import make_student_notebook

__all__ = ["Feedback", "answer_hash", "check", "normalise", "make_student_notebook"]
