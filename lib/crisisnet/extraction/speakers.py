"""Resolve a speaker mention to a codebook actor id, or to a new uncatalogued actor.

A mention is what a text uses for the speaker: a name or spelling variant
(``Sergey Lavrov``, ``Lavrov``), a role noun with or without a name (``the NATO
leader``, ``Kremlin spokesman Dmitry Peskov``, ``the Secretary``), a pronoun
(``he``), or a collective (``the US``, ``NATO``, ``the Kremlin``, ``the Russian
government``). Resolution order, most specific first:

1. a codebook person's name or alias inside the mention (longest match);
2. a codebook person's surname on a token the mention spells with a capital; a surname two
   people share (``Sullivan``) goes to the one already seen in the document;
3. a role title or role alias held on the document date (PETRARCH-style). A one-word title
   inside another office (``press secretary``, ``Secretary General``) or a title of another
   state than the one the mention names (``Britain's foreign secretary``) does not count. When
   several actors hold it, people named elsewhere in the sentence are excluded ("The President
   was direct with President Putin"), then the holder of the state that published the document
   (:meth:`SpeakerResolver.home_state`), then a country word in the mention (``Russian``),
   then the most recently seen candidate decide; otherwise nothing is guessed;
4. a first name alone (``Josep``) of a person already seen in the document;
5. a person name the named-entity recognizer found but the codebook lacks:
   a new actor ``unk:<slug>`` (later surname-only mentions reuse it);
6. a state's office by its title word (``Germany's chancellor``, ``the Italian premier``);
7. a collective's name or alias, or a demonym with ``government`` /
   ``authorities`` (``the Russian government`` -> the state); but a collective followed by a
   person's title (``the alliance chief``) is a person, not the collective.

:meth:`DocumentSpeakers.role_noun` then resolves generic descriptions no rule names ("the
Russian diplomat", "the alliance chief") to the nearest person of that state or organization
seen in the last paragraphs, and :meth:`SpeakerResolver.close_surname` a misspelt surname in a
transcript label.

Pronouns are resolved by :class:`DocumentSpeakers` from the speakers already
seen in the document: the latest gender-matching speaker of the same
paragraph, else the paragraph's latest person speaker even if the gender does
not match (news text sometimes calls a woman "he"), else the latest matching
speaker of the three paragraphs before, else the latest matching speaker seen at all, else
nobody: a "she" after only men refers to someone who has not spoken yet.

Example
-------
>>> key("Sergey  Lavrov’s")
'sergei lavrov'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from ..codebook import UNCATALOGUED_PREFIX, Codebook

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
PERSON_PRONOUNS = set(PRONOUN_GENDER)
COLLECTIVE_HEADS = {"government", "authorities", "administration", "leadership", "side",
                    "officials", "diplomats", "delegation", "ministry", "foreign ministry"}
#: demonyms and short forms -> the country name a codebook uses as a name or alias
DEMONYMS = {"russian": "russia", "american": "united states", "us": "united states",
            "u s": "united states", "ukrainian": "ukraine", "british": "united kingdom",
            "german": "germany", "french": "france", "chinese": "china", "european": "european union",
            "belarusian": "belarus", "polish": "poland", "italian": "italy"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "madam", "secretary", "president", "minister",
               "general", "ambassador", "spokesman", "spokesperson", "spokeswoman", "senator",
               "representative", "high", "vice", "deputy", "foreign", "prime", "chancellor"}


def key(text: str) -> str:
    """A comparison key: lower case, no accents or possessive, ``y`` as ``i``, single spaces.

    Transliteration variants (Sergey/Sergei, Dmitriy/Dmitri) then compare equal.
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("’", "'").lower()
    t = re.sub(r"'s\b", "", t)
    t = t.replace(".", "")
    t = re.sub(r"[^a-z0-9]+", " ", t).strip()
    return t.replace("y", "i")


def slug(name: str) -> str:
    """``unk:`` id slug for an uncatalogued name: ``Josep Borrell`` -> ``josep_borrell``."""
    t = unicodedata.normalize("NFKD", name)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"'s\b|’s\b", "", t)
    t = re.sub(r"[^a-z0-9]+", "_", t).strip("_")
    return t or "unknown"


def _contains(hay: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {hay} "


@dataclass
class Resolution:
    """An actor id (codebook or ``unk:``) and how it was found (``alias``, ``role``...)."""

    actor: str
    how: str


class SpeakerResolver:
    """Codebook look-ups for speaker mentions (built once per codebook)."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.person_alias: list[tuple[str, str]] = []      # (key, actor id), longest first
        self.collective_alias: list[tuple[str, str]] = []
        self.surnames: dict[str, set[str]] = {}
        #: first names ("Josep", "Tony" from the alias "Tony Blinken"): resolved only to a
        #: person already present in the document (colleagues call each other by first name)
        self.given_names: dict[str, set[str]] = {}
        self.roles: list[tuple[str, str, object]] = []     # (key, actor id, Role)
        for actor in codebook.actors.values():
            names = {actor.name, *actor.aliases}
            target = self.person_alias if actor.is_person else self.collective_alias
            for n in names:
                k = key(n)
                if k:
                    target.append((k, actor.id))
            if actor.is_person:
                for n in names:
                    parts = key(n).split()
                    if len(parts) >= 1 and len(parts[-1]) > 2:
                        self.surnames.setdefault(parts[-1], set()).add(actor.id)
                    if len(parts) >= 2 and parts[0] not in _HONORIFICS and len(parts[0]) > 2:
                        self.given_names.setdefault(parts[0], set()).add(actor.id)
            for role in actor.roles:
                for phrase in {role.title, *role.aliases}:
                    k = key(re.sub(r"^(the|a|an)\s+", "", phrase.strip(), flags=re.I))
                    if k:
                        self.roles.append((k, actor.id, role))
        for lst in (self.person_alias, self.collective_alias, self.roles):
            lst.sort(key=lambda x: (-len(x[0]), x[0], x[1]))
        self.demonym_state: dict[str, str] = {}
        for dem, country in DEMONYMS.items():
            ids = [a for k, a in self.collective_alias if k == key(country)]
            if ids:
                self.demonym_state[dem] = ids[0]

    def gender(self, actor_id: str) -> str | None:
        a = self.codebook.actors.get(actor_id)
        return a.gender if a else None

    def is_catalogued_person(self, actor_id: str) -> bool:
        """True for a codebook person (not a collective, not an ``unk:`` actor)."""
        return not actor_id.startswith(UNCATALOGUED_PREFIX) and self.is_person(actor_id)

    def is_person(self, actor_id: str) -> bool:
        if actor_id.startswith(UNCATALOGUED_PREFIX):
            return True
        a = self.codebook.actors.get(actor_id)
        return bool(a and a.is_person)

    def country_of(self, actor_id: str) -> str:
        """The state an actor belongs to (via its organization chain), for demonym checks."""
        seen = set()
        while actor_id in self.codebook.actors and actor_id not in seen:
            seen.add(actor_id)
            a = self.codebook.actors[actor_id]
            if a.kind == "state":
                return a.id
            actor_id = a.organization
        return ""

    def resolve(self, mention: str, date=None, names: list[str] = (), recent: list[str] = (),
                unknown: dict[str, str] | None = None, exclude=(), home: str = "") -> Resolution | None:
        """Resolve one mention text (pronouns excluded: see :class:`DocumentSpeakers`).

        ``names`` are the person names the recognizer found inside the
        mention; ``recent`` are actor ids already seen in the document, most
        recent first (to pick among role holders); ``unknown`` maps surname
        keys of ``unk:`` actors already created in the document; ``exclude`` are people the
        mention cannot be among several holders of a role (named elsewhere in its sentence:
        "The President was direct with President Putin" is not Putin); ``home`` is the state
        that published the document: among several holders of a role ("the President") its
        own holder is meant.
        """
        k = key(mention)
        if not k:
            return None
        for alias, aid in self.person_alias:
            if _contains(k, alias):
                return Resolution(aid, "alias")
        for name in names:
            parts = key(name).split()
            if parts and parts[-1] in self.surnames and len(self.surnames[parts[-1]]) == 1:
                return Resolution(next(iter(self.surnames[parts[-1]])), "surname")
            if parts and parts[-1] in self.surnames:
                # a surname two codebook people share ("Sullivan"): the one already in the text
                seen = [r for r in recent if r in self.surnames[parts[-1]]]
                if seen:
                    return Resolution(seen[0], "surname")
        role = self._role(k, date, recent, exclude, home)
        if role:
            return role
        if " " not in k and k in self.given_names:
            present = [r for r in recent if r in self.given_names[k]]
            if present:
                return Resolution(present[0], "first name")
        for name in names:
            words = [w for w in re.split(r"\s+", name.strip()) if key(w) and key(w) not in _HONORIFICS]
            if not words:
                continue
            uid = UNCATALOGUED_PREFIX + slug(" ".join(words))
            if unknown is None:
                return Resolution(uid, "uncatalogued")
            last = key(words[-1])
            if len(words) == 1 and last in unknown:
                return Resolution(unknown[last], "uncatalogued")
            unknown.setdefault(last, uid)
            return Resolution(unknown[last], "uncatalogued")
        office = self._state_office(k, date)
        if office:
            return office
        if k.split()[-1] in _TITLE_KEYS:
            return None  # "the alliance chief", "the Kremlin spokesman": a person, not the collective
        for alias, aid in self.collective_alias:
            if _contains(k, alias):
                return Resolution(aid, "collective")
        words = k.split()
        if words and (words[-1] in COLLECTIVE_HEADS or " ".join(words[-2:]) in COLLECTIVE_HEADS):
            for dem, sid in self.demonym_state.items():
                if _contains(k, dem):
                    return Resolution(sid, "collective")
        return None

    def _states_named(self, k: str) -> set[str]:
        """States a mention names by a demonym or a state's name ("Britain's", "Russian")."""
        out = {sid for dem, sid in self.demonym_state.items() if _contains(k, dem)}
        for alias, aid in self.collective_alias:
            a = self.codebook.actors.get(aid)
            if a is not None and a.kind == "state" and (len(alias) > 3 or " " in alias) \
                    and _contains(k, alias):
                out.add(aid)
        return out

    def _state_office(self, k: str, date) -> Resolution | None:
        """A state's office described by its title word ("Germany's chancellor", "the Italian
        premier", "Britain's prime minister", "the French leader"): the one codebook person of
        that state holding, on ``date``, a role whose title contains the word, else None."""
        words = k.split()
        titles = [t for t in OFFICE_WORDS if _contains(k, key(t))]
        states = self._states_named(k)
        if not titles or len(states) != 1 or len(words) > 5:
            return None
        wanted = {key(w) for t in titles for w in OFFICE_WORDS[t]}
        holders = sorted({aid for _, aid, r in self.roles if r.holds_on(date)
                          and self.country_of(aid) in states
                          and any(_contains(key(r.title), w) for w in wanted)})
        return Resolution(holders[0], "role") if len(holders) == 1 else None

    def home_state(self, publisher: str) -> str:
        """The state whose government published a document ("The White House", "U.S.
        Department of State", "Office of the President of Russia"), else "": a news outlet
        named after a place ("The Moscow Times", "The Washington Post") is no government."""
        if not publisher or not GOVERNMENT_PUBLISHER.search(publisher):
            return ""
        res = self.resolve(publisher)
        return self.country_of(res.actor) if res is not None and res.how != "uncatalogued" else ""

    def close_surname(self, label: str) -> Resolution | None:
        """The one codebook person whose surname is a near spelling (difflib ratio >= 0.85,
        six letters or more) of the label's last word: for misspelt speaker labels only."""
        words = key(label).split()
        if not words or len(words[-1]) < 6:
            return None
        near = difflib.get_close_matches(words[-1], [s for s in self.surnames if len(s) >= 6],
                                         n=2, cutoff=0.85)
        ids = {aid for s in near for aid in self.surnames[s]}
        return Resolution(ids.pop(), "surname") if len(ids) == 1 else None

    def resolve_exact(self, label: str) -> Resolution | None:
        """The actor whose name or alias *is* ``label`` (no partial matches), or None."""
        k = key(label)
        ids = sorted({aid for alias, aid in self.person_alias + self.collective_alias if alias == k})
        if len(ids) != 1:
            return None
        return Resolution(ids[0], "alias" if self.is_person(ids[0]) else "collective")

    def _role(self, k: str, date, recent, exclude=(), home: str = "") -> Resolution | None:
        ambiguous: list[str] = []
        words = k.split()
        named_states = self._states_named(k)
        for phrase, _, _ in self.roles:
            if not _contains(k, phrase) or any(_contains(a, phrase) for a in ambiguous):
                continue  # "foreign minister" inside an undecided "deputy foreign minister"
            if _contains(k, phrase + " " + key("general")):
                continue  # "Secretary" inside "Secretary General" is another title
            if " " not in phrase and phrase in words and words.index(phrase) > 0 and \
                    words[words.index(phrase) - 1] in _TITLE_MODIFIERS:
                continue  # "Secretary" inside "press secretary", "foreign secretary"
            holders = sorted({aid for p, aid, r in self.roles if p == phrase and r.holds_on(date)})
            if named_states:
                # "Britain's foreign secretary" is no holder of another state's office
                holders = [h for h in holders if self.country_of(h) in named_states
                           or not self.country_of(h)]
            if not holders:
                continue
            if len(holders) > 1 and exclude:
                holders = [h for h in holders if h not in exclude] or holders
            if len(holders) > 1 and home:
                own = [h for h in holders if self.country_of(h) == home]
                holders = own if len(own) == 1 else holders
            if len(holders) > 1 and named_states:
                holders = [h for h in holders if self.country_of(h) in named_states] or holders
            if len(holders) > 1:
                ranked = [r for r in recent if r in holders]
                if not ranked:
                    ambiguous.append(phrase)
                    continue
                holders = ranked[:1]
            return Resolution(holders[0], "role")
        return None


#: words that make a one-word title another office ("press secretary", "defence secretary")
_TITLE_MODIFIERS = frozenset(key(w) for w in """press foreign defence defense home general cabinet
assistant under executive party permanent health treasury interior""".split())
#: head nouns of generic role descriptions ("the Russian diplomat", "the alliance chief")
GENERIC_TITLES = frozenset("""diplomat minister official envoy spokesman spokeswoman spokesperson
leader president chancellor secretary negotiator chief ambassador premier counterpart head""".split())
_TITLE_KEYS = frozenset(key(w) for w in GENERIC_TITLES)
#: words that mark a government as a document's publisher
GOVERNMENT_PUBLISHER = re.compile(r"white house|department of state|state department|ministry|"
                                  r"government|office of|kremlin|chancellery|élysée|elysee|"
                                  r"downing street", re.I)
#: a title word in a description -> words of the role titles it names ("premier" = prime minister;
#: "leader" = head of state or government)
OFFICE_WORDS = {"president": ["president"], "prime minister": ["prime minister"],
                "premier": ["prime minister"], "chancellor": ["chancellor"],
                "foreign minister": ["foreign minister"], "leader": ["president", "prime minister", "chancellor"]}
#: words allowed between "the" and the head noun besides demonyms and collective names
GENERIC_MODIFIERS = frozenset("""top senior veteran deputy foreign defence defense prime chief
alliance alliance's alliance’s general state""".split())


@dataclass
class DocumentSpeakers:
    """Speakers seen so far in one document: resolves pronouns and remembers ``unk:`` actors."""

    resolver: SpeakerResolver
    history: list[tuple[str, int]] = field(default_factory=list)   # (actor id, paragraph)
    unknown: dict[str, str] = field(default_factory=dict)
    #: the state that published the document ("" for news outlets): see :meth:`SpeakerResolver.resolve`
    home: str = ""

    def recent(self) -> list[str]:
        out = []
        for aid, _ in reversed(self.history):
            if aid not in out:
                out.append(aid)
        return out

    def note(self, actor_id: str, paragraph: int) -> None:
        self.history.append((actor_id, paragraph))

    def role_noun(self, mention: str, paragraph: int) -> Resolution | None:
        """Resolve a generic role description no codebook role names ("the Russian diplomat",
        "the alliance chief", "the U.S. envoy") to the nearest person seen in the same or the
        previous three paragraphs whose state or organization matches the description's demonym
        or collective (any person when it has none), else None."""
        words = re.findall(r"[\w.’']+", mention.lower())
        if len(words) < 2 or len(words) > 5 or words[0] != "the" or words[-1] not in GENERIC_TITLES:
            return None
        wanted = set()
        for w in words[1:-1]:
            w = w.strip(".")
            state = self.resolver.demonym_state.get(key(w)) or self.resolver.demonym_state.get(w)
            coll = self.resolver.resolve_exact(w) or self.resolver.resolve_exact("the " + w)
            if state:
                wanted.add(state)
            elif coll is not None and not self.resolver.is_person(coll.actor):
                wanted.add(self.resolver.codebook.organization_of(coll.actor))
            elif w not in GENERIC_MODIFIERS and key(w) not in GENERIC_MODIFIERS:
                return None
        for aid, p in reversed(self.history):
            if p < paragraph - 3 or not self.resolver.is_catalogued_person(aid):
                continue
            if not wanted or {self.resolver.country_of(aid),
                              self.resolver.codebook.organization_of(aid)} & wanted:
                return Resolution(aid, "role noun")
        return None

    def pronoun(self, word: str, paragraph: int, exclude: str | None = None) -> Resolution | None:
        """Resolve he/she (and their forms) to a person seen earlier in the document.

        ``exclude`` is an actor the pronoun cannot be (the speaker of the
        transcript turn it occurs in, who would say "I").
        """
        want = PRONOUN_GENDER.get(word.lower())
        persons = [(a, p) for a, p in reversed(self.history)
                   if self.resolver.is_person(a) and a != exclude]
        if not persons:
            return None

        def fits(aid):
            g = self.resolver.gender(aid)
            return g is None or want is None or g == want

        same = [a for a, p in persons if p == paragraph]
        for a in same:
            if fits(a):
                return Resolution(a, "pronoun")
        if same:
            return Resolution(same[0], "pronoun (gender mismatch)")
        for a, p in persons:
            if p >= paragraph - 3 and fits(a):
                return Resolution(a, "pronoun")
        for a, _ in persons:
            if fits(a):
                return Resolution(a, "pronoun")
        # nobody of the pronoun's gender seen, and nobody at all in its paragraph: the pronoun
        # refers to someone who has not spoken yet ("Ms Truss was unmoved. '...,' she said"
        # after paragraphs of Lavrov), so leave it unresolved
        return None
