"""Who said what: attribute direct, indirect and mixed speech over a spaCy parse.

The rules work on one parsed document (a spaCy ``Doc`` of the whole text)
and return :class:`Attribution` objects: a content span, a resolved speaker,
the mode and the cue. They cover the patterns reporting verbs take in news
(after the Gender Gap Tracker and PARC-style cue lists):

* a *cue frame* is a reporting verb (:data:`CUE_LEMMAS`) outside quotation
  marks, with a speaker found as its subject, or inherited from the verb it
  depends on (``S noted, saying ...``, ``S countered ... by saying``,
  ``S, adding that ...``) or from the noun it modifies (``S saying ...``), or
  the object of ``according to``;
* its content is the reported clause (``ccomp``, after ``that``), the object of
  ``reject``/``deny``/``accuse``..., or — when the parser hangs the verb under the
  reported clause (``C, S said.``) — the clause before the verb;
* quotes (:mod:`.quotes`) inside a frame's content make it *mixed* (or *direct*
  when the quote is nearly all of it); a quote with a frame in the sentence
  where it ends or starts is *direct*; a quote with no frame continues the
  last speaker before it if that speaker spoke in the same or the previous paragraph
  (a floating quote), unless its sentence has a cue frame of its own whose speaker could not
  be resolved ("Q," the Chinese diplomat said);
* in transcripts (:mod:`.transcripts`) each guest turn's sentences are
  statements of the turn's speaker (mode ``transcript``); interviewer turns
  are never credited to the guest; inside a turn "I"/"we" is the turn's
  speaker and "he"/"she" is never the turn's speaker.

Less common patterns, each a general rule of news writing:

* a second clause of the reported speech after *but*/*though* with its own
  subject is its own statement (:func:`split_clauses`);
* ``..., adding that ...`` / ``..., saying ...`` participles continue the
  speaker of the nearest cue verb above them;
* publishing a speech-act noun is a statement: ``Russia has issued a series
  of demands which ...``, ``put out a list of its concerns``;
* reported attitudes: ``S seemed willing to ...``;
* ``both officials`` / ``the two leaders`` name the last two people mentioned;
* asides: ``X would have, as the Secretary said, massive consequences`` / ``As Josep said,
  X`` report the clause around them (:func:`_aside_content`); inside a turn that clause
  stays the turn speaker's statement too (he vouches for it); ``Allies, he added, would
  not ...`` (a cue interrupting its clause) reports the whole clause;
* ``Putin tells Orbán the West ignored ...``: a second object of *tell* is the reported
  clause's subject; ``S warned of X``, ``S complained about X``;
* ``they`` after a collective subject ("The Russian delegation presented X. They repeated ...")
  is that collective; a generic role noun ("the Russian diplomat") is the nearest person of
  that state seen in the last paragraphs;
* a live blog's timed subhead attributes with a colon ("08:45 Kremlin: no deal with Paris");
* ``S called on Y to Z`` / ``S called for Z`` / ``S called X a good signal`` (``call`` is a cue
  only with *on*/*for*/*upon* or an object predicate: "Biden called Putin" is a phone call);
* a cue verb the parser left without a subject after a comma aside (``Zelensky, standing beside
  Scholz, said ...``) takes the proper noun before the aside; of two subjects (a dateline taken
  for one) the one nearest the verb;
* ``The State Department said Blinken urged X``: an organization or state that only passes on a
  codebook person's words (:data:`CHANNEL_VERBS`) is no speaker; the person is;
* ``as S put it`` is an aside like ``as S said``; other uses of *put* are no cue;
* a first name alone ("Josep", "Tony") is a codebook person already present in the
  document whose name or alias starts with it (colleagues in a press conference);
* headlines that attribute with a colon: ``Moscow: US, NATO fail to ...``
  (the label must be exactly a codebook name or alias); comma-joined parts of three
  words or more are separate statements (``..., more talks possible``).

Readouts and transcripts (official documents):

* readout cue verbs take their object as content: ``The Secretary emphasized /
  underscored / reiterated X`` (:data:`OBJECT_CUES`), ``agreed on X`` (:data:`PREP_CUES`),
  ``made (it) clear that C``, and a call's purpose ``S spoke with Y to discuss Z``;
* ``He emphasized that X and urged Y``: a cue verb the parser hangs on the reported
  clause (no subject of its own) is a second cue of the same speaker, and its content is
  cut out of the first one;
* ``The participants discussed X`` names every codebook person listed in the same (else
  the previous) paragraph, and a following ``They agreed ...`` the same group;
* a reported call or meeting ("S held a video call with ...", "S spoke with A and B",
  "Participants in the call included A, B, and C", anywhere in the document) defines its
  participants (:meth:`Attributor._participants`): after it, ``They`` and ``The leaders`` /
  ``The participants`` (when no two people were named just before) are all of them;
* cue verbs of readouts also include ``expressed`` and ``reviewed`` (a topic-only cue: see
  :data:`.stance.TOPIC_CUES`); a participle used as an adjective ("its claimed commitment") is
  no cue;
* a written statement (no speaker labels) whose author a byline, the title or the publisher
  names (:func:`find_author`) is the author's: each sentence is an author statement (mode
  ``direct``, kept only with concept evidence) and "I"/"we" is the author;
* ``it`` as the subject of a cue is the last collective named in the same or the
  previous sentence ("... what Russia is doing. Yes, it said ..."), else no speaker;
* frames inside interviewer turns are skipped (a question is not a statement), a turn's
  sentences are kept whole (a leading ``That`` is not a complementizer), and a second
  clause whose subject is ``I``/``we`` is not split off a third party's reported speech.
  Which turn sentences become statements (only those with concept evidence, runs joined
  by back-reference) is decided in :func:`.pipeline.transcript_runs`.
"""

from __future__ import annotations

import bisect
import re
import datetime as _dt
from dataclasses import dataclass

from .quotes import find_quotes, paragraph_index
from .speakers import PERSON_PRONOUNS, DocumentSpeakers, Resolution, SpeakerResolver
from .transcripts import base_label, find_turns, unglue

#: lemmas of reporting verbs (a cue frame needs one of these, outside quotes)
CUE_LEMMAS = frozenset("""
say tell add note stress warn insist argue claim explain announce confirm deny acknowledge admit
state declare suggest reiterate remark emphasize emphasise urge accuse reject counter underscore
assert caution vow pledge promise maintain complain write tweet predict dismiss repeat threaten
demand respond reply affirm highlight signal concede observe recall point describe propose
charge contend allege insist agree criticize criticise condemn welcome discuss reaffirm express
review call publish assure put""".split())
#: cues whose direct object (not a clause) is the content: "rejected the proposals"
OBJECT_CUES = frozenset("reject deny dismiss accuse urge condemn criticize criticise welcome "
                        "propose demand threaten warn discuss emphasize emphasise stress "
                        "underscore reiterate reaffirm highlight express review publish".split())
#: cues whose content may be the object of a preposition: "agreed on the importance of ..."
PREP_CUES = {"agree": ("on", "to"), "insist": ("on",), "call": ("for",),
             "warn": ("of", "against", "about"), "complain": ("about", "of")}
#: verbs by which an organization passes on a person's words ("The State Department said ...")
CHANNEL_VERBS = frozenset("say report announce state add note".split())
#: prepositions that make ``call`` a cue: "called on Russia to ...", "called for talks"
#: ("Biden called Putin" is a phone call, not a speech act)
CALL_PREPS = ("on", "for", "upon")
_TRIM = set(" \t\r\n\u00a0,.;:—–-\"“”‘’'()[]")
_FIRST_PERSON = {"i", "we"}


@dataclass
class Attribution:
    """One attributed statement: content span ``start``..``end``, speaker id and evidence."""

    start: int
    end: int
    speaker: str
    mode: str
    cue: str
    how: str
    confidence: float
    cue_lemma: str = ""
    cue_i: int = -1
    #: a second clause split off the reported speech (kept only if it names a concept itself)
    split: bool = False
    #: reported in an ``as S said`` aside: the clause is also the reporter's own position
    aside: bool = False

    @property
    def turn_like(self) -> bool:
        """A sentence of a transcript turn or of a written statement (its author's): such
        sentences are statements only with concept evidence and join into runs."""
        return self.mode == "transcript" or self.how == "author"


def _trim(text: str, start: int, end: int, strip_that: bool = True) -> tuple[int, int]:
    if start > 0 and text[start] in "’'" and start + 1 < end and text[start + 1].isalpha():
        # a content starting with a contraction ("’s not happening"): take its word back
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if strip_that and text[start:start + 4].lower() == "that" and start + 4 < end and text[start + 4] in " \t\u00a0,":
        start += 4
        while start < end and text[start] in _TRIM:
            start += 1
    return start, end


def _span_chars(tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _mention_parts(head):
    """Token lists for a subject and each of its conjuncts (``Blinken and Stoltenberg``)."""
    heads = [head] + [c for c in head.conjuncts if c.i > head.i]
    out = []
    for h in heads:
        other = {t.i for c in heads if c.i != h.i and c.i > h.i for t in c.subtree}
        toks = [t for t in h.subtree if t.i not in other and t.dep_ not in ("cc", "relcl")
                and not t.is_space  # a hard line break inside "The leaders\nalso ..."
                and not (t.dep_ == "punct" and t.i > h.i)]
        # drop a relative clause's tokens and anything after a comma-appositive's end
        rel = {t.i for c in h.children if c.dep_ == "relcl" for t in c.subtree}
        out.append([t for t in toks if t.i not in rel])
    return out


_CONF = {"pair": 0.6, "group": 0.6, "alias": 0.9, "surname": 0.85, "role": 0.8, "collective": 0.8, "uncatalogued": 0.65,
         "pronoun": 0.75, "pronoun (gender mismatch)": 0.55, "turn": 0.9, "first person": 0.8,
         "author": 0.85, "first name": 0.75, "role noun": 0.7}


class Attributor:
    """Applies the attribution rules to parsed documents (one instance per codebook)."""

    def __init__(self, resolver: SpeakerResolver):
        self.resolver = resolver

    # -- speakers ---------------------------------------------------------
    def _resolve_tokens(self, toks, ctx: DocumentSpeakers, date, para: int,
                        persons=()) -> Resolution | None:
        """The speaker a mention names; ``persons`` (see :meth:`_person_mentions`) are people
        named in the document, those named elsewhere in the mention's sentence are excluded
        among the holders of an ambiguous role."""
        if not toks:
            return None
        if len(toks) == 1 and toks[0].lower_ in PERSON_PRONOUNS:
            return ctx.pronoun(toks[0].lower_, para)
        if len(toks) == 1 and toks[0].pos_ == "PRON":
            return None
        doc = toks[0].doc
        lo, hi = min(t.i for t in toks), max(t.i for t in toks) + 1
        text = doc[lo:hi].text
        names = [e.text for e in doc[lo:hi].ents if e.label_ == "PERSON"]
        # the recognizer sometimes tags a surname ORG/GPE: accept a capitalised proper noun head
        exclude = _named_beside(persons, toks[0], lo, hi)
        res = self.resolver.resolve(text, date, names=names, recent=ctx.recent(), unknown=ctx.unknown,
                                    exclude=exclude, home=ctx.home)
        return res if res is not None else ctx.role_noun(text, para)

    def _subject(self, verb, depth: int = 0):
        """The subject token of a cue verb, inherited through participles and conjunctions; of
        two subjects the one nearest before the verb (a dateline is taken for the other), and
        without one a proper noun before a comma aside (:func:`_subject_before_aside`)."""
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            # two subjects ("MUNICH, Feb 19 - ... Harris warned"): the parser took a dateline
            # for one; the one nearest before the verb is the speaker
            before = [c for c in subs if c.i < verb.i]
            sub = before[-1] if before else subs[0]
            return sub if sub.dep_ == "nsubj" else None
        aside = _subject_before_aside(verb)
        if aside is not None and depth == 0:
            return aside
        if depth > 3 or verb.head.i == verb.i:
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
            return verb.head
        if (verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.head.tag_ in ("VB", "VBG")
                and verb.head.dep_ in ("ccomp", "xcomp", "advcl") and depth == 0):
            # "S remarked that X will make ... and countered R": a past-tense verb
            # conjoined to an infinitive belongs to the higher clause
            return self._subject(verb.head.head, depth + 1)
        if verb.dep_ in ("advcl", "conj", "xcomp", "pcomp", "ccomp", "dep") or (
                verb.head.dep_ == "prep" and verb.dep_ == "pcomp"):
            head = verb.head
            if head.dep_ == "prep":
                head = head.head
            if verb.dep_ == "ccomp" and verb.i < head.i:
                return None
            return self._subject(head, depth + 1)
        return None

    def _participle_subject(self, verb):
        """``S stressed that X, adding that Y``: the subject of the nearest cue verb above."""
        t = verb
        for _ in range(8):
            if t.head.i == t.i:
                break
            t = t.head
            if t.lemma_ in CUE_LEMMAS and t.pos_ in ("VERB", "AUX"):
                return self._subject(t)
        return self._subject(verb)

    # -- content ----------------------------------------------------------
    def _content(self, verb, subject_toks) -> tuple[int, int] | None:
        """The first content span of a cue verb (see :meth:`contents`)."""
        sent = sentence_of(verb)
        clear = _make_clear(verb)
        if clear is not None:
            # "S made (it) clear that C": the clause hangs under "clear"
            comps = [c for c in clear.children if c.dep_ in ("ccomp", "advcl") and c.i > clear.i]
            if comps:
                return self._object_span(verb, comps, subject_toks)
        comps = [c for c in verb.children if c.dep_ in ("ccomp",) and c.i > verb.i]
        if verb.lemma_ == "point" and not comps:
            # "S point to X as evidence that Y": X and what it is evidence of
            comps = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                     for p in c.children if p.dep_ == "pobj"]
            comps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
        if verb.lemma_ == "call" and any(c.dep_ == "oprd" for c in verb.children):
            # "S called the withdrawals a good signal": the object and what it is called
            comps = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
        if not comps and verb.lemma_ not in ("say", "tell"):
            comps = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
        if not comps and verb.lemma_ == "tell":
            # "Putin tells Orbán the West brushed aside ...": the parser takes the reported
            # clause's subject for a second object of "tell"
            objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
            if len(objs) >= 2:
                comps = objs[1:]
        if not comps and verb.lemma_ == "say":
            # "S said some positive things about X": a noun object that names what was said
            comps = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                     and any(p.dep_ == "prep" and p.lower_ in ("about", "on") for p in c.children)]
        if not comps:
            comps = [c for c in verb.children if c.dep_ == "ccomp"]
        if not comps and verb.lemma_ in PREP_CUES:
            comps = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in PREP_CUES[verb.lemma_]
                     for p in c.children if p.dep_ in ("pobj", "pcomp")]
        if comps and verb.lemma_ in OBJECT_CUES and all(c.dep_ == "dobj" for c in comps):
            # "discussed X, Y, and Z": the parser often hangs the later items on the verb
            comps += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                      and c.i > comps[-1].i]
        if comps:
            return self._object_span(verb, comps, subject_toks)
        head = verb.head
        if verb.dep_ == "parataxis" and head.i > verb.i and head.pos_ in ("VERB", "AUX"):
            # "Allies, he added, would not compromise on ...": the cue interrupts the clause
            # it reports; the clause (with the aside, as coders mark it) is the content
            toks = [t for t in head.subtree if sent.start <= t.i < sent.end]
            return _span_chars(toks) if toks else None
        return self._content_before(verb, subject_toks, sent)

    def contents(self, verb, subject_toks) -> list[tuple[int, int]]:
        """The content span(s) of a cue verb: its reported clause, plus a clause the verb
        coordinates with *but* that has its own subject and no cue of its own
        ("S said X, but the US will not allow Y": both are S's statements)."""
        first = self._content(verb, subject_toks)
        out = [first] if first else []
        if first is None:
            return out
        for c in verb.children:
            if (c.dep_ == "conj" and c.i > verb.i and c.pos_ in ("VERB", "AUX")
                    and c.lemma_ not in CUE_LEMMAS
                    and not any(x.dep_ == "nsubj" and x.lower_ in _FIRST_PERSON for x in c.children)
                    and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children)
                    and any(x.dep_ == "cc" and x.lower_ in _CLAUSE_LINKS for x in verb.children)):
                toks = _without_participles(list(c.subtree), verb)
                if toks and _describes_back(c):
                    # "S stressed X, but it was a difficult one": a comment on X, part of it
                    out[0] = (out[0][0], max(out[0][1], _span_chars(toks)[1]))
                elif toks:
                    out.append(_span_chars(toks))
        return out

    def _object_span(self, verb, comps, subject_toks):
        """The reported clause or object of a cue verb, less its subject and nested participles."""
        toks = [t for c in comps for t in c.subtree]
        extra = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
                 and verb.lemma_ in ("accuse", "urge") for t in c.subtree]
        toks += extra
        excl = {t.i for t in subject_toks} | {verb.i}
        excl |= {t.i for c in toks if _coordinated_cue(c) and c.i != verb.i for t in c.subtree}
        toks = _without_participles([t for t in toks if t.i not in excl], verb)
        if toks:
            return _span_chars(sorted(toks, key=lambda t: t.i))
        return None

    def _content_before(self, verb, subject_toks, sent):
        """Content of a cue that closes its sentence ("C, S said."), else None."""
        doc = verb.doc
        own = [t.i for t in verb.subtree if not t.is_punct]  # the parser may hang the comma on it
        if (verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i
                and verb.head.lemma_ not in CUE_LEMMAS
                and doc[min(own) - 1].is_punct):
            head = verb.head
            left = min(own)
            toks = [t for t in head.subtree if t.i < left and t.i >= sent.start]
            if toks:
                return _span_chars(toks)
        # "S said" closing a sentence: the content precedes it
        left = min([verb.i] + [t.i for t in subject_toks])
        if verb.i == sent.root.i and left > sent.start + 2:
            return _span_chars(doc[sent.start:left])
        return None

    # -- frames -----------------------------------------------------------
    def frames(self, doc, quotes, date, ctx: DocumentSpeakers, para_starts, turn_speakers=(),
               turns=(), unresolved: set | None = None):
        """Every cue frame of ``doc``: (cue token, speaker resolution, content span, cue text).
        ``unresolved`` (optional) collects the token index of each cue whose speaker no rule
        could resolve ("the Chinese diplomat said"). On the way, the codebook person who is the
        subject of any clause is remembered in ``ctx`` for later pronouns."""
        n_chars = _doc_len(doc)
        persons = self._person_mentions(doc, date)
        qspans = [(q.start, q.end) for q in quotes]
        qstarts = [q.start for q in quotes]
        out = []
        channels: set[int] = set()
        last_group: tuple[list, int] = ([], -9)
        # a call's or meeting's participants (host + listed people): "They"/"The leaders" after it
        meeting, meeting_end = ([], -1) if turns else self._participants(doc, date)
        interviewer = [(t.start, t.end) for t in turns if t.is_interviewer]
        for tok in doc:
            if meeting and tok.i == meeting_end:
                last_group = (meeting, bisect.bisect_right(para_starts, tok.idx) - 1)
            if any(a <= tok.idx < b for a, b in interviewer):
                continue  # what an interviewer reports is a question, not a statement
            para = bisect.bisect_right(para_starts, tok.idx) - 1
            if (tok.dep_ == "nsubj" and tok.pos_ in ("PROPN", "NOUN") and tok.head.lemma_ not in CUE_LEMMAS
                    and tok.head.pos_ in ("VERB", "AUX")):
                # the subject of any clause is someone a later "he"/"she" may mean ("The
                # President was direct with President Putin. He told him ..."): remember people
                first = min(t.i for t in _mention_parts(tok)[0])
                subj = self.resolver.resolve(doc[first:tok.i + 1].text, date, recent=ctx.recent(),
                                             home=ctx.home, exclude=_named_beside(persons, tok, first, tok.i + 1))
                if subj is not None and self.resolver.is_person(subj.actor) and subj.how != "uncatalogued":
                    ctx.note(subj.actor, para)
            cue = None
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                to = next(c for c in tok.children if c.lower_ == "to")
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if not objs:
                    continue
                subject = objs[0]
                sent = sentence_of(tok)
                phrase = list(tok.subtree)
                lo, hi = phrase[0].i, phrase[-1].i
                if lo - sent.start <= sent.end - 1 - hi:
                    contents = [_span_chars(doc[hi + 1:sent.end])] if hi + 1 < sent.end else []
                else:
                    contents = [_span_chars(doc[sent.start:lo])] if lo > sent.start else []
                cue = "according to"
                parts = [_same_paragraph(p, tok, para_starts) for p in _mention_parts(subject)]
            elif _speech_act_object(tok) is not None or _attitude(tok) is not None:
                # "Russia has issued a series of demands which ...", "S seemed willing to ..."
                if _inside(tok.idx, qspans, qstarts) or _reported(tok):
                    continue
                subject = self._subject(tok)
                if subject is None or subject.lower_ in ("it", "there", "this", "that", "which", "who"):
                    continue
                obj = _speech_act_object(tok)
                if obj is None:
                    obj = _attitude(tok)
                contents = [_span_chars(obj.subtree)]
                cue = tok.text
                parts = [_same_paragraph(p, tok, para_starts) for p in _mention_parts(subject)]
            elif (tok.lemma_ in CUE_LEMMAS or _make_clear(tok) is not None) and tok.pos_ in ("VERB", "AUX"):
                if _inside(tok.idx, qspans, qstarts):
                    continue
                if any(c.dep_ in ("auxpass",) for c in tok.children) or tok.dep_ == "amod":
                    continue  # passive, or a participle used as an adjective ("its claimed commitment")
                if tok.lemma_ == "point" and not any(c.lower_ in ("out", "to") for c in tok.children):
                    continue
                if tok.lemma_ == "put" and not (
                        any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
                        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)):
                    continue  # "put" reports speech only in the aside "as S put it"
                if tok.lemma_ == "call" and not any(
                        (c.dep_ == "prep" and c.lower_ in CALL_PREPS) or c.dep_ == "oprd"
                        for c in tok.children):
                    continue  # "S called X Y" (an assessment) and "S called on/for ..." only
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not (
                        tok.lemma_ == "discuss" and tok.dep_ in ("advcl", "xcomp")
                        and tok.head.pos_ in ("VERB", "AUX")):
                    # "a demand for NATO to dismiss ...": not a speech act; but "S spoke with
                    # Y to discuss Z" (a call's purpose) is S's statement of Z
                    continue
                participle = tok.tag_ == "VBG" and tok.dep_ == "advcl"
                coordinated = _coordinated_cue(tok)
                if any(c.dep_ == "parataxis" and c.i < tok.i and c.lemma_ in CUE_LEMMAS
                       and any(g.dep_ == "nsubj" for g in c.children) for c in tok.children):
                    continue  # "The alliance, he argued, had promised X": reported, not a frame
                outer = _reporting_cue(tok)
                if outer is not None and not participle and coordinated is None:
                    if not self._is_channel(outer, tok, date, ctx):
                        continue  # a cue inside another frame's reported clause is content
                    # "The State Department said Blinken urged X": the organization only passes
                    # on what the person said; the person is the speaker, the channel is dropped
                    channels.add(outer.i)
                if coordinated is not None:
                    subject = self._subject(coordinated)
                else:
                    subject = self._participle_subject(tok) if participle else self._subject(tok)
                if subject is None:
                    continue
                it_res = None
                if subject.lower_ == "it":
                    it_res = self._it_antecedent(subject, para_starts)
                    if it_res is None:
                        continue
                elif subject.lower_ in ("there", "this", "that", "which", "who"):
                    continue
                parts = [_same_paragraph(p, tok, para_starts) for p in _mention_parts(subject)]
                aside = _aside_content(tok)
                contents = [aside] if aside else self.contents(tok, [t for p in parts for t in p])
                cue = tok.text if tok.lemma_ != "point" else tok.text + " " + next(
                    c.lower_ for c in tok.children if c.lower_ in ("out", "to"))
                if _make_clear(tok) is not None:
                    cue = f"{tok.text} clear"
                if aside:
                    cue = f"as {tok.text}"
            else:
                continue
            contents = [c for c in (_clip(c, tok.idx, para_starts, n_chars) for c in contents) if c]
            for part in parts:
                turn_speaker = _turn_speaker(turn_speakers, tok.idx)
                if len(part) == 1 and part[0].lower_ == "it":
                    found = [self._it_antecedent(part[0], para_starts)]
                elif turn_speaker and part and part[0].lower_ in _FIRST_PERSON \
                        and subject.lower_ in _FIRST_PERSON:
                    # "we" (also "We certainly at the European Union, we welcome ...") in a turn
                    found = [Resolution(turn_speaker, "first person")]
                elif len(part) == 1 and part[0].lower_ in _FIRST_PERSON:
                    found = []  # "we said" outside a turn: the narrator, not a speaker
                elif turn_speaker and len(part) == 1 and part[0].lower_ in PERSON_PRONOUNS:
                    # in a turn, "he"/"she" is someone other than the person speaking
                    found = [ctx.pronoun(part[0].lower_, para, exclude=turn_speaker)]
                elif _is_pair(part):
                    found = self._pair(persons, part[0].i, date)
                elif _is_group(part):
                    found = self._group(persons, part[0], para_starts) or list(meeting)
                    last_group = (found, para)
                elif len(part) == 1 and part[0].lower_ == "they" and last_group[0] and (
                        para - last_group[1] <= 1):
                    found = last_group[0]  # "The participants discussed X. They agreed on Y."
                elif len(part) == 1 and part[0].lower_ == "they":
                    # "The Russian delegation presented X. They repeated that ...": the last
                    # collective subject of the same or the previous sentence
                    found = [self._they_antecedent(part[0], para_starts, date, ctx)]
                else:
                    found = [self._resolve_tokens(part, ctx, date, para, persons)]
                if unresolved is not None and all(r is None for r in found):
                    unresolved.add(tok.i)
                for res in found:
                    if res is None:
                        continue
                    ctx.note(res.actor, para)
                    for i, content in enumerate(contents or [None]):
                        if i == 0 or content:
                            out.append((tok, res, content, cue, para))
        return [f for f in out if f[0].i not in channels]

    def _is_channel(self, verb, inner, date, ctx) -> bool:
        """True if ``verb`` ("said", "reported") only passes on what a person said in the cue
        ``inner`` it reports: its subject is an organization or state and the inner cue's is a
        codebook person ("The State Department said Blinken urged ..."). "Russia demanded that
        NATO deny ..." is no channel: the inner clause is the demand."""
        if verb is None or verb.lemma_ not in CHANNEL_VERBS:
            return False
        who = []
        for v in (verb, inner):
            subject = self._subject(v)
            res = self.resolver.resolve(_mention_text(subject), date, recent=ctx.recent()) \
                if subject is not None and subject.pos_ != "PRON" else None
            if res is None:
                return False
            who.append(self.resolver.is_catalogued_person(res.actor))
        return not who[0] and who[1]

    def _person_mentions(self, doc, date) -> list[tuple[int, str]]:
        """(token index, actor id) of every person name the recognizer finds that the codebook knows."""
        out = []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                res = self.resolver.resolve(ent.text, date, names=[ent.text])
                if res and self.resolver.is_catalogued_person(res.actor):
                    out.append((ent.start, res.actor))
        return out

    def _it_antecedent(self, it, para_starts) -> Resolution | None:
        """"Russia is doing X. Yes, it said Y": ``it`` as the subject of a cue verb is the last
        collective (state, organization) named before it in the same or the previous sentence
        of its paragraph; None when there is none (then ``it`` is not a speaker)."""
        doc = it.doc
        lo = _window_start(it, para_starts)
        for ent in reversed([e for e in doc[lo:it.i].ents if e.label_ in ("GPE", "ORG", "NORP")]):
            res = self.resolver.resolve_exact(ent.text)
            if res is not None and not self.resolver.is_person(res.actor):
                return Resolution(res.actor, "collective")
        return None

    def _they_antecedent(self, they, para_starts, date, ctx) -> Resolution | None:
        """``they`` as the subject of a cue verb: the last subject of the same or the previous
        sentence of its paragraph that names a collective ("the Russian side", "the Russian
        delegation", "Moscow"), else None."""
        doc = they.doc
        lo = _window_start(they, para_starts)
        for tok in reversed(doc[lo:they.i]):
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            res = self.resolver.resolve(_mention_text(tok), date, recent=ctx.recent())
            if res is not None and not self.resolver.is_person(res.actor):
                return Resolution(res.actor, "collective")
        return None

    def _participants(self, doc, date) -> tuple[list[Resolution], int]:
        """The people of a call or meeting the document reports, and the token index where the
        first sentence naming them ends (-1 if none): the host of "S held / convened a call
        (with A, B)", "S spoke / met with A and B", plus every codebook person of a list
        "Participants (in the call) included A, B, and C" anywhere in the document. At least
        two people are needed."""
        found: list[str] = []
        end = -1
        for tok in doc:
            listed = None
            if tok.lemma_ in MEETING_VERBS and tok.pos_ in ("VERB", "AUX") and (
                    any(c.dep_ == "dobj" and c.lemma_.lower() in MEETING_NOUNS for c in tok.children)
                    or (tok.lemma_ in ("speak", "meet", "talk") and any(
                        c.dep_ == "prep" and c.lower_ == "with" for c in tok.children))):
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                if subj:
                    res = self.resolver.resolve(doc[min(t.i for t in subj[0].subtree):
                                                    subj[0].i + 1].text, date)
                    if res and self.resolver.is_catalogued_person(res.actor):
                        if res.actor not in found:
                            found.append(res.actor)
                withs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
                if not withs:
                    withs = [p for c in tok.children if c.dep_ == "dobj"
                             for p in c.children if p.dep_ == "prep" and p.lower_ == "with"]
                if withs:
                    sub = list(withs[0].subtree)
                    listed = doc[sub[0].i + 1:sub[-1].i + 1]
            elif tok.lower_ in _GROUP_NOUNS and tok.dep_ == "nsubj" and tok.head.lemma_ in ("include", "be"):
                # up to the full stop: the parser may cut a hard-wrapped name list ("Sergei\nLavrov")
                stop = next((t.i for t in doc[tok.head.i + 1:] if t.text in (".", "!", "?")), len(doc))
                listed = doc[tok.head.i + 1:stop]
            if end < 0 and found:
                end = sentence_of(tok).end - 1
            if listed is None or not len(listed):
                continue
            for item in re.split(r",|;|\band\b", listed.text):
                res = self.resolver.resolve(item, date) if item.strip() else None
                if res and self.resolver.is_catalogued_person(res.actor) \
                        and res.actor not in found:
                    found.append(res.actor)
            if end < 0 and found:
                end = sentence_of(tok).end - 1
        if len(found) < 2:
            return [], -1
        return [Resolution(a, "group") for a in found], end

    @staticmethod
    def _group(persons, tok, para_starts) -> list[Resolution]:
        """"The participants": every codebook person named before ``tok`` in the same or the
        previous paragraph (a multi-party readout lists them in its first sentence)."""
        doc = tok.doc
        para = bisect.bisect_right(para_starts, tok.idx) - 1
        for back in (0, 1):  # the cue's paragraph, else the one before
            seen: list[str] = []
            for j, actor in persons:
                p = bisect.bisect_right(para_starts, doc[j].idx) - 1
                if j < tok.i and p == para - back and actor not in seen:
                    seen.append(actor)
            if len(seen) >= 2:
                return [Resolution(a, "group") for a in seen]
        return []

    def _pair(self, persons, i: int, date) -> list[Resolution]:
        """"both officials" / "the two leaders": the last two people named before token ``i``."""
        seen: list[str] = []
        for j, actor in reversed(persons):
            if j < i and actor not in seen:
                seen.append(actor)
            if len(seen) == 2:
                break
        return [Resolution(a, "pair") for a in sorted(seen)] if len(seen) == 2 else []

    def attribute(self, doc, text: str, date: _dt.date | None,
                  author: "Author | None" = None, home: str = "") -> list[Attribution]:
        """All attributions of one parsed document, in text order, duplicates removed.

        ``author`` (see :func:`find_author`, ``body_start`` relative to ``text``) makes a text
        without speaker labels a written statement of that person: each sentence after the
        byline is an author statement (mode ``direct``, how ``author``) and "I"/"we" outside
        quotes is the author. ``home``: the publishing state (:meth:`SpeakerResolver.home_state`)."""
        ctx = DocumentSpeakers(self.resolver, home=home)
        quotes = find_quotes(text)
        para_starts = paragraph_index(text)
        turns = find_turns(text, known=self._names_person)
        out: list[Attribution] = []
        unresolved: set[int] = set()
        turn_speakers: list[tuple[int, int, str]] = []
        if turns:
            for turn in turns:
                res = None if turn.is_interviewer else self._label_speaker(turn.label, date, ctx)
                if res is not None:
                    ctx.note(res.actor, bisect.bisect_right(para_starts, turn.start) - 1)
                    turn_speakers.append((turn.start, turn.end, res.actor))
                span = doc.char_span(turn.start, turn.end, alignment_mode="expand")
                if span is None:
                    continue
                if res is not None:
                    for sent in span.sents:
                        # a turn's sentence is kept whole ("That is what ..." is no complementizer)
                        s, e = _trim(text, max(sent.start_char, turn.start), min(sent.end_char, turn.end),
                                     strip_that=False)
                        if e - s > 15:
                            out.append(Attribution(s, e, res.actor, "transcript", turn.label,
                                                   "turn", _CONF["turn"]))
            frames = self.frames(doc, quotes, date, ctx, para_starts, turn_speakers, turns, unresolved)
        elif author is not None and author.body_start < _doc_len(doc):
            n = _doc_len(doc)
            body = [(max(author.body_start, 0), n, author.actor)]
            ctx.note(author.actor, 0)
            span = doc.char_span(body[0][0], n, alignment_mode="expand")
            for sent in (span.sents if span is not None else []):
                s, e = _trim(text, max(sent.start_char, body[0][0]), sent.end_char, strip_that=False)
                if e - s > 15 and not any(q.start <= s and e <= q.end for q in quotes):
                    out.append(Attribution(s, e, author.actor, "direct", author.cue, "author",
                                           _CONF["author"]))
            frames = self.frames(doc, quotes, date, ctx, para_starts, body, unresolved=unresolved)
        else:
            out += self._headline_labels(text, para_starts, date, ctx)
            frames = self.frames(doc, quotes, date, ctx, para_starts, unresolved=unresolved)
        used_quotes: set[int] = set()
        for tok, res, content, cue, para in frames:
            conf = _CONF.get(res.how, 0.6)
            lemma = tok.lemma_.lower() if cue != "according to" else "according to"
            inside = [i for i, q in enumerate(quotes)
                      if content and q.start < content[1] and content[0] < q.end]
            sent = sentence_of(tok)
            if not inside and not content:
                inside = [i for i, q in enumerate(quotes) if i not in used_quotes and (
                    sent.start_char <= q.end <= sent.end_char + 1
                    or sent.start_char <= q.start < sent.end_char)
                    and not (q.start <= tok.idx < q.end)]
            if inside:
                qs = [quotes[i] for i in inside]
                used_quotes.update(inside)
                qlen = sum(q.end - q.start for q in qs)
                if content and (content[1] - content[0]) - qlen > 25 and content[0] < qs[0].start:
                    s = min(content[0], qs[0].start)
                    e = max(content[1], qs[-1].end)
                    s, e = _trim(text, s, e)
                    out.append(Attribution(s, e, res.actor, "mixed", cue, res.how, conf, lemma, tok.i))
                else:
                    for q in qs:
                        s, e = _trim(text, q.start, q.end)
                        if e > s:
                            out.append(Attribution(s, e, res.actor, "direct", cue, res.how, conf, lemma, tok.i))
            elif content:
                s, e = _trim(text, *content)
                for k, (s, e) in enumerate(split_clauses(doc, text, s, e)):
                    if e - s > 3:
                        out.append(Attribution(s, e, res.actor, "indirect", cue, res.how, conf * 0.95,
                                               lemma, tok.i, split=k > 0,
                                               aside=cue.startswith("as ")))
        out += self._floating(quotes, used_quotes, out, text, para_starts, turns, doc, unresolved)
        return _dedupe(out)

    def _names_person(self, label: str) -> bool:
        """Whether a speaker label contains a codebook person's name or alias (lost spaces
        restored: ``Lavrov SergeiForeign Minister of Russia``)."""
        for lab in dict.fromkeys((label, unglue(label))):
            res = self.resolver.resolve(lab)
            if res is not None and res.how == "alias":
                return True
        return False

    def _label_speaker(self, label: str, date, ctx) -> Resolution | None:
        """The speaker a turn label names; a label glued to its role (``Sergei LavrovForeign
        Minister``) is read with the lost space restored when that names a codebook person."""
        fixed = unglue(label)
        if fixed != label:
            for lab in (label, fixed):
                res = self.resolver.resolve(lab, date, recent=ctx.recent())
                if res is not None and res.how == "alias":
                    return res
        res = self.resolver.resolve(label, date, names=[base_label(label)], recent=ctx.recent(),
                                    home=ctx.home)
        if res is None or res.how in ("uncatalogued", "role"):
            # a misspelt surname in a label ("SECRETARY GENERAL STOLTENBRG")
            res = self.resolver.close_surname(base_label(label)) or res
        if res is not None and res.how == "uncatalogued":
            res = self.resolver.resolve(label, date, names=[base_label(label)], recent=ctx.recent(),
                                        unknown=ctx.unknown)
        return res

    def _headline_labels(self, text, para_starts, date, ctx) -> list[Attribution]:
        """News headlines that attribute with a colon: ``Moscow: US, NATO fail to address ...``.

        Only a label that is exactly a codebook name or alias counts ("Ukraine
        crisis: ..." is a topic, not a speaker).
        """
        out = []
        for m in _HEADLINE_LABEL.finditer(text):
            label = m.group("label")
            res = self.resolver.resolve_exact(label)
            if res is None:
                continue
            para = bisect.bisect_right(para_starts, m.start()) - 1
            ctx.note(res.actor, para)
            s, e = _trim(text, m.start("content"), m.end("content"))
            # "Moscow: US, NATO fail to address X, more talks possible": comma-joined parts of
            # three words or more are separate statements (each must name a concept itself)
            cuts, begin = [], s
            for c in re.finditer(r",\s+", text[s:e]):
                left, right = text[begin:s + c.start()], text[s + c.end():e]
                if len(left.split()) >= 3 and len(right.split()) >= 3:
                    cuts.append((begin, s + c.start()))
                    begin = s + c.end()
            cuts.append((begin, e))
            for k, (a, b) in enumerate(cuts):
                if b - a > 3:
                    out.append(Attribution(a, b, res.actor, "indirect", f"{label}:", "headline label",
                                           _CONF.get(res.how, 0.6) * 0.9, "", -1, split=k > 0))
        return out

    def _floating(self, quotes, used, found, text, para_starts, turns, doc=None, unresolved=()):
        """Quotes with no cue frame continue the last speaker of the same or previous paragraph.
        A quote whose sentence has a cue frame of its own whose speaker could not be resolved
        ("Q," the Chinese diplomat said) is that unknown speaker's, not floating."""
        extra = []
        by_pos = sorted(found, key=lambda a: a.start)
        for i, q in enumerate(quotes):
            if i in used or any(t.start <= q.start < t.end for t in turns):
                continue
            if doc is not None and _has_own_frame(doc, q, unresolved):
                continue
            if len(q.text.split()) < 4:
                continue  # scare quotes and titles, not statements
            para = bisect.bisect_right(para_starts, q.start) - 1
            prev = [a for a in by_pos + extra if a.end <= q.start and a.mode in ("direct", "mixed")]
            if not prev:
                continue
            last = max(prev, key=lambda a: (a.end, a.start))  # the nearest before the quote
            lpara = bisect.bisect_right(para_starts, last.start) - 1
            if para - lpara <= 1:
                extra.append(Attribution(q.start, q.end, last.speaker, "direct", last.cue,
                                         "floating quote", last.confidence * 0.8))
        return extra


@dataclass(frozen=True)
class Author:
    """The author of a written statement: actor id, the evidence (byline or metadata) used as the
    cue, and where the statement's text starts (after the byline; 0 if none)."""

    actor: str
    cue: str
    body_start: int


_BYLINE = re.compile(r"\A\s*(?:By\s+)?(?P<line>(?P<name>[A-Z][^,\n]{2,60}?)(?:,[^\n]{0,80})?)[ \t\u00a0]*(?:\n|\Z)")
_TITLE_AUTHOR = re.compile(r"\b(?:Statement|Remarks|Op-Ed|Message|Article)\s+(?:by|of|from)\s+"
                           r"(?P<who>[^,:;()]+)", re.I)
_PUBLISHER_AUTHOR = re.compile(r"\((?P<who>[^,()]+)(?:,[^()]*)?\)\s*$")


def find_author(resolver: SpeakerResolver, text: str, title: str = "", publisher: str = "",
                date=None) -> Author | None:
    """The codebook person who wrote a document, if it says so, else None.

    In order: an opening byline line that is exactly a person's name or alias, maybe after
    ``By`` and before ``, title`` ("Jane Roe, Minister of Foreign Affairs" as the first line,
    with no sentence after it on the line); a title "Statement / Remarks by <person>"; a
    publisher whose parenthesis names one person ("Ministry (Jane Roe, Minister)"). The caller
    applies it only to texts without speaker labels (a transcript's turns win)."""
    m = _BYLINE.match(text)
    if m and len(m.group("line").split()) <= 14 and not m.group("line").rstrip().endswith((".", "!", "?")):
        res = resolver.resolve_exact(m.group("name").strip())
        if res is not None and resolver.is_person(res.actor):
            return Author(res.actor, m.group("line").strip(), m.end())
    for rx, field in ((_TITLE_AUTHOR, title), (_PUBLISHER_AUTHOR, publisher)):
        m = rx.search(field or "")
        if not m or re.search(r"\band\b|&", m.group("who")):
            continue
        res = resolver.resolve(m.group("who").strip(), date)
        # a name, not a role: "(Office of the Spokesperson)" names an office, not its holder
        if res is not None and res.how in ("alias", "surname") and resolver.is_person(res.actor):
            return Author(res.actor, m.group(0).strip(" ()"), 0)
    return None


#: "Moscow: US, NATO fail to ...", also a live blog's timed subhead "08:45 Kremlin: no deal with Paris"
_HEADLINE_LABEL = re.compile(r"(?m)^(?:\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|CET|EST|ET|MSK))?[ \t]+)?"
                             r"(?P<label>[A-Z][\w.’' ]{1,40}?):[ \t\u00a0]+(?P<content>\S[^\n]*)$")
_CLAUSE_LINKS = {"but", "though", "although", "yet", "while", "whereas"}


def split_clauses(doc, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split reported speech at a second clause that carries its own position.

    "the talks were professional, but the US will not allow ..." is two
    statements: a conjoined verb of the clause root that has its own subject
    or is introduced by *but*/*though*..., or an adverbial clause marked
    *though*/*although*, starts a new span; an adverbial clause marked *while*/*though*...
    *before* the main clause ("while X, we remain committed to Y") is a span of its own and
    the main clause another. The link word is left out.
    """
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 4:
        return [(start, end)]
    root = span.root
    cuts = []
    candidates = list(root.children) + [
        t for t in span if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ", "VBP")
        and t.head.tag_ in ("VB", "VBG") and t.head.i != root.i]
    for child in candidates:
        if child.i <= root.i or child.i >= span.end:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
        if _describes_back(child):
            continue  # "..., but it was a difficult one": a comment on the first clause, not a position
        linked = [c for c in child.head.children if c.dep_ in ("cc", "mark")
                  and c.lower_ in _CLAUSE_LINKS and c.i < child.i] + [
            c for c in child.children if c.dep_ in ("mark", "cc") and c.lower_ in _CLAUSE_LINKS]
        misattached = child.head.i != root.i
        if misattached:
            linked = linked or [c for c in child.head.children if c.dep_ == "cc"]
        if (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and (own_subject or linked)) or (
                child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CLAUSE_LINKS
                                              for c in child.children)):
            left = min(t.i for t in child.subtree)
            while left < child.i and (doc[left].lower_ in _CLAUSE_LINKS or doc[left].is_punct):
                left += 1
            # the first part ends before the link word / comma preceding the second clause
            stop = left
            while stop > span.start and (doc[stop - 1].lower_ in _CLAUSE_LINKS | {"and"}
                                         or doc[stop - 1].is_punct):
                stop -= 1
            cuts.append((stop, left))
    for child in root.children:
        # "while X would result in Y, we remain committed to Z": a contrastive clause before
        # the main clause is its own statement (the link word and the comma are left out)
        if (child.dep_ == "advcl" and span.start <= child.i < root.i and not cuts
                and any(c.dep_ == "mark" and c.lower_ in _CLAUSE_LINKS - {"but", "yet"}
                        for c in child.children)):
            sub = sorted(t.i for t in child.subtree)
            if sub[0] >= span.start and sub[-1] + 1 < root.i and len(sub) >= 4:
                a0 = sub[0]
                while a0 <= sub[-1] and (doc[a0].lower_ in _CLAUSE_LINKS or doc[a0].is_punct):
                    a0 += 1
                b = sub[-1] + 1
                while b < span.end and (doc[b].is_punct or doc[b].is_space):
                    b += 1
                out = []
                if sub[0] > span.start:
                    a, e0 = _trim(text, start, doc[sub[0]].idx)
                    if e0 - a > 3:
                        out.append((a, e0))
                out.append(_trim(text, doc[a0].idx, doc[sub[-1]].idx + len(doc[sub[-1]].text)))
                out.append(_trim(text, doc[b].idx, end))
                return [(a, e) for a, e in out if e > a]
    if not cuts:
        return [(start, end)]
    out, begin = [], start
    for stop, left in sorted(cuts):
        a, b = _trim(text, begin, doc[stop].idx if stop < len(doc) else end)
        if b > a:
            out.append((a, b))
        begin = doc[left].idx
    a, b = _trim(text, begin, end)
    if b > a:
        out.append((a, b))
    return out


def _describes_back(verb) -> bool:
    """A copular clause whose subject is ``it`` and that only describes ("it was a difficult
    and direct one", "it is useful"): no clause of its own ("it is clear that ...") follows."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return (verb.lemma_ == "be" and len(subj) == 1 and subj[0].lower_ == "it"
            and any(c.dep_ in ("attr", "acomp") for c in verb.children)
            and not any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "advcl" and c.lemma_ not in CUE_LEMMAS)
                        for c in verb.children)  # ", adding that ..." is a cue of its own
            and not any(c.dep_ in ("ccomp", "xcomp") for a in verb.children if a.dep_ in ("attr", "acomp")
                        for c in a.children))


def _doc_len(doc) -> int:
    """Length of the document text, without building the text (``doc.text`` joins every token)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def sentence_of(tok):
    """The sentence ``Span`` of a token (``tok.sent`` rescans the document on every call)."""
    doc = tok.doc
    cache = doc.user_data.get("crisisnet_sents")
    if cache is None:
        sents = list(doc.sents)
        cache = ([s.start for s in sents], sents)
        doc.user_data["crisisnet_sents"] = cache
    return cache[1][bisect.bisect_right(cache[0], tok.i) - 1]


#: verbs that make a speech-act noun public: "Russia has issued a series of demands"
PUBLISHING_VERBS = frozenset("issue list put publish present submit table make send outline".split())
#: nouns that carry a position when someone issues them
SPEECH_NOUNS = frozenset("demand demands proposal proposals concern concerns call calls ultimatum "
                         "request requests".split())
#: adjectives of a reported attitude: "S seemed willing to ...", "S did seem optimistic that ..."
ATTITUDE_ADJECTIVES = frozenset("willing unwilling ready optimistic pessimistic skeptical sceptical "
                                "confident determined eager reluctant open prepared hopeful".split())


_PAIR_NOUNS = {"officials", "leaders", "sides", "men", "women", "ministers", "diplomats",
               "envoys", "negotiators", "delegations"}


def _is_pair(tokens) -> bool:
    """``both officials``, ``the two leaders``, ``both men``: a subject naming two earlier people."""
    words = [t.lower_ for t in tokens]
    return len(words) in (2, 3) and words[-1] in _PAIR_NOUNS and (
        words[0] == "both" or words[:2] == ["the", "two"])


_GROUP_NOUNS = {"participants", "attendees", "interlocutors", "leaders"}
#: verbs and objects of a reported call or meeting: "S held a video call with ...", "S spoke with ..."
MEETING_VERBS = frozenset("hold convene host chair have join lead speak meet talk".split())
MEETING_NOUNS = frozenset("call calls meeting meetings conference videoconference summit "
                          "consultation consultations session talks".split())


def _is_group(tokens) -> bool:
    """``the participants`` / ``all participants``: every person the text listed before."""
    words = [t.lower_ for t in tokens if t.lower_ not in ("the", "all")]
    return len(words) == 1 and words[0] in _GROUP_NOUNS


def _make_clear(verb):
    """The ``clear`` of "S made (it) clear that ...", or None."""
    if verb.lemma_ != "make":
        return None
    for c in verb.children:
        if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "dobj", "advmod"):
            return c
    return None


def _coordinated_cue(tok):
    """The higher cue verb of "S emphasized that X and urged Y", when the parser hangs the second
    cue verb (``urged``, no subject of its own) on the reported clause, or on a present-tense
    clause of the cue's object noun ("reiterated concerns that R has X and emphasized Y"): None
    otherwise."""
    if tok.dep_ != "conj" or tok.lemma_ not in CUE_LEMMAS or tok.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    clause = tok.head
    if (clause.dep_ in ("acl", "relcl") and clause.head.dep_ == "dobj" and tok.tag_ == "VBD"
            and clause.tag_ in ("VBZ", "VBP", "MD", "VB")):
        # "S reiterated concerns that Russia has X and emphasized Y": the clause hangs on the
        # cue's object noun; a past-tense verb cannot continue the present-tense clause
        higher = clause.head.head
        if higher.lemma_ in CUE_LEMMAS and higher.pos_ in ("VERB", "AUX") and higher.i < clause.i:
            return higher
        return None
    if clause.dep_ != "ccomp":
        return None
    higher = clause.head
    if higher.lemma_ in CUE_LEMMAS and higher.pos_ in ("VERB", "AUX") and higher.i < clause.i:
        return higher
    return None


def _turn_speaker(turn_speakers, pos: int) -> str | None:
    """The speaker of the transcript turn containing ``pos`` (None outside turns)."""
    for start, end, actor in turn_speakers:
        if start <= pos < end:
            return actor
    return None


def _without_participles(tokens, verb):
    """``tokens`` less any ``..., adding that ...`` participial cue clause (its own frame)."""
    drop = {t.i for p in tokens if p.tag_ == "VBG" and p.dep_ == "advcl" and p.lemma_ in CUE_LEMMAS
            and p.i != verb.i for t in p.subtree}
    kept = [t for t in tokens if t.i not in drop]
    kept.sort(key=lambda t: t.i)
    while kept and (kept[-1].is_punct or kept[-1].is_space or kept[-1].dep_ == "cc"):
        kept.pop()  # punctuation, or the "and" left before a cut-out second cue
    return sorted(kept, key=lambda t: t.i)


def _speech_act_object(verb):
    """The object of a publishing verb when it is (a list of) demands, proposals, concerns..."""
    if verb.lemma_ not in PUBLISHING_VERBS or verb.pos_ != "VERB":
        return None
    if verb.lemma_ == "make" and not any(c.lower_ == "public" for c in verb.children):
        return None
    if verb.lemma_ == "put" and not any(c.lower_ == "out" for c in verb.children):
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        heads = [obj] + [t for t in obj.subtree if t.dep_ == "pobj" and t.head.head.i == obj.i]
        if any(h.lemma_.lower() in SPEECH_NOUNS or h.lower_ in SPEECH_NOUNS for h in heads):
            return obj
    return None


def _attitude(verb):
    """The adjective phrase of "S seemed willing to ..." (``seem`` + attitude adjective)."""
    if verb.lemma_ != "seem":
        return None
    for c in verb.children:
        if c.dep_ in ("acomp", "xcomp", "oprd") and c.lower_ in ATTITUDE_ADJECTIVES:
            return c
        if c.dep_ == "xcomp":
            for cc in c.children:
                if cc.dep_ == "acomp" and cc.lower_ in ATTITUDE_ADJECTIVES:
                    return cc
    return None


#: tokens that end the clause around an "as S said" aside
_CLAUSE_STOPS = frozenset(";:")


def _aside_content(verb) -> tuple[int, int] | None:
    """The clause an ``as S said`` aside vouches for, as a character span, else None.

    "further aggression would have, **as the Secretary said**, massive consequences", "**As
    Josep said**, we believe that ...", "..., the talks were useful, **as Lavrov noted**.": the
    reporting verb is marked by ``as`` and has no clause of its own; what it reports is the
    clause it sits in, from the nearest clause boundary before the aside (sentence start, a
    complementizer ``that``, ``;``/``:``, or a comma before ``and``/``but``) to the
    nearest one after it. The aside itself stays inside the span (as coders mark it). Only
    adverbials may follow the verb inside the aside: "As Blinken rejected the proposals, ..."
    is *as* of time."""
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i]
    if not marks or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    doc, sent = verb.doc, sentence_of(verb)
    lo = marks[0].i
    hi = verb.i + 1
    while hi < sent.end and not doc[hi].is_punct and (
            doc[hi].dep_ in ("npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod", "nummod")
            or (doc[hi].lower_ == "it" and doc[hi].dep_ == "dobj")):
        hi += 1  # "as he said yesterday", "as Lavrov said on Friday", "as he put it"
    if hi < sent.end and not doc[hi].is_punct:
        return None  # "As Blinken rejected the proposals, ...": *as* of time, not an aside

    def boundary(i: int, left: bool) -> bool:
        t = doc[i]
        if t.text in _CLAUSE_STOPS:
            return True
        if t.text == "," and i + 1 < sent.end and doc[i + 1].dep_ == "cc":
            return True
        return left and t.lower_ == "that" and t.dep_ == "mark"

    start = lo
    while start > sent.start and not boundary(start - 1, True):
        start -= 1
    end = hi
    while end < sent.end and not boundary(end, False):
        end += 1
    left = [t for t in doc[start:lo] if not (t.is_punct or t.is_space)]
    right = [t for t in doc[hi:end] if not (t.is_punct or t.is_space)]
    if len(left) + len(right) < 3:
        return None
    if not left:
        start = hi  # the aside opens the clause: "As Josep said, we believe ..."
    return _span_chars(doc[start:end])


def _subject_before_aside(verb):
    """``Zelensky, standing beside Scholz, said ...`` / ``..., Sergei Lavrov, appearing at a
    meeting, told ...``: when the parser gives a cue verb no subject, a proper noun just before a
    comma-delimited aside that ends right before the verb is its subject (else None)."""
    doc, sent = verb.doc, sentence_of(verb)
    if verb.dep_ in ("advcl", "xcomp", "acl", "conj"):
        return None  # "Lavrov met Blinken, his counterpart, saying ...": inherits Lavrov
    j = verb.i - 1
    if j <= sent.start or doc[j].text != ",":
        return None
    k = j - 1
    while k > sent.start and k > j - 15 and doc[k].text != ",":
        k -= 1
    if k <= sent.start or doc[k].text != ",":
        return None
    name = doc[k - 1]
    if name.pos_ != "PROPN" or not name.text[:1].isupper() or name.dep_ in ("dobj", "pobj"):
        return None
    return name


def _has_own_frame(doc, q, unresolved) -> bool:
    """True if the sentence where quote ``q`` ends has an unresolved cue frame (token indices in
    ``unresolved``) outside the quote marks ("Q," the Chinese diplomat said)."""
    span = doc.char_span(max(q.end - 1, q.start), q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sent = sentence_of(span[-1])
    return any(t.i in unresolved and not (q.start <= t.idx < q.end) for t in sent)


def _reporting_cue(tok):
    """The cue verb whose reported clause (``ccomp``) ``tok`` sits in, else None."""
    t, via_ccomp = tok, False
    for _ in range(8):
        if t.head.i == t.i:
            return None
        via_ccomp = via_ccomp or t.dep_ == "ccomp"
        t = t.head
        if via_ccomp and t.lemma_ in CUE_LEMMAS and t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _reported(tok) -> bool:
    """True if ``tok`` sits inside the reported clause (``ccomp``) of a higher cue verb."""
    return _reporting_cue(tok) is not None


def _mention_text(head) -> str:
    """The text of the mention a subject token heads (its first part, see :func:`_mention_parts`)."""
    part = _mention_parts(head)[0]
    return head.doc[part[0].i:part[-1].i + 1].text


def _named_beside(persons, tok, lo: int, hi: int) -> set[str]:
    """Codebook people (``persons``: (token index, actor id)) named in ``tok``'s sentence outside
    the mention ``lo``..``hi``: an ambiguous role in the mention is none of them."""
    sent = sentence_of(tok)
    return {aid for i, aid in persons if sent.start <= i < sent.end and not lo <= i < hi}


def _window_start(tok, para_starts) -> int:
    """Index of the first token of the sentence before ``tok``'s when it is in the same paragraph,
    else of ``tok``'s own sentence: where an antecedent of ``it``/``they`` may stand."""
    doc = tok.doc
    sent = sentence_of(tok)
    if sent.start > 0:
        prev = sentence_of(doc[sent.start - 1])
        n = _doc_len(doc)
        if _para_bounds(prev.start_char, para_starts, n)[0] == _para_bounds(tok.idx, para_starts, n)[0]:
            return prev.start
    return sent.start


def _para_bounds(pos: int, para_starts, n: int) -> tuple[int, int]:
    i = bisect.bisect_right(para_starts, pos) - 1
    return para_starts[max(i, 0)], (para_starts[i + 1] if i + 1 < len(para_starts) else n)


def _clip(span, pos: int, para_starts, n: int):
    """Clip a content span to the paragraph of the cue at ``pos`` (None if nothing is left)."""
    lo, hi = _para_bounds(pos, para_starts, n)
    s, e = max(span[0], lo), min(span[1], hi)
    return (s, e) if e > s else None


def _same_paragraph(tokens, cue, para_starts):
    """The mention tokens that are in the cue's paragraph (a caption is not a speaker)."""
    lo, hi = _para_bounds(cue.idx, para_starts, _doc_len(cue.doc))
    return [t for t in tokens if lo <= t.idx < hi]


def _inside(pos: int, spans, starts) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _dedupe(attrs: list[Attribution]) -> list[Attribution]:
    """Keep one attribution per (speaker, overlapping span): the most confident, then the longest.
    A cue frame of a turn's own speaker inside one of his turn sentences ("I would say that ...")
    gives way to the turn sentence."""
    attrs = sorted(attrs, key=lambda a: (a.start, -a.end, a.speaker))
    kept: list[Attribution] = []
    for a in attrs:
        clash = [k for k in kept if k.speaker == a.speaker and k.start < a.end and a.start < k.end]
        if not clash:
            kept.append(a)
            continue
        k = clash[0]
        if k.mode == "transcript" and a.mode != "transcript" and k.start <= a.start and a.end <= k.end:
            continue  # "I would say we can ...": the turn speaker's own words are the turn's sentence
        if (a.mode != "transcript" and k.mode == "transcript") or a.confidence > k.confidence:
            kept[kept.index(k)] = a
    return sorted(kept, key=lambda a: (a.start, a.end, a.speaker))
