"""The codebook: actors (with aliases and date-bounded roles) and concepts.

Roles follow PETRARCH's idea of date-bounded titles, so that "the Secretary"
resolves to the right person on a given date. The YAML format is documented
in ``docs/data-model.md``.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ValidationError
from .fileio import display_path

ACTOR_KINDS = ("person", "organization", "state")
GENDERS = ("male", "female", None)
BLOCS = ("west", "russia", "ukraine", "other")
UNCATALOGUED_PREFIX = "unk:"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class _Loader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as strings, so a bad date gets our error, not PyYAML's."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


@dataclass(frozen=True)
class Role:
    """A title an actor held between ``start`` and ``end`` (inclusive; None = open)."""

    title: str
    aliases: tuple[str, ...] = ()
    start: _dt.date | None = None
    end: _dt.date | None = None

    def holds_on(self, date: _dt.date | None) -> bool:
        """True if the role was held on ``date`` (an unknown date matches every role)."""
        if date is None:
            return True
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    organization: str
    gender: str | None = None
    country: str = ""
    bloc: str = "other"
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    description: str = ""

    @property
    def is_person(self) -> bool:
        return self.kind == "person"

    def role_on(self, date: _dt.date | None) -> Role | None:
        """The first role held on ``date``, or None."""
        return next((r for r in self.roles if r.holds_on(date)), None)


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    definition: str
    support: str
    oppose: str
    cues: tuple[str, ...] = ()


@dataclass
class Codebook:
    """Actors and concepts by id, with alias and role look-ups."""

    actors: dict[str, Actor]
    concepts: dict[str, Concept]
    path: str = ""
    _alias_index: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for actor in self.actors.values():
            for alias in {actor.name, *actor.aliases}:
                self._alias_index.setdefault(alias, []).append(actor.id)

    # -- look-ups ---------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; a clear error (with the closest id) otherwise."""
        if actor_id in self.actors:
            return self.actors[actor_id]
        raise ValidationError(unknown_id_message("actor", actor_id, self.actors))

    def concept(self, concept_id: str) -> Concept:
        if concept_id in self.concepts:
            return self.concepts[concept_id]
        raise ValidationError(unknown_id_message("concept", concept_id, self.concepts))

    def is_known_actor(self, actor_id: str) -> bool:
        return actor_id in self.actors

    def actors_for_alias(self, alias: str) -> list[str]:
        """Actor ids whose name or alias is exactly ``alias`` (case-sensitive)."""
        return list(self._alias_index.get(alias, []))

    def actors_with_role(self, phrase: str, date: _dt.date | None = None) -> list[str]:
        """Actor ids holding a role whose title or alias equals ``phrase`` (case-insensitive) on ``date``."""
        p = phrase.lower().strip()
        out = []
        for actor in self.actors.values():
            for role in actor.roles:
                names = {role.title.lower(), *(a.lower() for a in role.aliases)}
                if p in names and role.holds_on(date):
                    out.append(actor.id)
                    break
        return out

    def organization_of(self, actor_id: str) -> str:
        """The top-level collective an actor speaks for, following ``organization`` links.

        Peskov's organization is the Kremlin, whose organization is Russia: the
        result is ``russia``, so organization-level networks show one node per
        state or alliance. Uncatalogued actors have no organization (``""``).
        """
        if actor_id not in self.actors:
            return ""
        seen = set()
        current = self.actors[actor_id].organization
        while current in self.actors and current not in seen:
            seen.add(current)
            parent = self.actors[current].organization
            if parent == current:
                break
            current = parent
        return current

    def bloc_of(self, actor_id: str) -> str:
        """The actor's bloc (``west``, ``russia``, ``ukraine``, ``other``); ``other`` if uncatalogued."""
        actor = self.actors.get(actor_id)
        return actor.bloc if actor is not None else "other"

    def label(self, any_id: str) -> str:
        """A human-readable name for an actor or concept id."""
        if any_id in self.actors:
            return self.actors[any_id].name
        if any_id in self.concepts:
            return self.concepts[any_id].label
        if any_id.startswith(UNCATALOGUED_PREFIX):
            return any_id[len(UNCATALOGUED_PREFIX):].replace("_", " ").title() + " (uncatalogued)"
        return any_id

    def actors_frame(self):
        """One row per actor (id, name, kind, organization, country, bloc, gender, roles)."""
        import pandas as pd
        return pd.DataFrame([{
            "id": a.id, "name": a.name, "kind": a.kind, "organization": a.organization,
            "country": a.country, "bloc": a.bloc, "gender": a.gender or "",
            "roles": "; ".join(r.title for r in a.roles)} for a in self.actors.values()])

    def concepts_frame(self):
        import pandas as pd
        return pd.DataFrame([{"id": c.id, "label": c.label, "definition": c.definition,
                              "support": c.support, "oppose": c.oppose}
                             for c in self.concepts.values()])


def unknown_id_message(kind: str, value: str, valid) -> str:
    """"unknown actor 'lavorv'; did you mean 'lavrov'? valid ids: ..." """
    valid = sorted(valid)
    close = difflib.get_close_matches(str(value), valid, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown {kind} {value!r}{hint} (valid {kind} ids: {', '.join(valid)})"


def _date(value, where: str) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def _strings(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValidationError(f"{where}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _require(entry: dict, key: str, where: str, problems: list[str]) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: field {key} is missing or empty")
        return ""
    return value.strip()


def load_codebook(path: str | Path) -> Codebook:
    """Load and validate a codebook YAML file.

    Every problem is collected and raised together as one
    :class:`ValidationError` whose lines name the file, entry and field.
    """
    shown = display_path(path)
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except FileNotFoundError:
        raise ValidationError(f"{shown}: codebook file does not exist") from None
    except UnicodeDecodeError as e:
        raise ValidationError(f"{shown}: not valid UTF-8 ({e.reason})") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        raise ValidationError(f"{shown}: {line}invalid YAML ({getattr(e, 'problem', e)})") from None
    if not isinstance(data, dict) or "actors" not in data or "concepts" not in data:
        raise ValidationError(f"{shown}: expected top-level keys 'actors' and 'concepts'")
    problems: list[str] = []
    actors: dict[str, Actor] = {}
    for i, entry in enumerate(data["actors"] or []):
        where = f"{shown}: actors[{i}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        aid = entry.get("id")
        where = f"{shown}: actor {aid!r}" if aid else where
        if not isinstance(aid, str) or not _ID.match(aid):
            problems.append(f"{where}: field id must be a lower-case slug (a-z, 0-9, _)")
            continue
        if aid in actors:
            problems.append(f"{where}: duplicate actor id")
            continue
        name = _require(entry, "name", where, problems)
        kind = entry.get("kind")
        if kind not in ACTOR_KINDS:
            problems.append(f"{where}: field kind is {kind!r}, expected one of {', '.join(ACTOR_KINDS)}")
        gender = entry.get("gender")
        if gender not in GENDERS:
            problems.append(f"{where}: field gender is {gender!r}, expected male, female or null")
        bloc = entry.get("bloc", "other")
        if bloc not in BLOCS:
            problems.append(f"{where}: field bloc is {bloc!r}, expected one of {', '.join(BLOCS)}")
        try:
            aliases = _strings(entry.get("aliases"), f"{where}: field aliases")
            roles = []
            for j, r in enumerate(entry.get("roles") or []):
                rw = f"{where}: roles[{j}]"
                if not isinstance(r, dict) or not r.get("title"):
                    problems.append(f"{rw}: field title is missing")
                    continue
                role = Role(title=str(r["title"]), aliases=_strings(r.get("aliases"), f"{rw}: field aliases"),
                            start=_date(r.get("start"), f"{rw}: field start"),
                            end=_date(r.get("end"), f"{rw}: field end"))
                if role.start and role.end and role.start > role.end:
                    problems.append(f"{rw}: start {role.start} is after end {role.end}")
                roles.append(role)
        except ValidationError as e:
            problems.extend(e.problems)
            continue
        actors[aid] = Actor(id=aid, name=name, kind=kind or "", organization=str(entry.get("organization") or aid),
                            gender=gender, country=str(entry.get("country") or ""), bloc=bloc,
                            aliases=aliases, roles=tuple(roles),
                            description=str(entry.get("description") or ""))
    for actor in actors.values():
        if actor.organization not in actors:
            problems.append(f"{shown}: actor {actor.id!r}: field organization {actor.organization!r} "
                            "is not an actor id")
    concepts: dict[str, Concept] = {}
    for i, entry in enumerate(data["concepts"] or []):
        where = f"{shown}: concepts[{i}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        cid = entry.get("id")
        where = f"{shown}: concept {cid!r}" if cid else where
        if not isinstance(cid, str) or not _ID.match(cid):
            problems.append(f"{where}: field id must be a lower-case slug (a-z, 0-9, _)")
            continue
        if cid in concepts or cid in actors:
            problems.append(f"{where}: duplicate id (ids must be unique across actors and concepts)")
            continue
        fields = {k: _require(entry, k, where, problems) for k in ("label", "definition", "support", "oppose")}
        try:
            cues = _strings(entry.get("cues"), f"{where}: field cues")
        except ValidationError as e:
            problems.extend(e.problems)
            cues = ()
        concepts[cid] = Concept(id=cid, cues=cues, **fields)
    if not actors:
        problems.append(f"{shown}: no actors")
    if not concepts:
        problems.append(f"{shown}: no concepts")
    if problems:
        raise ValidationError(problems)
    return Codebook(actors=actors, concepts=concepts, path=str(path))
