"""Find quoted passages in raw text: pair quotation marks robustly.

News text mixes curly (“ ”) and straight (") double marks, sometimes in one
quote (``"Q,”``), doubles them by mistake (``"”here``), leaves them
unbalanced, and lets a quote run over several paragraphs (each paragraph opens
with a mark, only the last one closes). Single curly marks (‘ ’) quote
headlines, but ’ is far more often an apostrophe (``Russia’s``, ``isn’t``).

So a mark is classified by its *context*, not by its glyph: a run of double
marks preceded by a space (or line start, bracket, dash) and followed by a
non-space opens; one preceded by a non-space closes. A quote still open at
the end of its paragraph ends there (``closed=False``); a stray closing mark
with no opener is ignored. Offsets are ``str`` indices of the *content*
(marks excluded), as the data model asks.

Paragraphs are cut at blank lines and at single line breaks, except inside a hard-wrapped
block (most lines stop mid-sentence, some next line goes on in lower case), where only a line
break after sentence-final punctuation ends a paragraph.

Example
-------
>>> [q.text for q in find_quotes('He said "no," and ‘never’. It’s "over')]
['no,', 'never', 'over']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = "\"“”„«»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
_OPEN_CONTEXT = set(" \t\r\n([{—–-/") | {"\u00a0"}
# a newline ends a paragraph unless it is a hard wrap (line ends mid-sentence, next line goes on)
_PARAGRAPH = re.compile(r"\n(?:[ \t\u00a0]*\n)+|(?<![\w,;–—-])\n|\n(?=[ \t\u00a0]*(?:[^\w\s]|[A-Z]))")


@dataclass(frozen=True)
class Quote:
    """The content of one quoted passage: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    closed: bool = True


def _is_open_context(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _OPEN_CONTEXT


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _marks(text: str) -> list[tuple[int, int, str]]:
    """Runs of quotation marks as (start, end, kind) with kind 'open', 'close' or 'both'."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in DOUBLE_MARKS:
            j = i
            while j < n and text[j] in DOUBLE_MARKS:
                j += 1
            before_open = _is_open_context(text, i)
            after_space = j >= n or text[j].isspace()
            if text[i] == "«" or text[j - 1] == "»":
                kind = "open" if text[i] == "«" else "close"
            elif before_open and not after_space:
                kind = "open"
            elif not before_open:
                kind = "close"
            else:
                kind = "both"  # floating mark between spaces: ambiguous
            out.append((i, j, kind))
            i = j
            continue
        if c == SINGLE_OPEN and _is_open_context(text, i) and i + 1 < n and text[i + 1].isalnum():
            out.append((i, i + 1, "sopen"))
        elif c == SINGLE_CLOSE and (i + 1 >= n or not text[i + 1].isalnum()) and i > 0 \
                and not text[i - 1].isspace():
            out.append((i, i + 1, "sclose"))
        i += 1
    return out


def find_quotes(text: str) -> list[Quote]:
    """Every quoted passage of ``text`` (content offsets, marks excluded), in order.

    Quotes never cross a paragraph (newline); an unclosed quote ends at its
    paragraph's end. Single-mark quotes are only taken when an opening ‘ has
    a matching closing ’ in the same paragraph (so apostrophes never open one).
    """
    quotes: list[Quote] = []
    pos = 0
    for para in _paragraphs(text):
        p_start, p_end = para
        marks = [m for m in _marks(text[p_start:p_end])]
        open_at = None
        single_open = None
        for m_start, m_end, kind in marks:
            a, b = p_start + m_start, p_start + m_end
            if kind in ("sopen", "sclose"):
                if open_at is not None:
                    continue  # inside a double quote: nested singles stay part of it
                if kind == "sopen":
                    single_open = b
                elif single_open is not None:
                    s, e = _trimmed(text, single_open, a)
                    if e > s:
                        quotes.append(Quote(s, e, text[s:e]))
                    single_open = None
                continue
            if open_at is None:
                if kind in ("open", "both"):
                    open_at = b
                    single_open = None
                # a lone closing mark with no opener is ignored
            else:
                if kind in ("close", "both"):
                    s, e = _trimmed(text, open_at, a)
                    if e > s:
                        quotes.append(Quote(s, e, text[s:e]))
                    open_at = None
                else:  # a second opener: the first quote was never closed
                    s, e = _trimmed(text, open_at, a)
                    if e > s:
                        quotes.append(Quote(s, e, text[s:e], closed=False))
                    open_at = b
        if open_at is not None:
            s, e = _trimmed(text, open_at, p_end)
            if e > s:
                quotes.append(Quote(s, e, text[s:e], closed=False))
        pos = p_end
    del pos
    return quotes


_BLANK = re.compile(r"\n(?:[ \t\u00a0]*\n)+")
#: a line that ends a sentence: final punctuation, maybe followed by closing marks
_SENTENCE_END = re.compile(r"[.?!…:][\"”’')\]]*[ \t\u00a0]*$")


def _hard_wrapped(block: str) -> bool:
    """True if a blank-line-delimited block is hard-wrapped: it has at least two single
    newlines and most of its lines (all but the last) stop mid-sentence, at least one of
    them before a line that goes on in lower case ("... the Russian military\nbuild-up")."""
    lines = block.split("\n")
    if len(lines) < 3:
        return False
    inner = lines[:-1]
    open_ends = [i for i, ln in enumerate(inner) if ln.strip() and not _SENTENCE_END.search(ln)]
    lower_next = any(lines[i + 1].lstrip(" \t\u00a0")[:1].islower() for i in open_ends)
    return lower_next and 2 * len(open_ends) > len(inner)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each newline-separated paragraph.

    A blank line always ends a paragraph. Inside a hard-wrapped block (:func:`_hard_wrapped`)
    only a newline after sentence-final punctuation does; elsewhere a single newline does too,
    unless the line ends mid-sentence and the next line goes on (see :data:`_PARAGRAPH`).
    """
    out = []
    blocks, start = [], 0
    for m in _BLANK.finditer(text):
        blocks.append((start, m.start()))
        start = m.end()
    blocks.append((start, len(text)))
    for b0, b1 in blocks:
        block = text[b0:b1]
        start = b0
        if _hard_wrapped(block):
            for m in re.finditer(r"\n", block):
                if _SENTENCE_END.search(block[:m.start()].rsplit("\n", 1)[-1]):
                    out.append((start, b0 + m.start()))
                    start = b0 + m.end()
        else:
            for m in _PARAGRAPH.finditer(block):
                out.append((start, b0 + m.start()))
                start = b0 + m.end()
        out.append((start, b1))
    return [(s, e) for s, e in out if e > s]


def paragraph_index(text: str) -> list[int]:
    """Start offsets of the paragraphs of ``text`` (for "same paragraph" tests via bisect)."""
    return [s for s, _ in _paragraphs(text)] or [0]
