"""Split a transcript into speaker turns from its labels.

Official transcripts label each turn: ``SECRETARY BLINKEN:``, ``QUESTION:``,
``MR PRICE:``, ``President of Russia Vladimir Putin:``. Labels usually start a
line, but texts that lost their line breaks (the Kremlin transcript) carry them
mid-line after a sentence end, sometimes mangled
(``... Brussels. Foreign Minister Sergei Lavrov Lavrov SergeiForeign Minister
of Russia: Mr President, ...``).

A label is therefore either an upper-case phrase closed by a colon at a line
start, a phrase of capitalised words (``of``/``the``/``for`` allowed) closed
by a colon that starts a line or follows a sentence end, or one interviewer word
capitalised at a line start (``Question:``, ``Journalist:``). Any of them may end
in a bracketed qualifier (``MODERATOR (OANA LUNGESCU):``, ``QUESTION (Reuters):``,
``Jens Stoltenberg (NATO Secretary General):``); the word before it decides whether
the turn is an interviewer's. White House transcripts open questions with a bare ``Q``
followed by spaces (``Q    Thank you, Jen.``). A text is a
transcript only when it has at least :data:`MIN_LABELS` labels, so a news
headline such as ``Blinken: talks will go on`` does not turn an article into
one. Given a ``known`` test (a codebook person's name or alias inside the label,
see :func:`find_labels`), looser mid-line labels count too: one word (``Putin:``),
a comma before the role (``Sergei Lavrov, Foreign Minister of Russia:``), a
non-breaking space or no space at all after the sentence end
(``...today.President of Russia Vladimir Putin:``), and a single upper-case
interviewer label (``... thanks. QUESTION: ...``). Interviewer labels (``QUESTION``, ``Q``, ``MODERATOR``...) are marked so
that their turns are never credited to the guest.

Example
-------
>>> t = find_turns("QUESTION: Will you talk?\\nSECRETARY BLINKEN: We will.\\n")
>>> [(x.label, x.is_interviewer, x.text) for x in t]
[('QUESTION', True, 'Will you talk?'), ('SECRETARY BLINKEN', False, 'We will.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_LABELS = 2
INTERVIEWER_LABELS = {"question", "q", "moderator", "interviewer", "host", "reporter",
                      "journalist", "participant", "audience member", "operator", "staff"}
_CAP_WORD = r"(?:[A-Z][\w.’'\-]*|of|the|for|and|de|von|van|al)"
#: a qualifier in brackets before the colon: "MODERATOR (OANA LUNGESCU):", "QUESTION (Reuters):",
#: "Jens Stoltenberg (NATO Secretary General):"
_QUALIFIER = r"(?:[ \t\u00a0]*[(\[][^()\[\]\n:]{1,60}[)\]])?"
# upper-case label at a line start: "SECRETARY BLINKEN:", "MR. PRICE:", "Q:"
_UPPER_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[A-Z][A-Z.’'\- ]{0,60}?[A-Z.]" + _QUALIFIER
                          + r")[ \t]*:(?=\s|$)")
# capitalised label at a line start or after a sentence end
_TITLE_LABEL = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[.?!…\]”\")’])[ \t\u00a0]+)(?P<label>[A-Z][\w’'\-]*(?:[ \t\u00a0]+"
    + _CAP_WORD + r"){1,14}" + _QUALIFIER + r"):(?=\s)")
# one interviewer word at a line start, any case: "Question:", "Journalist:", "Q (AFP):"
_ROLE_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<label>(?:" + "|".join(
        sorted(w.capitalize() for w in INTERVIEWER_LABELS if " " not in w)) + r")" + _QUALIFIER
    + r")[ \t]*:(?=\s)")
# looser: one word, a comma before a role, no space after the sentence end (checked by ``known``)
_LOOSE_LABEL = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[.?!…\]”\")’])[ \t\u00a0]*)(?P<label>[A-Z][\w’'\-]*(?:,?[ \t\u00a0]+"
    + _CAP_WORD + r"){0,14}):(?=\s)")
#: the White House style: a bare ``Q`` and a run of spaces (or a tab) opens a question
_BARE_Q = re.compile(r"(?m)^[ \t]*(?P<label>Q)(?:[ \t]{2,}|\t)(?=\S)")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class Turn:
    """One speaker turn: ``label`` as printed, content offsets ``start``..``end`` in the text."""

    label: str
    label_start: int
    start: int
    end: int
    text: str
    is_interviewer: bool


def base_label(label: str) -> str:
    """A label without its bracketed qualifier: ``QUESTION (Reuters)`` -> ``QUESTION``."""
    return re.sub(r"\s*[(\[][^()\[\]]*[)\]]\s*$", "", label).strip()


def _is_interviewer(label: str) -> bool:
    return base_label(label).strip(" .").lower() in INTERVIEWER_LABELS


def _label_ok(label: str) -> bool:
    words = label.split()
    if not words or len(words) > 15:
        return False
    # every word capitalised or a small connector; at least one word of 2+ letters
    return ((any(len(w) > 1 for w in words) or _is_interviewer(label))
            and not label.lower().startswith(("the following", "the below")))


def unglue(label: str) -> str:
    """``Lavrov SergeiForeign Minister`` -> ``Lavrov Sergei Foreign Minister`` (a lost space)."""
    return _GLUED.sub(" ", label)


def find_labels(text: str, known=None) -> list[tuple[int, int, str]]:
    """(label start, content start, label) of every speaker label, in order.

    ``known(label) -> bool`` (optional) accepts the looser labels of :data:`_LOOSE_LABEL`:
    it should say whether the label names a known person."""
    found: dict[int, tuple[int, int, str]] = {}
    for rx in (_UPPER_LABEL, _TITLE_LABEL, _ROLE_LABEL, _BARE_Q, _LOOSE_LABEL):
        if rx is _LOOSE_LABEL and known is None:
            continue
        for m in rx.finditer(text):
            label = m.group("label").strip()
            if not _label_ok(label):
                continue
            if rx is _LOOSE_LABEL and not ((label.isupper() and _is_interviewer(label)) or known(label)):
                continue
            s = m.start("label")
            if any(k < m.end() and s < found[k][1] for k in found):  # overlaps a label found
                continue
            content = m.end()
            while content < len(text) and text[content] in " \t\u00a0":
                content += 1
            found[s] = (s, content, label)
    return [found[k] for k in sorted(found)]


def find_turns(text: str, min_labels: int = MIN_LABELS, known=None) -> list[Turn]:
    """The speaker turns of ``text`` (empty when it is not a transcript).

    A turn runs from its label to the next label (trailing white space
    trimmed). Text before the first label belongs to no turn. ``known``: see
    :func:`find_labels`.
    """
    labels = find_labels(text, known)
    if len(labels) < min_labels:
        return []
    turns = []
    for i, (lab_s, s, label) in enumerate(labels):
        e = labels[i + 1][0] if i + 1 < len(labels) else len(text)
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            turns.append(Turn(label, lab_s, s, e, text[s:e], _is_interviewer(label)))
    return turns
