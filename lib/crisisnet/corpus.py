"""Load a folder of plain-text documents, with optional metadata, without corrupting offsets.

A document's text is the file decoded as strict UTF-8 with no newline
translation (CRLF stays ``"\\r\\n"``) and a leading byte-order mark removed.
A header block (``KEY: value`` lines closed by ``---``) is metadata; the text
starts after it. See ``docs/data-model.md``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import ValidationError
from .fileio import display_path

METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ["doc_id", "title", "outlet", "date", "date_exact", "date_basis",
                    "url", "licence", "notes"]
_HEADER_KEYS = {"TITLE": "title", "DATE": "date", "PUBLISHER": "outlet", "URL": "url",
                "LICENCE": "licence", "LICENSE": "licence", "OUTLET": "outlet"}
_HEADER_LINE = re.compile(r"^([A-Z]+):[ \t]*(.*)$")
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
BOM = "\ufeff"


@dataclass
class Document:
    """One text and its metadata. ``id`` is the file stem; offsets index ``text``."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    date: _dt.date | None = None
    date_exact: bool = False
    date_basis: str = ""
    url: str = ""
    licence: str = ""
    notes: str = ""
    path: str = ""
    header: dict[str, str] = field(default_factory=dict)

    def span(self, start: int, end: int) -> str:
        """The verbatim passage ``text[start:end]``."""
        return self.text[start:end]

    def metadata(self) -> dict:
        """Metadata as a flat dict (no text), for tables and exports."""
        return {"doc_id": self.id, "title": self.title, "outlet": self.outlet,
                "date": self.date.isoformat() if self.date else "",
                "date_exact": self.date_exact, "date_basis": self.date_basis,
                "url": self.url, "licence": self.licence, "notes": self.notes,
                "n_chars": len(self.text)}


class Corpus:
    """An ordered collection of documents, indexed by id."""

    def __init__(self, documents: list[Document], root: str | Path | None = None,
                 skipped: list[tuple[str, str]] | None = None):
        self.root = Path(root) if root is not None else None
        self._docs: dict[str, Document] = {}
        for doc in documents:
            if doc.id in self._docs:
                raise ValidationError(
                    f"{doc.path or doc.id}: duplicate document id {doc.id!r} "
                    f"(also {self._docs[doc.id].path or doc.id})")
            self._docs[doc.id] = doc
        #: (file name, reason) of every file that was reported and skipped
        self.skipped = list(skipped or [])

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs.values())

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def __getitem__(self, doc_id: str) -> Document:
        try:
            return self._docs[doc_id]
        except KeyError:
            raise KeyError(f"no document {doc_id!r} in corpus "
                           f"{self.root or ''} (ids: {', '.join(sorted(self._docs)[:10])}...)") from None

    @property
    def ids(self) -> list[str]:
        return list(self._docs)

    def metadata_frame(self):
        """One row per document: id, title, outlet, date, ..., n_chars (a pandas DataFrame)."""
        import pandas as pd
        return pd.DataFrame([d.metadata() for d in self], columns=METADATA_COLUMNS + ["n_chars"])


def parse_date(value: str, where: str) -> _dt.date | None:
    """An ISO date from the start of ``value`` (empty -> None); ``where`` names the field in errors."""
    value = (value or "").strip()
    if not value:
        return None
    m = _ISO_DATE.match(value)
    if not m:
        raise ValidationError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)")
    try:
        return _dt.date.fromisoformat(m.group(1))
    except ValueError:
        raise ValidationError(f"{where}: bad date {value!r} (no such day)") from None


def _parse_bool(value: str, where: str) -> bool:
    v = (value or "").strip().lower()
    if v in ("true", "1", "yes", "y"):
        return True
    if v in ("false", "0", "no", "n", ""):
        return False
    raise ValidationError(f"{where}: expected true or false, got {value!r}")


def decode_text(raw: bytes, path: str) -> str:
    """Strict UTF-8 decoding; the error names the file, line and byte offset of bad bytes."""
    if not raw.strip():
        raise ValidationError(f"{path}: empty file")
    if b"\x00" in raw:
        raise ValidationError(f"{path}: binary file (contains NUL bytes), not UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ValidationError(
            f"{path}: line {line}: not valid UTF-8 (byte offset {e.start}: {e.reason}); "
            "re-save the file as UTF-8") from None
    if text.startswith(BOM):
        text = text[1:]
    return text


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a ``KEY: value`` header closed by a ``---`` line from the body.

    Returns ``({}, text)`` when the file does not start with such a block, so a
    bare text whose first line happens to contain a colon is left whole.
    """
    header: dict[str, str] = {}
    pos = 0
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            return {}, text
        line = text[pos:nl].rstrip("\r")
        if line.strip() == "---":
            if not header:
                return {}, text
            return header, text[nl + 1:]
        m = _HEADER_LINE.match(line)
        if not m:
            return {}, text
        header[m.group(1)] = m.group(2).strip()
        pos = nl + 1


def read_document(path: str | Path, meta: dict[str, str] | None = None) -> Document:
    """Read one ``.txt`` file as a :class:`Document`; ``meta`` is its sidecar row, if any."""
    shown = display_path(path)
    path = Path(path)
    text = decode_text(path.read_bytes(), shown)
    header, body = split_header(text)
    if not body.strip():
        raise ValidationError(f"{shown}: no text after the metadata header")
    doc = Document(id=path.stem, text=body, title=path.stem, path=str(path), header=header)
    for key, value in header.items():
        attr = _HEADER_KEYS.get(key)
        if attr == "date":
            doc.date = parse_date(value, f"{shown}: header field DATE")
            doc.date_exact = doc.date is not None
            doc.date_basis = "header" if doc.date else ""
        elif attr:
            setattr(doc, attr, value)
    if meta:
        where = f"{meta.get('_file', METADATA_FILE)}: line {meta.get('_line', '?')}"
        for key in ("title", "outlet", "url", "licence", "notes", "date_basis"):
            if (meta.get(key) or "").strip():
                setattr(doc, key, meta[key].strip())
        if (meta.get("date") or "").strip():
            doc.date = parse_date(meta["date"], f"{where}: field date")
            doc.date_exact = _parse_bool(meta.get("date_exact", ""), f"{where}: field date_exact")
    return doc


def read_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """Rows of ``folder/metadata.csv`` by doc_id (empty when the file does not exist)."""
    path = folder / METADATA_FILE
    shown = display_path(path)
    if not path.exists():
        return {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "doc_id" not in reader.fieldnames:
                raise ValidationError(f"{shown}: line 1: missing column 'doc_id' "
                                      f"(columns: {', '.join(METADATA_COLUMNS)})")
            rows: dict[str, dict[str, str]] = {}
            line = reader.line_num + 1  # the file line a row starts on (quoted fields may span lines)
            for row in reader:
                doc_id = (row.get("doc_id") or "").strip()
                if not doc_id:
                    raise ValidationError(f"{shown}: line {line}: field doc_id is empty")
                if doc_id in rows:
                    raise ValidationError(f"{shown}: line {line}: duplicate doc_id {doc_id!r}")
                rows[doc_id] = {**row, "_file": shown, "_line": str(line)}
                line = reader.line_num + 1
            return rows
    except UnicodeDecodeError as e:
        raise ValidationError(f"{shown}: not valid UTF-8 ({e.reason})") from None


def load_corpus(folder: str | Path, strict: bool = True) -> Corpus:
    """Load every ``*.txt`` file of ``folder`` (sorted by name) as a :class:`Corpus`.

    With ``strict=True`` (the default, for curated corpora) the first bad file
    raises :class:`ValidationError` naming it. With ``strict=False`` (for
    bring-your-own corpora) bad files are skipped and listed in
    ``corpus.skipped`` as ``(file name, reason)``, and the rest are loaded.
    """
    shown = display_path(folder)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(f"{shown}: corpus folder does not exist")
    meta = read_metadata(folder)
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise ValidationError(f"{shown}: no .txt files in corpus folder")
    docs, skipped = [], []
    for path in paths:
        try:
            docs.append(read_document(path, meta.get(path.stem)))
        except ValidationError as e:
            if strict:
                raise
            skipped.append((path.name, str(e)))
    unknown = sorted(set(meta) - {p.stem for p in paths})
    if unknown and strict:
        line = meta[unknown[0]]["_line"]
        raise ValidationError(f"{display_path(folder / METADATA_FILE)}: line {line}: doc_id {unknown[0]!r} "
                              "has no .txt file in the folder")
    return Corpus(docs, root=folder, skipped=skipped)
