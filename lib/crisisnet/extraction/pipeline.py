"""Extract a statement table from a corpus: one spaCy pass, then rules on the parses.

:func:`extract_corpus` parses every document once with ``nlp.pipe`` (batched,
optionally in several processes), then applies the attribution rules
(:mod:`.attribution`) and the concept/stance rules (:mod:`.stance`) to each
parse. The result has the columns of the hand-coded table
(:data:`crisisnet.statements.STATEMENT_COLUMNS`) with ``source="extracted"``,
so every network can switch between the two with one parameter.

A statement is a position on a codebook concept: an attribution whose span (or, for
reported speech only, its sentence) names no concept cue yields no row. A transcript turn
yields only its sentences with concept evidence; adjacent sentences that refer back with a
demonstrative ("That's what we're focused on"), or that have no concept of their own and
refer back more loosely ("We need to see **these forces** moving away"), or that have no verb
at their root ("The principle of national sovereignty."), join the statement before them
(:func:`transcript_runs`), and concepts inside a third party's reported speech in a turn
are that party's, not the turn speaker's. A content that is only an anaphoric claim noun
("Moscow denies **the allegation**") takes its concept from the sentence before.

Long documents are parsed in chunks cut at paragraph breaks (spaCy refuses
texts over ``nlp.max_length`` and its memory grows with length); a document
that still fails is reported in ``df.attrs["skipped"]`` and the run goes on.
Paragraph breaks are also made sentence boundaries (a tiny pipeline component
added before the parser), so a headline never merges with the next paragraph; in a
hard-wrapped block only a line break after sentence-final punctuation is one
(:func:`.quotes._paragraphs`), so a wrapped readout keeps its sentences whole.

A learned second opinion (:mod:`.learned`, on by default with the project's codebook) then
reviews each chunk's candidates before they become rows: it adds a concept to a news candidate
the cue rules found none for, drops an unlikely transcript sentence, and corrects a stance it is
confident of (:meth:`Extractor.assemble`).

A written statement whose author is named (byline, title or publisher: see
:func:`.attribution.find_author`) is handled like a transcript turn of its author: its
sentences with concept evidence are the author's statements (mode ``direct``).
"""

from __future__ import annotations

import bisect
import dataclasses
import sys
import re

import pandas as pd
from spacy.language import Language

from ..codebook import Codebook
from ..corpus import Corpus
from ..statements import STATEMENT_COLUMNS, empty_statements
from .attribution import OBJECT_CUES, Attributor, find_author, sentence_of
from .quotes import paragraph_index
from .speakers import SpeakerResolver
from .stance import ConceptMatcher, ConceptVectors

PARAGRAPH_PIPE = "crisisnet_paragraphs"
#: longest text handed to spaCy in one piece (characters)
CHUNK_CHARS = 20_000


@Language.component(PARAGRAPH_PIPE)
def paragraph_sentences(doc):
    """Start a sentence at every paragraph start (see :func:`.quotes.paragraph_index`)."""
    starts = set(paragraph_index(doc.text))
    for tok in doc[1:]:
        if tok.idx in starts and not tok.is_space:
            tok.is_sent_start = True
    return doc


def prepare(nlp):
    """Add the paragraph-boundary component to ``nlp`` (once) and return it."""
    if PARAGRAPH_PIPE not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_PIPE, before="parser")
    return nlp


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) cuts of ``text``, each at most ``size`` characters, cut at the last
    paragraph start that fits (or hard at ``size`` inside a paragraph longer than that)."""
    if len(text) <= size:
        return [(0, text)]
    starts = paragraph_index(text)
    out, begin = [], 0
    while len(text) - begin > size:
        i = bisect.bisect_right(starts, begin + size) - 1
        cut = starts[i] if i >= 0 and starts[i] > begin else begin + size
        out.append((begin, text[begin:cut]))
        begin = cut
    out.append((begin, text[begin:]))
    return out


class Extractor:
    """The rules for one codebook: call it on (document, parsed chunks) to get statement rows."""

    def __init__(self, codebook: Codebook, nlp=None, use_vectors: bool = False, model=None):
        self.codebook = codebook
        self.model = model
        self.attributor = Attributor(SpeakerResolver(codebook))
        self.matcher = ConceptMatcher(codebook)
        # a statement is a position on a codebook concept: a span with no concept evidence is
        # not a statement. The word-vector guess is opt-in (exploration only), off by default.
        self.vectors = ConceptVectors(codebook, nlp) if (use_vectors and nlp is not None) else None

    def rows(self, document, parsed: list[tuple[int, object]]) -> list[dict]:
        """Statement rows of one document from its parsed chunks ``(offset, Doc)``."""
        return self.assemble(document, self.candidates(document, parsed))

    def assemble(self, document, candidates) -> list[dict]:
        """Statement rows of one document from its :meth:`candidates`, after the learned
        model's review (when the extractor has one)."""
        date = document.date
        out = []
        for offset, doc, atts, found_by in candidates:
            if self.model is not None:
                found_by = self.model.review(atts, found_by)
            text = doc.text
            for att, start, end, found, how in transcript_runs(atts, found_by, text):
                s, e = offset + start, offset + end
                for cs in found:
                    out.append({
                        "doc_id": document.id, "start": s, "end": e, "text": document.text[s:e],
                        "speaker": att.speaker,
                        "organization": self.codebook.organization_of(att.speaker),
                        "concept": cs.concept, "stance": cs.stance, "mode": att.mode,
                        "date": date.isoformat() if date else "", "source": "extracted",
                        "cue": att.cue,
                        "confidence": round(att.confidence * cs.confidence, 3),
                        "note": f"speaker via {att.how}; {cs.note()}{how}",
                    })
        return out

    def candidates(self, document, parsed: list[tuple[int, object]]):
        """Per parsed chunk: ``(offset, doc, attributions, found_by)``, where ``found_by`` holds,
        for each attribution, ``None`` (not a candidate) or ``(span, concepts, how)`` with the
        concepts the cue rules found (possibly none). :meth:`rows` turns these into statements."""
        date = document.date
        author = find_author(self.attributor.resolver, document.text, document.title,
                             document.outlet, date)
        home = self.attributor.resolver.home_state(document.outlet)
        for offset, doc in parsed:
            text = doc.text
            doc_author = None if author is None else dataclasses.replace(
                author, body_start=max(0, author.body_start - offset))
            atts = self.attributor.attribute(doc, text, date, doc_author, home)
            found_by = []
            turn_spans = [(a.start, a.end, a.speaker) for a in atts if a.turn_like]
            for att in atts:
                if not att.turn_like and any(
                        sp == att.speaker and s0 < att.end and att.start < e0 for s0, e0, sp in turn_spans):
                    # the turn's own speaker reporting herself ("we welcome X"): the turn's
                    # sentence already is that statement
                    found_by.append(None)
                    continue
                span = doc.char_span(att.start, att.end, alignment_mode="expand")
                if span is None:
                    found_by.append(None)
                    continue
                cue_tok = doc[att.cue_i] if att.cue_i >= 0 else None
                found = self.matcher.analyse(span, att.cue_lemma, cue_tok)
                how = ""
                if att.turn_like:
                    # a concept named inside what the turn reports someone else said is theirs
                    # ("as Josep said, we believe X": X is the turn speaker's position too)
                    others = [(b.start, b.end) for b in atts if not b.turn_like and not b.aside
                              and b.speaker != att.speaker and b.start < att.end and att.start < b.end]
                    found = [cs for cs in found if not any(s0 <= cs.pos < e0 for s0, e0 in others)]
                elif not found and not att.split and (
                        _anaphoric(span) or att.cue_lemma in OBJECT_CUES
                        or len([t for t in span if t.is_alpha]) > 3):
                    # the content names no concept (a clipped or pronominal clause): fall
                    # back on the sentence around it, with lower confidence; not for a content of
                    # three words or fewer of a cue that does not take an object as its content
                    # ("summoned **its chargé d'affaires**", "said **this**")
                    sent = sentence_of(span[0])
                    found = self.matcher.analyse(sent, att.cue_lemma, cue_tok)
                    how = " (concept from the surrounding sentence)"
                    if _anaphoric(span) and any(
                            b is not att and b.speaker == att.speaker and sent.start_char <= b.start
                            and b.end <= sent.end_char and not _anaphoric_text(text[b.start:b.end])
                            for b in atts):
                        # "Rejecting the allegation, Moscow says ...": the same speaker's own
                        # content in the sentence states the position
                        found = []
                    elif not found and _anaphoric(span) and sent.start > 0:
                        # "Moscow denies the allegation.": the allegation is the sentence before,
                        # and the cue verb (deny, reject) takes a side on it
                        prev = sentence_of(doc[sent.start - 1])
                        found = self.matcher.analyse(prev, att.cue_lemma, None)
                        how = " (concept from the sentence the anaphoric object refers to)"
                    for cs in found:
                        cs.confidence = round(cs.confidence * 0.6, 3)
                if not found and self.vectors is not None and not att.split:
                    nearest = self.vectors.nearest(span)
                    found = [nearest] if nearest else []
                    how = " (no cue: nearest concept by word vectors)"
                found_by.append((span, found, how))
            yield offset, doc, atts, found_by


#: nouns that, as the whole content ("denies the allegation"), refer to a claim made just before
ANAPHORIC_NOUNS = frozenset("allegation allegations accusation accusations charge charges claim claims "
                            "assertion assertions".split())


def _anaphoric(span) -> bool:
    """True if a content span is only a definite claim noun: ``the allegation``, ``these claims``."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return (1 <= len(words) <= 3 and words[-1].lower_ in ANAPHORIC_NOUNS
            and all(t.lower_ in ("the", "this", "that", "these", "those", "such") for t in words[:-1]))


def _anaphoric_text(text: str) -> bool:
    """:func:`_anaphoric` on plain text."""
    words = re.findall(r"[\w’']+", text.lower())
    return (1 <= len(words) <= 3 and words[-1] in ANAPHORIC_NOUNS
            and all(w in ("the", "this", "that", "these", "those", "such") for w in words[:-1]))


#: demonstratives and personal pronouns that refer back to the sentence before
DEMONSTRATIVES = frozenset("this that these those".split())
BACK_PRONOUNS = frozenset("they".split())


def _continues(span) -> bool:
    """True if a transcript sentence refers back to the one before with a demonstrative
    pronoun as subject or object ("That's what we're focused on", "if we see that, ...")."""
    return any(t.lower_ in DEMONSTRATIVES and t.pos_ == "PRON"
               and t.dep_ in ("nsubj", "nsubjpass", "dobj") for t in span)


def _refers_back(span) -> bool:
    """Weaker back-reference, used only for a sentence with no concept cue of its own: a
    demonstrative pronoun anywhere as an argument ("we heard what they said about **this**"),
    a demonstrative determiner on a subject or object noun ("We need to see **these forces**
    moving away"), or ``they`` opening the sentence ("**They** remain massed there"). ``it`` is
    left out: it is too often a dummy subject ("It was a pleasure to ...")."""
    args = ("nsubj", "nsubjpass", "dobj", "pobj")
    for t in span:
        low = t.lower_
        if low in DEMONSTRATIVES and t.pos_ == "PRON" and t.dep_ in args:
            return True
        if low in DEMONSTRATIVES and t.dep_ == "det" and t.head.dep_ in args and t.head.i > t.i:
            return True
        if low in BACK_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass") and t.i - span.start <= 2:
            return True
    return False


def _fragment(span) -> bool:
    """True if a sentence has no verb at its root: a list item or elliptical continuation of
    the sentence before ("The principle of national sovereignty.", "The principle that one
    country cannot change the borders of another by force.")."""
    roots = [t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return bool(roots) and len(words) >= 2 and all(t.pos_ in ("NOUN", "PROPN") for t in roots)


def transcript_runs(atts, found_by, text):
    """(attribution, start, end, concepts, how) of each statement.

    Outside transcripts every attribution with concept evidence is a statement. A
    transcript turn is cut into sentences; a sentence with no concept evidence is not a
    statement, and a run of adjacent sentences of one speaker is one statement when each
    later sentence refers back to the one before ("We have yet to see a pullback. That's
    what we're focused on. And if we see that, it would help diplomacy."). A later sentence
    with no concept evidence of its own also joins when it refers back more loosely
    (:func:`_refers_back`: "We need to see **these forces** moving away", "**They** remain
    massed there"), a verbless list item or fragment joins whatever it has (:func:`_fragment`),
    and an adjacent sentence of the same paragraph whose concepts and stances the run already
    has joins too ("We're willing to continue a conversation with Russia. The diplomatic path is
    clear."; coders mark "a short run of sentences carrying the same position"). The first
    concept of each kind in the run decides its stance.
    """
    out = []
    run = None  # [att, start, end, {concept: ConceptStance}, how]

    def close():
        if run is not None and run[3]:
            out.append((run[0], run[1], run[2], list(run[3].values()), run[4]))

    for att, fb in zip(atts, found_by):
        if fb is None:
            continue
        span, found, how = fb
        if not att.turn_like:
            if found:
                out.append((att, att.start, att.end, found, how))
            continue
        adjacent = (run is not None and run[0].speaker == att.speaker and run[2] <= att.start
                    and not any(ch.isalnum() or ch == "\n" for ch in text[run[2]:att.start]))
        same = adjacent and found and all(
            cs.concept in run[3] and run[3][cs.concept].stance == cs.stance for cs in found)
        if adjacent and (same or _continues(span) or _fragment(span) or (not found and _refers_back(span))):
            run[2] = att.end
            for cs in found:
                run[3].setdefault(cs.concept, cs)
            continue
        close()
        run = [att, att.start, att.end, {cs.concept: cs for cs in found}, how] if found else None
    close()
    return out


def default_model(codebook: Codebook):
    """The project's learned statement model (:data:`crisisnet.project.MODEL`), or ``None`` when
    the file is missing or was trained on other concepts than ``codebook`` has (a user's own
    codebook): the rules then work alone."""
    from ..project import MODEL
    from .learned import StatementModel

    if not MODEL.exists():
        return None
    model = StatementModel.load(MODEL)
    return model if list(model.concepts) == list(codebook.concepts) else None


def extract_corpus(corpus: Corpus, codebook: Codebook, nlp=None, n_process: int = 1,
                   progress: bool = False, batch_size: int = 16,
                   use_vectors: bool = False, model="default") -> pd.DataFrame:
    """Statements of every document of ``corpus``, in :data:`STATEMENT_COLUMNS` order.

    ``nlp`` defaults to :func:`crisisnet.nlp.load_model` (loaded once);
    ``n_process > 1`` parses in that many processes; ``progress`` shows a tqdm
    bar on stderr. ``model`` is the learned second opinion on the rules' candidates
    (:class:`.learned.StatementModel`): ``"default"`` uses :func:`default_model`, ``None`` the
    rules alone; ``df.attrs["model"]`` says which was used. Rows are sorted (document order,
    start, end, speaker, concept), so the output is deterministic. Documents that fail are
    listed in ``df.attrs["skipped"]`` as ``(doc_id, reason)``.
    """
    if nlp is None:
        from ..nlp import load_model
        nlp = load_model()
    prepare(nlp)
    if isinstance(model, str):
        if model != "default":
            raise ValueError(f"model: expected 'default', None or a StatementModel, got {model!r}")
        model = default_model(codebook)
    extractor = Extractor(codebook, nlp, use_vectors=use_vectors, model=model)
    docs = list(corpus)
    pieces = [(d_i, off, piece) for d_i, d in enumerate(docs) for off, piece in chunks(d.text)]
    stream = nlp.pipe(((p, (d_i, off)) for d_i, off, p in pieces), as_tuples=True,
                      batch_size=batch_size, n_process=n_process)
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(docs), unit="doc", file=sys.stderr, desc="extracting")
    rows: list[dict] = []
    skipped: list[tuple[str, str]] = []
    current, parsed = None, []

    def flush():
        if current is None:
            return
        try:
            rows.extend(extractor.rows(docs[current], parsed))
        except Exception as e:  # one bad document must not stop a corpus run
            skipped.append((docs[current].id, f"{type(e).__name__}: {e}"))
        if bar is not None:
            bar.update(1)

    for doc, (d_i, off) in stream:
        if d_i != current:
            flush()
            current, parsed = d_i, []
        parsed.append((off, doc))
    flush()
    if bar is not None:
        bar.close()
    if not rows:
        df = empty_statements()
    else:
        order = {d.id: i for i, d in enumerate(docs)}
        df = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
        df["_o"] = df["doc_id"].map(order)
        df = df.sort_values(["_o", "start", "end", "speaker", "concept"], kind="stable")
        df = df.drop(columns="_o").drop_duplicates(
            ["doc_id", "start", "end", "speaker", "concept"]).reset_index(drop=True)
    df.attrs["skipped"] = skipped
    df.attrs["model"] = "rules + learned model" if model is not None else "rules only"
    return df
