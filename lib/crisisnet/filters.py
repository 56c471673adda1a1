"""Select the statements a network is built from: dates, actors, concepts, source, confidence, duplicates.

This is the one place where the Discourse Network Analyzer's (DNA) export filters and counting
rules live; every network, window and figure function takes the table this module returns.

Public API
----------
select_statements(statements, *, start=None, end=None, actors=(), exclude_actors=(),
                  concepts=(), exclude_concepts=(), source=None, min_confidence=0.0,
                  duplicates="keep", level="speaker") -> DataFrame
    The rows that pass every filter, with duplicates collapsed. The **index of the input is kept**
    (rows are never renumbered), so ``statements.loc[selected.index]`` always recovers the verbatim
    rows; provenance (:meth:`crisisnet.networks.Network.provenance`) relies on this.
select_from_parameters(project, *, actors, exclude_actors, concepts, exclude_concepts, start, end,
                       min_confidence, duplicates, level) -> DataFrame
    The same, for notebooks: parameters validated with :mod:`crisisnet.params` first.
period_key(dates, unit) -> Series
    The counting period of each date for ``unit`` in ``week``/``month``/``year``.
actor_column(statements, level) -> Series
    The actor id each statement counts for: the speaker, or the organization it spoke for.
DUPLICATES, LEVELS
    The valid values of ``duplicates`` and ``level``.

Counting rules (decisions, documented here once)
------------------------------------------------
* Dates are compared as calendar dates; ``start`` and ``end`` are both **inclusive**. A statement
  without a date is dropped when a date bound is given (it cannot be shown to be inside the range).
* ``duplicates`` counts a repeated (actor, concept, stance) once per ``document``, ISO calendar
  ``week``, calendar ``month`` or calendar ``year``, or once over the whole selection (``range``);
  ``keep`` counts every statement. The actor is the one of ``level`` (so at organization level two
  US officials saying the same thing in one article count once). Periods always include the year:
  January 2022 and January 2023 are different months (DNA compares month numbers alone and merges
  them; we do not), and weeks are ISO weeks keyed by ISO year, so 2021-01-03 belongs to week 53 of
  2020 and 2024-12-30 to week 1 of 2025. Undated statements form one period of their own.
  The statement kept is the earliest (date, doc_id, start, original row order), so the result is
  reproducible.
* ``min_confidence`` keeps rows with ``confidence >= min_confidence`` (hand coding has 1).
"""

from __future__ import annotations

import datetime as _dt

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .errors import ParameterError

DUPLICATES = ("keep", "document", "week", "month", "year", "range")
LEVELS = ("speaker", "organization")
SOURCES = ("coded", "extracted")


def _ids(name: str, values) -> list[str]:
    if values is None or values == "":
        return []
    if isinstance(values, str):
        return [v.strip() for v in values.split(",") if v.strip()]
    if not isinstance(values, Iterable):
        raise ParameterError(f"parameter {name}: expected a list of ids, got {values!r}")
    out = list(values)
    bad = [v for v in out if not isinstance(v, str)]
    if bad:
        raise ParameterError(f"parameter {name}: expected ids as strings, got {bad[0]!r}")
    return out


def date_parameter(name: str, value) -> pd.Timestamp | None:
    """A date parameter (ISO string, ``date`` or ``Timestamp``; empty = open) as a Timestamp.

    Numbers are refused (papermill turns ``-p start 20220110`` into an int, which
    pandas would read as nanoseconds since 1970).
    """
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, pd.Timestamp)):
        return pd.Timestamp(value).normalize()
    from .params import check_date
    return pd.Timestamp(check_date(name, value)).normalize()


def date_mask(dates: pd.Series, start=None, end=None) -> np.ndarray:
    """Boolean mask of the rows dated within [start, end] (inclusive; empty bound = open).

    ``start``/``end`` are date parameters (validated, named in errors); with a
    bound set, undated rows are left out. Statements and interactions share it.
    """
    s, e = date_parameter("start", start), date_parameter("end", end)
    if s is not None and e is not None and s > e:
        raise ParameterError(f"parameters start/end: start {s.date()} is after end {e.date()}")
    mask = np.ones(len(dates), dtype=bool)
    if s is not None or e is not None:
        d = parse_dates(dates)
        mask &= d.notna().to_numpy()
        if s is not None:
            mask &= (d >= s).fillna(False).to_numpy(dtype=bool)
        if e is not None:
            mask &= (d <= e).fillna(False).to_numpy(dtype=bool)
    return mask


def parse_dates(dates: pd.Series) -> pd.Series:
    """ISO ``YYYY-MM-DD`` strings (or dates) -> datetime64; empty or missing -> NaT."""
    if pd.api.types.is_datetime64_any_dtype(dates):
        return dates
    s = dates.astype("string").fillna("").str.slice(0, 10)
    return pd.to_datetime(s.where(s != "", None), format="%Y-%m-%d", errors="coerce")


def actor_column(statements: pd.DataFrame, level: str = "speaker") -> pd.Series:
    """The actor each statement counts for at ``level`` (``speaker`` or ``organization``).

    At organization level a statement whose organization is empty (an uncatalogued speaker)
    counts for its speaker, so no statement silently disappears.
    """
    if level not in LEVELS:
        raise ParameterError(f"parameter level: {level!r} is not one of {', '.join(LEVELS)}")
    speaker = statements["speaker"].astype(str)
    if level == "speaker":
        return speaker
    org = statements["organization"].astype("string").fillna("").astype(str)
    return org.where(org != "", speaker)


def period_key(dates: pd.Series, unit: str) -> pd.Series:
    """An integer period id per date for ``unit`` (``week``, ``month`` or ``year``); -1 when undated.

    ``week`` is ``iso_year * 100 + iso_week`` (ISO 8601 weeks: Monday to Sunday, week 1 holds the
    first Thursday), ``month`` is ``year * 100 + month`` and ``year`` is the year. The year is part
    of every key.

    >>> s = pd.Series(pd.to_datetime(["2021-01-03", "2021-01-04", "2024-12-30"]))
    >>> period_key(s, "week").tolist()
    [202053, 202101, 202501]
    """
    d = parse_dates(dates)
    if unit == "week":
        iso = d.dt.isocalendar()
        key = iso["year"].astype("Int64") * 100 + iso["week"].astype("Int64")
    elif unit == "month":
        key = d.dt.year.astype("Int64") * 100 + d.dt.month.astype("Int64")
    elif unit == "year":
        key = d.dt.year.astype("Int64")
    else:
        raise ParameterError(f"parameter unit: {unit!r} is not one of week, month, year")
    return key.fillna(-1).astype(np.int64)


def drop_duplicates(statements: pd.DataFrame, duplicates: str = "keep",
                    level: str = "speaker") -> pd.DataFrame:
    """Count each (actor at ``level``, concept, stance) once per period; see the module docstring."""
    if duplicates not in DUPLICATES:
        raise ParameterError(f"parameter duplicates: {duplicates!r} is not one of {', '.join(DUPLICATES)}")
    if duplicates == "keep" or statements.empty:
        return statements
    order = pd.DataFrame({"date": parse_dates(statements["date"]),
                          "doc_id": statements["doc_id"].astype(str).to_numpy(),
                          "start": statements["start"].to_numpy(),
                          "pos": np.arange(len(statements))}, index=statements.index)
    order = order.sort_values(["date", "doc_id", "start", "pos"], na_position="last", kind="stable")
    st = statements.loc[order.index]
    key = pd.DataFrame({"actor": actor_column(st, level).to_numpy(),
                        "concept": st["concept"].astype(str).to_numpy(),
                        "stance": st["stance"].to_numpy()}, index=st.index)
    if duplicates == "document":
        key["period"] = st["doc_id"].astype(str).to_numpy()
    elif duplicates == "range":
        key["period"] = 0
    else:
        key["period"] = period_key(st["date"], duplicates).to_numpy()
    keep = ~key.duplicated(keep="first")
    kept = keep[keep].index
    # restore the input's row order
    return statements.loc[statements.index.isin(kept)]


def select_statements(statements: pd.DataFrame, *, start=None, end=None,
                      actors=(), exclude_actors=(), concepts=(), exclude_concepts=(),
                      source: str | None = None, min_confidence: float = 0.0,
                      duplicates: str = "keep", level: str = "speaker",
                      stances: Iterable[int] | None = None) -> pd.DataFrame:
    """The statements that pass every filter, duplicates collapsed; the input's index is kept.

    Parameters
    ----------
    statements : DataFrame
        A statement table (``crisisnet.statements.STATEMENT_COLUMNS``).
    start, end : str or date, optional
        Inclusive date range (``YYYY-MM-DD``); undated statements are dropped when either is given.
    actors, exclude_actors : list of str
        Keep only / drop these actor ids. They match the speaker **or** the organization (so
        ``actors=["usa"]`` keeps every statement made for the United States).
    concepts, exclude_concepts : list of str
        Keep only / drop these concept ids.
    source : {"coded", "extracted"}, optional
        Keep one statement source (``None`` keeps both).
    min_confidence : float
        Keep rows with ``confidence >= min_confidence``.
    duplicates : {"keep", "document", "week", "month", "year", "range"}
        Count a repeated (actor, concept, stance) once per period (module docstring).
    level : {"speaker", "organization"}
        Which actor ``duplicates`` compares.
    stances : iterable of int, optional
        Keep only these stances (e.g. ``(1, -1)``).
    """
    if not isinstance(statements, pd.DataFrame):
        raise ParameterError(f"parameter statements: expected a DataFrame, got {type(statements).__name__}")
    missing = [c for c in ("speaker", "concept", "stance", "date", "doc_id", "start") if c not in statements]
    if missing:
        raise ParameterError(f"parameter statements: missing column(s) {', '.join(missing)}")
    if statements.index.has_duplicates:
        raise ParameterError("parameter statements: the index has duplicate labels; "
                             "provenance needs unique row labels (use reset_index first)")
    in_range = date_mask(statements["date"], start, end)
    if source is not None and source not in SOURCES:
        raise ParameterError(f"parameter source: {source!r} is not one of {', '.join(SOURCES)}")
    if isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float)) \
            or not 0.0 <= min_confidence <= 1.0:
        raise ParameterError(f"parameter min_confidence: {min_confidence!r} is not a number in [0, 1]")
    if duplicates not in DUPLICATES:
        raise ParameterError(f"parameter duplicates: {duplicates!r} is not one of {', '.join(DUPLICATES)}")
    if level not in LEVELS:
        raise ParameterError(f"parameter level: {level!r} is not one of {', '.join(LEVELS)}")

    mask = in_range.copy()
    speaker = statements["speaker"].astype(str)
    org = statements["organization"].astype("string").fillna("").astype(str) \
        if "organization" in statements else speaker
    inc = _ids("actors", actors)
    if inc:
        mask &= (speaker.isin(inc) | org.isin(inc)).to_numpy()
    exc = _ids("exclude_actors", exclude_actors)
    if exc:
        mask &= ~(speaker.isin(exc) | org.isin(exc)).to_numpy()
    concept = statements["concept"].astype(str)
    inc = _ids("concepts", concepts)
    if inc:
        mask &= concept.isin(inc).to_numpy()
    exc = _ids("exclude_concepts", exclude_concepts)
    if exc:
        mask &= ~concept.isin(exc).to_numpy()
    if source is not None and "source" in statements:
        mask &= (statements["source"].astype(str) == source).to_numpy()
    if min_confidence > 0 and "confidence" in statements:
        mask &= (pd.to_numeric(statements["confidence"], errors="coerce").fillna(0.0)
                 >= min_confidence).to_numpy()
    if stances is not None:
        mask &= statements["stance"].isin(list(stances)).to_numpy()
    out = statements.loc[mask]
    return drop_duplicates(out, duplicates, level)


def select_from_parameters(project, *, actors=(), exclude_actors=(), concepts=(), exclude_concepts=(),
                           start="", end="", min_confidence: float = 0.0, duplicates: str = "keep",
                           level: str = "speaker") -> pd.DataFrame:
    """Validate notebook/CLI parameters with :mod:`crisisnet.params`, then :func:`select_statements`.

    Ids are checked against ``project.codebook`` (an unknown id fails with the closest valid id),
    dates must be ISO and ordered, ``min_confidence`` a number in [0, 1]. Returns the selected rows
    of ``project.statements`` (labels kept). Raises :class:`ParameterError` naming the parameter,
    and also when valid parameters select no statement at all (naming every filter that was set),
    so a notebook stops at its parameter cell rather than half-way through a figure.
    """
    from . import params

    cb = project.codebook
    actors = params.check_ids("actors", actors, cb, "actor")
    exclude_actors = params.check_ids("exclude_actors", exclude_actors, cb, "actor")
    concepts = params.check_ids("concepts", concepts, cb, "concept")
    exclude_concepts = params.check_ids("exclude_concepts", exclude_concepts, cb, "concept")
    s, e = params.check_date_range("start", start, "end", end)
    params.check_number("min_confidence", min_confidence, 0.0, 1.0)
    params.check_choice("duplicates", duplicates, DUPLICATES)
    params.check_choice("level", level, LEVELS)
    selected = select_statements(project.statements, start=s, end=e, actors=actors,
                                 exclude_actors=exclude_actors, concepts=concepts,
                                 exclude_concepts=exclude_concepts, min_confidence=min_confidence,
                                 duplicates=duplicates, level=level)
    if selected.empty:
        given = {"actors": actors, "exclude_actors": exclude_actors, "concepts": concepts,
                 "exclude_concepts": exclude_concepts, "start": start, "end": end,
                 "min_confidence": min_confidence}
        filters = ", ".join(f"{k}={v!r}" for k, v in given.items() if v)
        raise params.ParameterError(f"no statements of {project.name!r} ({project.source}) match the "
                                    f"parameters {filters or '(none set)'}")
    return selected
