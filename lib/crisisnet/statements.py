"""Statement and interaction tables: schema, loading, validation and atomic writing.

A statement table has one row per (statement, concept); see
``docs/data-model.md``. Validation checks every row against the corpus (the
``text`` must equal the span it claims) and the codebook (known actor and
concept ids), and reports every problem with file, line and field.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from pathlib import Path

import pandas as pd

from .codebook import UNCATALOGUED_PREFIX, Codebook
from .corpus import Corpus
from .errors import ValidationError
from .fileio import atomic_write_text, display_path
from .params import ISO_DAY

STATEMENT_COLUMNS = ["doc_id", "start", "end", "text", "speaker", "organization", "concept",
                     "stance", "mode", "date", "source", "cue", "confidence", "note"]
INTERACTION_COLUMNS = ["doc_id", "start", "end", "text", "source_actor", "target_actor", "type",
                       "date", "place", "note"]
STANCES = (-1, 0, 1)
MODES = ("direct", "indirect", "mixed", "transcript")
SOURCES = ("coded", "extracted")
INTERACTION_TYPES = ("met", "called", "criticized", "responded_to", "delivered_to", "warned",
                     "rejected")


def _read_rows(path: Path, required: list[str]) -> tuple[list[dict], list[int]]:
    """CSV rows as dicts plus the file line each row starts on (quoted fields may span lines)."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"{shown}: file does not exist") from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ValidationError(f"{shown}: line {line}: not valid UTF-8 ({e.reason})") from None
    if not content.strip():
        raise ValidationError(f"{shown}: empty file (expected a header line: {','.join(required)})")
    reader = csv.DictReader(io.StringIO(content, newline=""))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(f"{shown}: line 1: missing column(s) {', '.join(missing)} "
                              f"(required: {','.join(required)})")
    rows, lines = [], []
    line = reader.line_num + 1
    for row in reader:
        if None in row:
            raise ValidationError(f"{shown}: line {line}: more fields than columns")
        rows.append(row)
        lines.append(line)
        line = reader.line_num + 1
    return rows, lines


def _int(value: str, where: str, problems: list[str]) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        problems.append(f"{where}: expected an integer, got {value!r}")
        return None


def _check_span(row: dict, corpus: Corpus | None, where: str, problems: list[str]) -> tuple:
    doc_id = (row.get("doc_id") or "").strip()
    start = _int(row.get("start", ""), f"{where}: field start", problems)
    end = _int(row.get("end", ""), f"{where}: field end", problems)
    if not doc_id:
        problems.append(f"{where}: field doc_id is empty")
    elif corpus is not None and doc_id not in corpus:
        problems.append(f"{where}: field doc_id: unknown document {doc_id!r}")
    elif corpus is not None and start is not None and end is not None:
        text = corpus[doc_id].text
        if not (0 <= start < end <= len(text)):
            problems.append(f"{where}: fields start/end: span {start}-{end} outside document "
                            f"{doc_id!r} of {len(text)} characters (or empty)")
        elif row.get("text", "") != text[start:end]:
            problems.append(f"{where}: field text does not equal the document span {start}-{end}: "
                            f"file has {row.get('text', '')[:60]!r}, document has {text[start:end][:60]!r}")
    return doc_id, start, end


def _check_date(value: str, where: str, problems: list[str]) -> None:
    if not value:
        return
    try:
        if not ISO_DAY.fullmatch(value):
            raise ValueError
        _dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}: field date: bad date {value!r} (expected YYYY-MM-DD)")


def _check_actor(value: str, field: str, codebook: Codebook | None, source: str, where: str,
                 problems: list[str]) -> None:
    value = (value or "").strip()
    if not value:
        problems.append(f"{where}: field {field} is empty")
    elif codebook is not None and value not in codebook.actors:
        if value.startswith(UNCATALOGUED_PREFIX) and source == "extracted":
            return
        from .codebook import unknown_id_message
        problems.append(f"{where}: field {field}: {unknown_id_message('actor', value, codebook.actors)}")


def validate_statement_rows(rows: list[dict], lines: list[int], name: str,
                            corpus: Corpus | None, codebook: Codebook | None) -> list[str]:
    """Every problem of a statement table, one message per problem."""
    problems: list[str] = []
    for row, line in zip(rows, lines):
        where = f"{name}: line {line}"
        _check_span(row, corpus, where, problems)
        source = (row.get("source") or "coded").strip()
        if source not in SOURCES:
            problems.append(f"{where}: field source is {source!r}, expected one of {', '.join(SOURCES)}")
        _check_actor(row.get("speaker", ""), "speaker", codebook, source, where, problems)
        org = (row.get("organization") or "").strip()
        if org:
            _check_actor(org, "organization", codebook, source, where, problems)
            speaker = (row.get("speaker") or "").strip()
            if codebook is not None and speaker in codebook.actors and org in codebook.actors \
                    and org != codebook.organization_of(speaker):
                problems.append(f"{where}: field organization is {org!r}, but the codebook puts "
                                f"{speaker!r} under {codebook.organization_of(speaker)!r}")
        concept = (row.get("concept") or "").strip()
        if not concept:
            problems.append(f"{where}: field concept is empty")
        elif codebook is not None and concept not in codebook.concepts:
            from .codebook import unknown_id_message
            problems.append(f"{where}: field concept: {unknown_id_message('concept', concept, codebook.concepts)}")
        stance = (row.get("stance") or "").strip()
        if stance not in ("-1", "0", "1", "+1"):
            problems.append(f"{where}: field stance is {stance!r}, expected 1, 0 or -1")
        mode = (row.get("mode") or "").strip()
        if mode not in MODES:
            problems.append(f"{where}: field mode is {mode!r}, expected one of {', '.join(MODES)}")
        _check_date(row.get("date", ""), where, problems)
        conf = (row.get("confidence") or "").strip()
        if conf:
            try:
                if not 0.0 <= float(conf) <= 1.0:
                    raise ValueError
            except ValueError:
                problems.append(f"{where}: field confidence is {conf!r}, expected a number in [0, 1]")
    return problems


def statements_frame(rows: list[dict]) -> pd.DataFrame:
    """A typed DataFrame with exactly :data:`STATEMENT_COLUMNS` (extra columns kept after them)."""
    df = pd.DataFrame(rows)
    for col in STATEMENT_COLUMNS:
        if col not in df.columns:
            df[col] = ""
    if df.empty:
        return empty_statements()
    df = df[STATEMENT_COLUMNS + [c for c in df.columns if c not in STATEMENT_COLUMNS]].copy()
    df["start"] = df["start"].astype(int)
    df["end"] = df["end"].astype(int)
    df["stance"] = df["stance"].astype(str).str.replace("+", "", regex=False).astype(int)
    df["source"] = df["source"].replace("", "coded")
    df["confidence"] = pd.to_numeric(df["confidence"].replace("", "1"), errors="raise").astype(float)
    for col in ("cue", "note", "organization", "mode", "date"):
        df[col] = df[col].fillna("").astype(str)
    return df.reset_index(drop=True)


def empty_statements() -> pd.DataFrame:
    """A statement table with no rows and the right column types."""
    df = pd.DataFrame({c: pd.Series(dtype=str) for c in STATEMENT_COLUMNS})
    for col in ("start", "end", "stance"):
        df[col] = df[col].astype(int)
    df["confidence"] = df["confidence"].astype(float)
    return df


def load_statements(path: str | Path, corpus: Corpus | None = None,
                    codebook: Codebook | None = None) -> pd.DataFrame:
    """Load a statement CSV and validate it against ``corpus`` and ``codebook`` (when given).

    Raises :class:`ValidationError` listing every problem (file, line, field).
    Missing ``organization`` values are filled from the codebook.
    """
    path = Path(path)
    rows, lines = _read_rows(path, ["doc_id", "start", "end", "text", "speaker", "concept", "stance",
                                    "mode"])
    problems = validate_statement_rows(rows, lines, display_path(path), corpus, codebook)
    if problems:
        raise ValidationError(problems)
    df = statements_frame(rows)
    if codebook is not None and len(df):
        missing = df["organization"] == ""
        df.loc[missing, "organization"] = df.loc[missing, "speaker"].map(codebook.organization_of)
    return df


def load_interactions(path: str | Path, corpus: Corpus | None = None,
                      codebook: Codebook | None = None) -> pd.DataFrame:
    """Load and validate an interaction CSV (see ``docs/data-model.md``)."""
    shown = display_path(path)
    path = Path(path)
    rows, lines = _read_rows(path, INTERACTION_COLUMNS[:8])
    problems: list[str] = []
    for row, line in zip(rows, lines):
        where = f"{shown}: line {line}"
        _check_span(row, corpus, where, problems)
        for fld in ("source_actor", "target_actor"):
            _check_actor(row.get(fld, ""), fld, codebook, "coded", where, problems)
        if (row.get("type") or "").strip() not in INTERACTION_TYPES:
            problems.append(f"{where}: field type is {row.get('type')!r}, expected one of "
                            f"{', '.join(INTERACTION_TYPES)}")
        if not (row.get("date") or "").strip():
            problems.append(f"{where}: field date is empty")
        _check_date(row.get("date", ""), where, problems)
    if problems:
        raise ValidationError(problems)
    df = pd.DataFrame(rows, columns=INTERACTION_COLUMNS) if rows else pd.DataFrame(columns=INTERACTION_COLUMNS)
    df["start"] = df["start"].astype(int)
    df["end"] = df["end"].astype(int)
    df = df.fillna("")
    return df


def write_statements(df: pd.DataFrame, path: str | Path) -> None:
    """Write a statement table as CSV (schema column order first), atomically."""
    cols = STATEMENT_COLUMNS + [c for c in df.columns if c not in STATEMENT_COLUMNS]
    out = df.reindex(columns=cols)
    atomic_write_text(path, out.to_csv(index=False, lineterminator="\n"))
