"""Validate notebook and command-line parameters, failing early with a message that helps.

papermill only warns about unknown parameters and coerces CLI values
(``-p label 007`` arrives as ``7``), so every notebook's first code cell after
``parameters`` calls these checks. Each error names the parameter, the bad
value, the valid choices and, for ids, the closest match.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Iterable

from .codebook import Codebook, unknown_id_message
from .errors import ParameterError

#: an ISO calendar day, exactly (``date.fromisoformat`` alone also takes ``20220126``)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_choice(name: str, value, choices: Iterable[str]) -> str:
    """``value`` must be one of ``choices`` (compared as strings)."""
    choices = list(choices)
    if str(value) not in choices:
        raise ParameterError(f"parameter {name}: {value!r} is not one of {', '.join(map(str, choices))}")
    return str(value)


def check_date(name: str, value, allow_empty: bool = True) -> _dt.date | None:
    """An ISO ``YYYY-MM-DD`` string (or empty, meaning open) -> date."""
    if value in (None, "") and allow_empty:
        return None
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        raise ParameterError(f"parameter {name}: {value!r} is not a date (expected YYYY-MM-DD)")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"parameter {name}: {value!r} is not a date (no such day)") from None


def check_date_range(start_name: str, start, end_name: str, end) -> tuple[_dt.date | None, _dt.date | None]:
    s, e = check_date(start_name, start), check_date(end_name, end)
    if s and e and s > e:
        raise ParameterError(f"parameters {start_name}/{end_name}: start {s} is after end {e}")
    return s, e


def check_list(name: str, values, what: str = "strings") -> list[str]:
    """A list of strings; a comma-separated string (``-p outlets "A, B"``) is split into one."""
    if values is None or values == "":
        return []
    if isinstance(values, str):
        values = [v.strip() for v in values.split(",") if v.strip()]
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        raise ParameterError(f"parameter {name}: expected a list of {what}, got {values!r}")
    return list(values)


def check_ids(name: str, values, codebook: Codebook, kind: str = "actor") -> list[str]:
    """A list of actor or concept ids (a single string is accepted as a one-item list)."""
    values = check_list(name, values, f"{kind} ids")
    valid = codebook.actors if kind == "actor" else codebook.concepts
    for v in values:
        if v not in valid:
            raise ParameterError(f"parameter {name}: {unknown_id_message(kind, v, valid)}")
    return list(values)


def check_id(name: str, value, codebook: Codebook, kind: str = "actor") -> str:
    """One actor or concept id."""
    if not isinstance(value, str) or not value:
        article = "an" if kind[0] in "aeiou" else "a"
        raise ParameterError(f"parameter {name}: expected {article} {kind} id, got {value!r}")
    return check_ids(name, [value], codebook, kind)[0]


def check_number(name: str, value, low: float | None = None, high: float | None = None,
                 integer: bool = False):
    """A number within [low, high]; booleans and strings are rejected."""
    ok_types = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, ok_types):
        raise ParameterError(f"parameter {name}: expected {'an integer' if integer else 'a number'}, "
                             f"got {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ParameterError(f"parameter {name}: {value!r} is outside [{low}, {high}]")
    return value


def check_unknown(params: dict, known: Iterable[str]) -> None:
    """Fail on parameters a notebook does not define (papermill only warns)."""
    extra = sorted(set(params) - set(known))
    if extra:
        raise ParameterError(f"unknown parameter(s) {', '.join(extra)}; valid: {', '.join(sorted(known))}")


def run_tag(notebook: str, namespace: dict) -> str:
    """``""`` for a run with the notebook's default parameters, else ``"_"`` + 8 hex characters.

    Notebooks append it to the names of the figures and exports they write, so
    a parameterized run (``papermill -p level speaker ...``) writes new files
    beside the committed outputs of the default run instead of replacing them.
    The defaults are read from the notebook's ``parameters`` cell (papermill's
    ``inspect_notebook``), so they are defined in one place only; the tag is a
    hash of the non-default values, the same for the same parameters.
    """
    import ast
    import hashlib

    import papermill as pm

    from .notebooks import NOTEBOOKS

    changed = {}
    for name, spec in pm.inspect_notebook(str(NOTEBOOKS / notebook)).items():
        try:
            default = ast.literal_eval(spec["default"])
        except (ValueError, SyntaxError):
            default = spec["default"]
        if namespace.get(name) != default:
            changed[name] = namespace.get(name)
    if not changed:
        return ""
    return "_" + hashlib.sha1(repr(sorted(changed.items())).encode("utf-8")).hexdigest()[:8]
