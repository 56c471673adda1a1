"""Self-checking exercises: ``check("q1", answer)`` says *correct* or gives a hint, never the answer.

The answer key (``answers.yaml`` next to this module) stores, per question, the
kind of answer expected, a SHA-256 hash of the normalised right answer, and
hints. The right answer itself is nowhere in the package or in the student
notebook, so reading the source does not give it away. (A hash does not stop a
determined student from trying every actor id in turn on a one-word question;
it stops copying. Prefer questions whose answers are sets or numbers.)

Normalisation makes harmless differences irrelevant before hashing:

========== ====================================================  ======================
kind       accepted answer                                       normalised as
========== ====================================================  ======================
text       a string                                              case-folded, spaces collapsed
integer    an int (or a float with no fractional part)           ``"7"``
number     an int or float                                       rounded to ``digits`` places
bool       True / False                                          ``"true"`` / ``"false"``
set        any collection of strings/numbers (order ignored)     sorted, de-duplicated items
list       a sequence (order matters)                            items in order
partition  a collection of groups (order ignored everywhere)     sorted groups of sorted items
========== ====================================================  ======================

Example (the hash is salted with the question id, so two questions with the
same answer have different hashes)::

    >>> normalise({"Lavrov ", "ryabkov", "lavrov"}, "set")
    'lavrov\\nryabkov'
    >>> normalise(0.4999, "number", digits=2)
    '0.50'
    >>> answer_hash("q1", 3, "integer") == answer_hash("q1", 3.0, "integer")
    True
"""

from __future__ import annotations

import hashlib
import json
import math
import numbers
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import ParameterError, ValidationError

ANSWERS = Path(__file__).with_name("answers.yaml")
KINDS = ("text", "integer", "number", "bool", "set", "list", "partition")
#: what to tell a student whose answer has the wrong type
KIND_DESCRIPTIONS = {
    "text": "a string, e.g. 'lavrov'",
    "integer": "a whole number, e.g. 3",
    "number": "a number, e.g. 0.25",
    "bool": "True or False",
    "set": "a collection of ids, e.g. {'lavrov', 'blinken'} (order does not matter)",
    "list": "a list in a definite order, e.g. ['lavrov', 'blinken']",
    "partition": "a collection of groups, e.g. [{'lavrov', 'peskov'}, {'blinken'}]",
}


class AnswerTypeError(TypeError):
    """The answer cannot be read as the kind of answer the question expects."""


def _text(value) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, numbers.Number)):
        raise AnswerTypeError(f"{type(value).__name__} {value!r}")
    if isinstance(value, numbers.Number):
        if isinstance(value, numbers.Integral) or float(value).is_integer():
            return str(int(value))
        return repr(float(value))
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def _items(value) -> list:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise AnswerTypeError(f"{type(value).__name__} {value!r}")
    return list(value)


def normalise(answer, kind: str, digits: int = 2) -> str:
    """The canonical text of ``answer`` for a question of ``kind`` (see the module table).

    Raises :class:`AnswerTypeError` when ``answer`` cannot be read as ``kind``.
    """
    if kind == "text":
        if not isinstance(answer, str):
            raise AnswerTypeError(f"{type(answer).__name__} {answer!r}")
        return _text(answer)
    if kind in ("integer", "number"):
        if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
            raise AnswerTypeError(f"{type(answer).__name__} {answer!r}")
        x = float(answer)
        if math.isnan(x) or math.isinf(x):
            raise AnswerTypeError(f"the non-finite number {answer!r}")
        if kind == "integer":
            if not x.is_integer():
                raise AnswerTypeError(f"the non-integer number {answer!r}")
            return str(int(x))
        text = f"{round(x, digits):.{digits}f}"
        return text[1:] if text.startswith("-") and float(text) == 0 else text  # -0.00 -> 0.00
    if kind == "bool":
        if type(answer).__name__ not in ("bool", "bool_"):
            raise AnswerTypeError(f"{type(answer).__name__} {answer!r}")
        return "true" if answer else "false"
    if kind == "set":
        return "\n".join(sorted({_text(v) for v in _items(answer)}))
    if kind == "list":
        return "\n".join(_text(v) for v in _items(answer))
    if kind == "partition":
        groups = {"\t".join(sorted({_text(v) for v in _items(g)})) for g in _items(answer)}
        return "\n".join(sorted(groups))
    raise ParameterError(f"unknown answer kind {kind!r}; expected one of {', '.join(KINDS)}")


def answer_hash(question_id: str, answer, kind: str, digits: int = 2) -> str:
    """Salted SHA-256 (hex) of the normalised answer; what ``answers.yaml`` stores."""
    canonical = f"crisisnet/{question_id}/{kind}/{normalise(answer, kind, digits)}"
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _size(answer, kind: str) -> int | None:
    return len(set(map(_text, _items(answer)))) if kind == "set" else (
        len(_items(answer)) if kind in ("list", "partition") else None)


@dataclass(frozen=True)
class Question:
    """One exercise in the answer key (no answer, only its hash)."""

    id: str
    kind: str
    sha256: str
    digits: int = 2
    size: int | None = None
    hints: tuple[str, ...] = ()
    #: hash of a known wrong answer -> the hint for that mistake
    mistakes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Feedback:
    """The verdict of :func:`check`: truthy when correct; shows as its message in a notebook."""

    question: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return self.message

    __str__ = __repr__


def load_questions(path: str | Path = ANSWERS) -> dict[str, Question]:
    """Read and validate an answer key; every problem names the file and question."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError(f"{path}: answer key does not exist") from None
    except yaml.YAMLError as e:
        raise ValidationError(f"{path}: invalid YAML ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("questions"), dict):
        raise ValidationError(f"{path}: expected a top-level mapping 'questions: {{id: ...}}'")
    problems, questions = [], {}
    for qid, entry in data["questions"].items():
        where = f"{path}: question {qid!r}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        kind, sha = entry.get("kind"), str(entry.get("sha256") or "")
        if kind not in KINDS:
            problems.append(f"{where}: field kind is {kind!r}, expected one of {', '.join(KINDS)}")
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            problems.append(f"{where}: field sha256 must be 64 lower-case hex digits")
        hints = entry.get("hints") or []
        if not isinstance(hints, list) or not hints or not all(isinstance(h, str) for h in hints):
            problems.append(f"{where}: field hints must be a non-empty list of strings")
            hints = []
        mistakes = {}
        for i, m in enumerate(entry.get("mistakes") or []):
            if not isinstance(m, dict) or not m.get("sha256") or not m.get("hint"):
                problems.append(f"{where}: mistakes[{i}] needs sha256 and hint")
                continue
            mistakes[str(m["sha256"])] = str(m["hint"])
        questions[str(qid)] = Question(id=str(qid), kind=kind, sha256=sha, digits=int(entry.get("digits", 2)),
                                       size=entry.get("size"), hints=tuple(hints), mistakes=mistakes)
    if problems:
        raise ValidationError(problems)
    return questions


class Checker:
    """Checks answers against an answer key, giving progressively more specific hints.

    Each wrong attempt at a question moves on to its next hint (the last hint
    repeats). A known mistake (its hash listed under ``mistakes``) gets its own
    hint; a collection of the wrong size is told so.
    """

    def __init__(self, path: str | Path = ANSWERS):
        self.path = Path(path)
        self._questions: dict[str, Question] | None = None
        self.attempts: dict[str, int] = {}

    @property
    def questions(self) -> dict[str, Question]:
        if self._questions is None:
            self._questions = load_questions(self.path)
        return self._questions

    def __call__(self, question_id: str, answer) -> Feedback:
        q = self.questions.get(question_id)
        if q is None:
            raise ParameterError(f"check: unknown question {question_id!r}; "
                                 f"questions: {', '.join(sorted(self.questions))}")
        if answer is Ellipsis:
            return Feedback(q.id, False, f"{q.id}: not answered yet - replace the ... with your answer.")
        try:
            digest = answer_hash(q.id, answer, q.kind, q.digits)
        except AnswerTypeError as e:
            return Feedback(q.id, False, f"{q.id}: expected {KIND_DESCRIPTIONS[q.kind]}; got {e}.")
        if digest == q.sha256:
            self.attempts.pop(q.id, None)
            return Feedback(q.id, True, f"{q.id}: correct.")
        n = self.attempts.get(q.id, 0)
        self.attempts[q.id] = n + 1
        size = _size(answer, q.kind)
        if digest in q.mistakes:
            hint = q.mistakes[digest]
        elif q.size is not None and size is not None and size != q.size:
            hint = f"your answer has {size} item(s); the right one has {q.size}."
        else:
            hint = q.hints[min(n, len(q.hints) - 1)]
        return Feedback(q.id, False, f"{q.id}: not yet. Hint: {hint}")


#: the checker the lesson notebooks use
check = Checker()


def main(argv: list[str] | None = None) -> int:
    """``python -m crisisnet.teaching.check QUESTION KIND JSON_ANSWER [DIGITS]``: print the entry's hash.

    For teachers writing ``answers.yaml``: the answer is given as JSON
    (``'["lavrov", "ryabkov"]'``, ``0.25``, ``'"text"'``).
    """
    import sys
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) not in (3, 4):
        print(main.__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    qid, kind, raw = argv[:3]
    digits = int(argv[3]) if len(argv) == 4 else 2
    answer = json.loads(raw)
    print(answer_hash(qid, answer, kind, digits))
    size = _size(answer, kind)
    if size is not None:
        print(f"size: {size}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
