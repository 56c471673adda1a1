"""Concept and stance of a statement, with the evidence that decided them.

Concepts come from the codebook's cue phrases, matched case-insensitively on
whole words against the statement's words *or* their lemmas (``joining NATO``
matches the cue ``join NATO``). The stance towards a matched concept is the
product of the polarities met on the way from the cue up the dependency tree
to the statement's main verb: each negation (``not``, ``never``, ``no``) and
each *reversing* word (``reject``, ``prevent``, ``bar``, ``veto``...) flips it.
So "would **never** agree to **veto** Ukrainian admission" is +1 (two flips),
"rejected Russia's call to **bar** Ukraine" is +1, and "would not stop trying
to **prevent** Ukraine from joining" is -1 (three flips). Supportive words
(``committed``, ``defend``, ``ready``...) are recorded as evidence without
flipping. With no evidence at all the concept is only mentioned: stance +1
with low confidence when the cue is the clause's own topic, else 0.

Further general rules:

* quote marks inside a cue are ignored (``‘Diplomatic’ Path`` matches ``diplomatic path``);
* a negated verb of perception (:data:`PERCEPTION`: "we **have not seen** any pullback")
  reports an absence and does not flip;
* *engage in* ("exercises it has engaged in") is doing, not talking: a one-word cue on a
  verb with a following ``in`` does not match;
* for a concept whose ``support`` text is a reduction ("reduce or withdraw", "pull-back"),
  a word of increase (:data:`INCREASING`) modifying the cue or governing it takes the
  other side ("welcome **more** troops in Europe" opposes a rollback), unless it is a
  verb with its own subject ("NATO has increased its activity": a reported fact) or the cue is
  itself an oppose phrase (``reinforce ... eastern flank`` stays -1);
* a negated *outcome* cue (:data:`OUTCOMES`: "they did not reach any **resolutions**")
  assesses the talks without taking a side: stance 0;
* "not only" / "not just" (:data:`NOT_ONLY`) is an addition, not a negation;
* a negation inside an ``if``/``unless`` clause (:data:`CONDITIONALS`: "if Russia doesn't invade")
  is a supposition and does not flip;
* a reversing compound as the cue itself ("non-expansion", in :data:`REVERSING`) is an oppose cue;
* a condemning predicate flips its subject ("NATO expansion is **unacceptable**", "sanctions
  would be a **mistake**", :data:`NEGATIVE_PREDICATES`), a negative object negates its verb
  ("threatens **no one**"), and "trade / bargain **away**", "give **up**" reverse;
* for a concept whose ``support`` text threatens ("Threatens ... sanctions"), a negated cost in the
  consequence of a condition is still the threat ("If Russia invades, there will be **no** Nord
  Stream 2"); a negated outcome cue (:data:`OUTCOMES`, also "no deal") is an assessment, stance 0;
* a concept reported by a topic-only cue verb (:data:`TOPIC_CUES`: "the leaders **reviewed**
  recent engagements") with no stance evidence is stance 0.

A span with no cue of any concept is not a statement. :class:`ConceptVectors` (nearest
concept by word vectors) is kept for exploration only and is off unless
``extract_corpus(..., use_vectors=True)``.

The speaker's side (bloc) is never used: the stance comes from the words.

Example
-------
>>> sorted(REVERSING)[:3]
['abandon', 'against', 'bar']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: words that turn a position into its opposite ("reject X" opposes X)
REVERSING = frozenset("""
reject oppose deny veto bar prevent block stop halt exclude refuse against non-starter
unacceptable dangerous condemn criticize criticise end abandon limit restrict
impossible pointless silly withdraw freeze dismiss scrap
undermine violate non-expansion nonexpansion shut""".split())
NEGATIONS = frozenset("not n't never no without neither nor cannot none".split())
#: verbs of perception: negating them reports an absence, not opposition
#: ("we have not seen any pullback" does not oppose a pullback)
PERCEPTION = frozenset("see observe notice witness detect".split())
#: words of increase: next to a cue of a concept whose `support` text is a reduction
#: ("reduce or withdraw", "pull-back"), they take the other side ("more troops in Europe")
INCREASING = frozenset("""more increase increased increasing boost boosted strengthen strengthened
reinforce reinforced bolster bolstered expand expanded additional step stepping""".split())
REDUCTION_WORDS = ("reduce", "withdraw", "pull-back", "pull back", "roll back", "rollback", "less ")
#: cue verbs that only report a topic ("the leaders reviewed recent engagements"): a concept they
#: report with no stance evidence of its own is stance 0, not a default +1
TOPIC_CUES = frozenset("review".split())
#: cue words naming an *outcome* of talks ("resolution", "breakthrough"): negated ("did not
#: reach any resolutions") they describe how talks went, not a side, so the stance is 0
OUTCOMES = frozenset("resolution breakthrough solution deal progress agreement".split())
#: predicates that condemn their subject ("NATO expansion is unacceptable", "sanctions would be a
#: mistake", "talk of an invasion is hysteria"): they flip it like a reversing verb
NEGATIVE_PREDICATES = frozenset("""mistake error hysteria nonsense lie lies propaganda myth fiction
fake absurd groundless baseless unfounded counterproductive useless wrong illegal illegitimate
unacceptable dangerous pointless""".split())
#: words that, as the object of a verb, negate it ("threatens no one", "fears nothing")
NEGATIVE_OBJECTS = frozenset("nobody nothing none noone".split())
#: verbs that give something up with their particle ("trade away", "bargain away", "give up");
#: "sign up for" and "give away a secret" are not meant
GIVE_UP = {"trade": "away", "bargain": "away", "barter": "away", "sign": "away", "give": "up"}
#: subordinators of a supposition: a negation in "if X doesn't ..." denies nothing
CONDITIONALS = frozenset("if unless".split())
#: "not only", "not just": a negation word followed by one of these does not negate
NOT_ONLY = frozenset("only just merely simply".split())
#: words that confirm support (evidence only, no flip)
SUPPORTIVE = frozenset("""
support defend uphold commit committed prefer ready prepared willing open welcome agree choose
right possible hope continue pursue engage need must should protect respect ensure keep
guarantee back favor favour insist principle""".split())


@dataclass
class ConceptStance:
    """A concept found in a statement, its stance in {-1, 0, 1}, confidence and evidence words."""

    concept: str
    stance: int
    confidence: float
    cue: str
    evidence: list[str] = field(default_factory=list)
    #: character offset of the first matched cue word (-1 if unknown)
    pos: int = -1

    def note(self) -> str:
        ev = ", ".join(self.evidence) if self.evidence else "none"
        return f"concept cue '{self.cue}'; stance evidence: {ev}"


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


_CUE_TOKEN = re.compile(r"'s\b|n't\b|[\w.]+|[^\w\s\-–]")


def cue_words(cue: str) -> list[str]:
    """A cue phrase split like spaCy splits text: ``reduce NATO's presence`` ->
    ``['reduce', 'nato', 'presence']`` (hyphens and the possessive ``'s`` dropped on both
    sides, so ``NATO's presence`` and ``NATO presence`` match the same cues)."""
    return [w for w in _CUE_TOKEN.findall(_norm(cue)) if w and w != "'s"]


class ConceptMatcher:
    """Finds codebook concepts in statement spans and decides their stance."""

    def __init__(self, codebook):
        self.cues: list[tuple[str, list[str]]] = []   # (concept id, cue words)
        for concept in codebook.concepts.values():
            for cue in concept.cues:
                words = cue_words(cue)
                if words:
                    self.cues.append((concept.id, words))
        self.cues.sort(key=lambda x: (-len(x[1]), x[0], x[1]))
        self.by_first: dict[str, list[int]] = {}
        for ci, (_, words) in enumerate(self.cues):
            self.by_first.setdefault(words[0], []).append(ci)
        #: cues that only the concept's `oppose` text uses carry stance -1 by themselves
        self.base: dict[tuple[str, str], int] = {}
        #: concepts whose support is a reduction (words of increase near their cue oppose them)
        self.reduction = {c.id for c in codebook.concepts.values()
                          if any(w in _norm(c.support) for w in REDUCTION_WORDS)}
        #: concepts whose support is a threat ("Threatens ... sanctions"): a negated cost in the
        #: main clause of a conditional ("if X, there will be no Y") still threatens it
        self.threats = {c.id for c in codebook.concepts.values() if "threaten" in _norm(c.support)}
        for concept in codebook.concepts.values():
            sup, opp = _norm(concept.support), _norm(concept.oppose)
            for cue in concept.cues:
                c = " ".join(cue_words(cue))
                if "-".join(cue_words(cue)) in REVERSING or "".join(cue_words(cue)) in REVERSING:
                    # a reversing compound as the cue ("non-expansion") names the opposite side
                    self.base[(concept.id, c)] = -1
                    continue
                if len(cue_words(cue)) < 2 and not re.search(r"[-–]", cue):
                    continue  # one plain word ("dialogue") names the topic, not a side
                if re.search(rf"\b{re.escape(_norm(cue))}\b", opp) and not re.search(
                        rf"\b{re.escape(_norm(cue))}\b", sup):
                    self.base[(concept.id, c)] = -1

    def _match(self, tokens) -> list[tuple[str, str, list]]:
        """(concept, cue text, matched tokens) for each concept, first match wins per concept."""
        words = [t for t in tokens if not t.is_space and t.text not in ("-", "–")
                 and not (t.is_quote or t.text in "‘’“”\"'") and _norm(t.text) != "'s"]
        forms = [(_norm(t.text), _norm(t.lemma_)) for t in words]
        # candidate cues by the position of their first word (cue order decides ties)
        hits: dict[int, list[int]] = {}
        for i, (w, lem) in enumerate(forms):
            for f in {w, lem}:
                for ci in self.by_first.get(f, ()):
                    hits.setdefault(ci, []).append(i)
        found: dict[str, tuple[str, str, list]] = {}
        taken: set[int] = set()
        for ci in sorted(hits):
            cid, cue = self.cues[ci]
            if cid in found:
                continue
            n = len(cue)
            for i in sorted(set(hits[ci])):
                if i + n > len(words) or any(j in taken for j in range(i, i + n)):
                    continue
                if all(cue[k] in forms[i + k] for k in range(n)):
                    if n == 1 and _engage_in(words[i]):
                        continue
                    found[cid] = (cid, " ".join(cue), words[i:i + n])
                    taken.update(range(i, i + n))
                    break
        return sorted(found.values(), key=lambda f: min(t.i for t in f[2]))

    def analyse(self, span, cue_lemma: str = "", cue_token=None) -> list[ConceptStance]:
        """Concepts and stances of one statement (a spaCy ``Span``), in codebook cue order.

        ``cue_lemma`` is the attribution verb: a reversing one (``reject``,
        ``deny``) flips the stance of what it reports ("rejected Russia's call
        to bar Ukraine" supports the open door) when ``cue_token`` (the verb, if
        given) governs the concept's words.
        """
        out = []
        inside = {t.i for t in span}
        for cid, cue, toks in self._match(span):
            base = self.base.get((cid, cue), 1)
            stance, evidence = _polarity(toks, inside, cue_flips=base == 1)
            if base == -1:
                stance = -stance if stance else -1
                evidence = [f"cue '{cue}' is an oppose phrase"] + evidence
            under_cue = cue_token is None or _governs(cue_token, _head(toks))
            if cue_lemma in REVERSING and under_cue and (cue_token is None or cue_token.i not in inside):
                stance = -stance if stance else -1
                evidence = [cue_lemma] + evidence
            if cid in self.reduction and base == 1:
                # an oppose phrase ("eastern flank") already reads as reinforcement: no second flip
                more = _increase(toks, inside)
                if more:
                    stance = -stance if stance else -1
                    evidence = [more] + evidence
            if stance == -1 and cid in self.threats and evidence == ["no"] and _conditional(toks):
                # "If Russia invades, there will be no Nord Stream 2": a threatened cost
                stance, evidence = 1, evidence + ["(conditional threat)"]
            if stance == -1 and base == 1 and _norm(toks[-1].lemma_) in OUTCOMES \
                    and (len(toks) == 1 or _norm(toks[0].text) in NEGATIONS) \
                    and all(e in NEGATIONS for e in evidence):
                # "they did not reach any resolutions": an assessment of the talks, no side
                out.append(ConceptStance(cid, 0, 0.4, cue, evidence + ["(negated outcome)"],
                                         toks[0].idx))
            elif stance == 0 and cue_lemma in TOPIC_CUES:
                # "reviewed recent engagements": talk about the topic, no side taken
                out.append(ConceptStance(cid, 0, 0.4, cue, [f"{cue_lemma} (topic only)"], toks[0].idx))
            elif stance == 0:
                out.append(ConceptStance(cid, 1, 0.4, cue, [], toks[0].idx))
            else:
                conf = min(0.95, 0.55 + 0.1 * len(evidence))
                out.append(ConceptStance(cid, stance, round(conf, 3), cue, evidence, toks[0].idx))
        return out


class ConceptVectors:
    """Opt-in guess (``use_vectors=True``, off by default) for a span whose words match no cue: the codebook concept whose label,
    definition and cues are nearest in word-vector space (cosine), stance 0 (no cue, so no
    side can be read), low confidence.

    Uses the model's static word vectors on tokenized text only (no parsing), so it is cheap.
    """

    def __init__(self, codebook, nlp, min_similarity: float = 0.4):
        import numpy as np

        self.min_similarity = min_similarity
        self.ids, rows = [], []
        for c in codebook.concepts.values():
            vec = nlp.make_doc(" ".join([c.label, c.definition, *c.cues])).vector
            if np.linalg.norm(vec) > 0:
                self.ids.append(c.id)
                rows.append(vec / np.linalg.norm(vec))
        self.matrix = np.array(rows) if rows else None

    def nearest(self, span) -> ConceptStance | None:
        import numpy as np

        if self.matrix is None:
            return None
        words = [t for t in span if not (t.is_stop or t.is_punct or t.is_space)]
        vecs = [t.vector for t in words if t.has_vector]
        if not vecs:
            return None
        v = np.mean(vecs, axis=0)
        n = np.linalg.norm(v)
        if n == 0:
            return None
        sims = self.matrix @ (v / n)
        best = int(np.argmax(sims))
        if sims[best] < self.min_similarity:
            return None
        return ConceptStance(self.ids[best], 0, 0.25, f"nearest concept (similarity {sims[best]:.2f})", [])


def _governs(verb, tok) -> bool:
    """True if ``verb`` dominates ``tok`` without a coordination on the way
    ("rejected X and pushed for Y": *rejected* does not govern Y)."""
    for _ in range(40):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "conj":
            return False
        tok = tok.head
        if tok.i == verb.i:
            return True
    return False


def _engage_in(tok) -> bool:
    """"engaged in exercises", "engages in aggression": *engage in* is doing, not talking."""
    return tok.lemma_.lower() == "engage" and tok.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "in" and c.i > tok.i for c in tok.children)


def _increase(cue_tokens, inside: set[int]) -> str:
    """A word of increase modifying the cue or on its way up (``more`` troops, ``increasing``
    their presence), outside the cue itself; '' if none. A verb with its own subject
    ("NATO has increased its activity") reports a fact and does not count."""
    ids = {t.i for t in cue_tokens}
    cands = [c for t in cue_tokens for c in t.children if c.i not in ids]
    tok = _head(cue_tokens)
    for _ in range(3):
        if tok.head.i == tok.i or tok.head.i not in inside:
            break
        tok = tok.head
        cands.append(tok)
    for c in cands:
        if c.i in inside and (_norm(c.lemma_) in INCREASING or _norm(c.text) in INCREASING):
            if c.pos_ in ("VERB", "AUX") and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
                continue  # "NATO has increased its activity": a reported fact, not a call
            return f"+{_norm(c.text)} (increase)"
    return ""


def _head(toks):
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])


def _flips(tok, skip=frozenset()) -> list[str]:
    """Reversing or negating words on ``tok`` itself and its children: negations, a condemning
    predicate (:data:`NEGATIVE_PREDICATES`), a negative object (:data:`NEGATIVE_OBJECTS`,
    not among the cue's own tokens ``skip``) and a give-up particle (:data:`GIVE_UP`). A negated
    verb of perception ("have not seen") does not flip."""
    out = []
    lem, low = _norm(tok.lemma_), _norm(tok.text)
    if lem in REVERSING or low in REVERSING or low in NEGATIONS:
        out.append((low, tok.i))
    if lem in PERCEPTION:
        return out
    hypothetical = any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in tok.children)
    if lem in GIVE_UP and any(c.dep_ in ("prt", "advmod") and c.lower_ == GIVE_UP[lem] for c in tok.children):
        out.append((f"{low} {GIVE_UP[lem]}", tok.i))  # "will not trade away the right to choose"
    for c in tok.children:
        if c.dep_ in ("acomp", "attr") and (_norm(c.lemma_) in NEGATIVE_PREDICATES
                                            or _norm(c.text) in NEGATIVE_PREDICATES):
            out.append((_norm(c.text), c.i))  # "NATO expansion is unacceptable"
        if c.i not in skip and c.dep_ in ("dobj", "pobj") and (_norm(c.text) in NEGATIVE_OBJECTS or (
                _norm(c.text) == "one" and any(g.lower_ == "no" for g in c.children))):
            out.append((_norm(c.text) if c.lower_ != "one" else "no one", c.i))  # "threatens no one"
        if hypothetical and c.dep_ == "neg":
            continue  # "if Russia doesn't invade": a supposition, not a denial
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and _norm(c.text) in NEGATIONS):
            nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in NOT_ONLY:
                continue  # "not only these forces": an addition, not a negation
            out.append((_norm(c.text), c.i))
    return out


def _conditional(cue_tokens) -> bool:
    """True if the sentence of the cue has an ``if``/``unless``/``should``-inverted condition
    clause that does not contain the cue (the cue is in the consequence); "even if" concedes,
    it does not threaten."""
    sent = cue_tokens[0].sent
    cue_ids = {t.i for t in cue_tokens}
    for t in sent:
        if t.dep_ == "mark" and t.lower_ in ("if", "unless") and t.head.dep_ == "advcl" \
                and not (t.i > 0 and t.doc[t.i - 1].lower_ == "even"):
            if not cue_ids & {x.i for x in t.head.subtree}:
                return True
        if t.lower_ == "should" and t.i == sent.start and t.head.dep_ == "advcl":
            if not cue_ids & {x.i for x in t.head.subtree}:
                return True
    return False


def _polarity(cue_tokens, inside: set[int], cue_flips: bool = True) -> tuple[int, list[str]]:
    """Stance sign and evidence from the cue up to the root of the statement span.

    Each flipping word counts once. A conjunct does not inherit its head
    verb's polarity ("deny X and roll back Y": only X is denied). Returns
    (0, []) when no negation, reversing or supportive word is met.
    """
    evidence: list[str] = []
    sign = 1
    counted: set[int] = set()
    cue_ids = {t.i for t in cue_tokens}

    def flip(tok):
        nonlocal sign
        for w, i in _flips(tok, cue_ids):
            if i in counted or (not cue_flips and i in cue_ids):
                continue
            counted.add(i)
            sign = -sign
            evidence.append(w)

    for t in cue_tokens:
        flip(t)
    seen = set(cue_ids)
    tok = _head(cue_tokens)
    support = []
    for _ in range(30):
        if tok.head.i == tok.i or tok.head.i not in inside:
            break
        via_conj = tok.dep_ == "conj"
        tok = tok.head
        if tok.i in seen:
            break
        seen.add(tok.i)
        if via_conj:
            continue
        flip(tok)
        if _norm(tok.lemma_) in SUPPORTIVE or _norm(tok.text) in SUPPORTIVE:
            support.append(_norm(tok.text))
    if not evidence and not support:
        return 0, []
    return sign, evidence + [f"+{w}" for w in support]
