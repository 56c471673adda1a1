"""What a brief says: pure functions from a :class:`~crisisnet.project.Project` to tables.

Nothing here runs papermill or writes HTML, so every section of a brief can be
tested on a small hand-made project. Tables are pandas DataFrames of plain
strings and numbers (escaping happens in :mod:`crisisnet.briefing.sections`).

A brief has a *focus*: an actor id (``lavrov``) or a concept id
(``nato_open_door``). Ids live in one namespace (the codebook forbids an id that
is both), so :func:`focus_kind` can tell which one was asked for.

Who agrees and who opposes comes from the congruence and conflict networks of
:mod:`crisisnet.networks`; this module only selects and explains ties, it does
not recompute them.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace

import pandas as pd

from ..codebook import unknown_id_message
from ..errors import ParameterError
from ..analysis import actor_positions as analysis_positions
from ..filters import select_statements
from ..networks import actor_network, select_interactions
from ..params import check_choice, check_date_range, check_id
from ..project import SOURCES, Project, load_project

#: how a stance reads in a sentence
STANCE_WORDS = {1: "supports", -1: "opposes", 0: "mentions"}
#: length of the "what changed this week" window, in days (ending on the brief's end date)
RECENT_DAYS = 7
#: a bloc is under-represented when its share of statements is below this fraction of an equal share
UNDER_REPRESENTED = 0.5
#: the sides the coverage caveats look at (``other`` is not a side of this conflict)
SIDES = ("west", "russia", "ukraine")


@dataclass(frozen=True)
class BriefParams:
    """Validated parameters of one brief."""

    focus: str
    kind: str  # "actor" | "concept"
    start: _dt.date | None
    end: _dt.date | None
    source: str
    corpus: str
    title: str

    @property
    def slug(self) -> str:
        """The file name stem of this brief's report (see :func:`slugify`)."""
        return slugify(f"{self.kind}-{self.focus}")


def slugify(text: str) -> str:
    """A safe file name stem: lower-case ``a-z0-9`` and single dashes, never empty.

    >>> slugify("actor-../../etc/passwd")
    'actor-etc-passwd'
    """
    out, dash = [], False
    for ch in str(text).lower():
        if ("a" <= ch <= "z") or ("0" <= ch <= "9"):
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    slug = "".join(out).strip("-")[:80].strip("-")
    return slug or "brief"


def focus_kind(focus, codebook) -> str:
    """``"actor"`` or ``"concept"`` for a known id; :class:`ParameterError` with the closest id otherwise.

    The message follows :func:`crisisnet.codebook.unknown_id_message`:
    ``parameter focus: unknown actor or concept 'lavorv'; did you mean 'lavrov'? ...``.
    """
    if not isinstance(focus, str) or not focus:
        raise ParameterError(f"parameter focus: expected an actor or concept id, got {focus!r}")
    if focus in codebook.actors:
        return "actor"
    if focus in codebook.concepts:
        return "concept"
    valid = {**codebook.actors, **codebook.concepts}
    raise ParameterError("parameter focus: " + unknown_id_message("actor or concept", focus, valid))


def check_params(codebook, *, focus, start="", end="", source="coded", corpus="seeds",
                 title="", kind="") -> BriefParams:
    """Validate a brief's parameters (as the notebook's first code cell and the CLI do).

    ``kind`` may force ``"actor"`` or ``"concept"`` (the CLI's ``--actor`` /
    ``--concept``); empty means: whatever ``focus`` is. Nothing is evaluated:
    every value is checked as data.
    """
    if kind:
        kind = check_choice("kind", kind, ("actor", "concept"))
        check_id("actor" if kind == "actor" else "concept", focus, codebook, kind)
    else:
        kind = focus_kind(focus, codebook)
    s, e = check_date_range("start", start, "end", end)
    source = check_choice("source", source, SOURCES)
    if not isinstance(corpus, str) or not corpus:
        raise ParameterError(f"parameter corpus: expected a corpus name or folder, got {corpus!r}")
    if not isinstance(title, str):
        raise ParameterError(f"parameter title: expected a string, got {title!r}")
    title = " ".join(title.split())[:200] or default_title(codebook, focus, kind)
    return BriefParams(focus=focus, kind=kind, start=s, end=e, source=source, corpus=corpus,
                       title=title)


def default_title(codebook, focus: str, kind: str) -> str:
    """``Briefing: Sergei Lavrov`` / ``Briefing: Ukraine's path to NATO``."""
    return f"Briefing: {codebook.label(focus)}"


@dataclass
class Brief:
    """Validated parameters and the project restricted to the brief's date range."""

    params: BriefParams
    project: Project


def open_brief(*, focus, start="", end="", source="coded", corpus="seeds", title="",
               kind="") -> Brief:
    """Load the project and validate the parameters: the briefing notebook's first code cell.

    Fails with :class:`ParameterError` naming the parameter (and the closest id
    for an unknown focus) before anything is computed.
    """
    if not isinstance(corpus, str) or not corpus:
        raise ParameterError(f"parameter corpus: expected a corpus name or folder, got {corpus!r}")
    source = check_choice("source", source, SOURCES)
    project = load_project(corpus, source)
    params = check_params(project.codebook, focus=focus, start=start, end=end, source=source,
                          corpus=corpus, title=title, kind=kind)
    return Brief(params=params, project=restrict(project, params.start, params.end))


# -- loading -----------------------------------------------------------------
def restrict(project: Project, start: _dt.date | None, end: _dt.date | None) -> Project:
    """The project with statements and interactions dated within [start, end] (inclusive).

    Statements go through :func:`crisisnet.filters.select_statements` (same date rule as every
    network: undated rows are dropped when a bound is given; row labels are kept so provenance
    points back to the verbatim rows); interactions follow the same rule.
    """
    st = select_statements(project.statements, start=start, end=end)
    it = select_interactions(project.interactions, start=start, end=end)
    return replace(project, statements=st, interactions=it)


# -- evidence ------------------------------------------------------------------
def source_numbers(project: Project) -> dict[str, int]:
    """Reference numbers ``[1]``, ``[2]``... of the documents the brief rests on.

    The documents with a statement or interaction in ``project`` (already
    restricted to the brief's dates), numbered in corpus id order.
    """
    used = set(project.statements["doc_id"]) | set(project.interactions["doc_id"])
    return {d: i for i, d in enumerate(sorted(used), start=1)}


def sources(project: Project) -> pd.DataFrame:
    """The brief's reference list: ``ref, doc_id, outlet, title, url, date, date_exact``."""
    rows = []
    for doc_id, n in source_numbers(project).items():
        doc = project.corpus[doc_id] if doc_id in project.corpus else None
        rows.append({"ref": n, "doc_id": doc_id, "outlet": doc.outlet if doc else "",
                     "title": (doc.title if doc else "") or doc_id, "url": doc.url if doc else "",
                     "date": doc.date.isoformat() if doc and doc.date else "",
                     "date_exact": bool(doc.date_exact) if doc else False})
    return pd.DataFrame(rows, columns=["ref", "doc_id", "outlet", "title", "url", "date", "date_exact"])


def evidence(project: Project, statements: pd.DataFrame) -> pd.DataFrame:
    """Statements with everything a reader needs to check them, one row each.

    Columns: ``date, speaker, speaker_name, concept, concept_label, stance,
    stance_word, quote, mode, cue, outlet, title, url, doc_id, start, end, ref``.
    ``quote`` is the verbatim span; ``outlet``/``title``/``url`` come from the
    document's metadata (empty when unknown); ``ref`` is the document's number in
    :func:`sources`. Sorted by date, document, offset.
    """
    cols = ["date", "speaker", "speaker_name", "concept", "concept_label", "stance",
            "stance_word", "quote", "mode", "cue", "outlet", "title", "url", "doc_id",
            "start", "end", "ref"]
    if statements.empty:
        return pd.DataFrame(columns=cols)
    cb, docs = project.codebook, project.corpus
    refs = source_numbers(project)
    rows = []
    for r in statements.itertuples(index=False):
        doc = docs[r.doc_id] if r.doc_id in docs else None
        rows.append({
            "date": r.date or (doc.date.isoformat() if doc and doc.date else ""),
            "speaker": r.speaker, "speaker_name": cb.label(r.speaker),
            "concept": r.concept, "concept_label": cb.label(r.concept),
            "stance": int(r.stance), "stance_word": STANCE_WORDS[int(r.stance)],
            "quote": r.text, "mode": r.mode, "cue": r.cue,
            "outlet": doc.outlet if doc else "", "title": (doc.title if doc else "") or r.doc_id,
            "url": doc.url if doc else "", "doc_id": r.doc_id,
            "start": int(r.start), "end": int(r.end), "ref": refs.get(r.doc_id, 0)})
    return (pd.DataFrame(rows, columns=cols)
            .sort_values(["date", "doc_id", "start", "concept"], kind="stable")
            .reset_index(drop=True))


def actor_profile(project: Project, actor_id: str) -> dict:
    """Who an actor is: name, kind, organization (name), country, bloc, description, roles.

    ``roles`` is a list of ``{"title", "start", "end"}`` with ISO dates or ``""``
    (open). The organization is omitted when the actor is its own collective.
    """
    cb = project.codebook
    a = cb.actor(actor_id)
    return {
        "id": a.id, "name": a.name, "kind": a.kind,
        "organization": cb.label(a.organization) if a.organization != a.id else "",
        "country": a.country, "bloc": a.bloc, "description": a.description,
        "roles": [{"title": r.title, "start": r.start.isoformat() if r.start else "",
                   "end": r.end.isoformat() if r.end else ""} for r in a.roles],
    }


def concept_profile(project: Project, concept_id: str) -> dict:
    """A concept's label, definition and what support and oppose mean."""
    c = project.codebook.concept(concept_id)
    return {"id": c.id, "label": c.label, "definition": c.definition, "support": c.support,
            "oppose": c.oppose}


#: brief wording of :func:`crisisnet.analysis.actor_positions` labels
POSITION_WORDS = {"support": "supports", "oppose": "opposes", "mixed": "mixed", "neutral": "mentions"}


def stance_summary(statements: pd.DataFrame, by) -> pd.DataFrame:
    """Counts of support / oppose / mention per ``by`` value(s), and the overall position.

    A thin view of :func:`crisisnet.analysis.actor_positions` (the one place the
    rule lives): ``position`` is ``supports`` or ``opposes`` when all sided
    statements agree, ``mixed`` when both occur, ``mentions`` when only stance 0
    occurs. ``by`` is ``"speaker"``, ``"concept"`` or both (a list).

    Worked example: two statements (+1, +1) and one (0) -> support 2, oppose 0,
    mention 1, position ``supports``.
    """
    keys = [by] if isinstance(by, str) else list(by)
    cols = keys + ["support", "oppose", "mention", "position"]
    if statements.empty:
        return pd.DataFrame(columns=cols)
    pos = analysis_positions(statements, "speaker").rename(columns={
        "actor": "speaker", "n_support": "support", "n_oppose": "oppose", "n_neutral": "mention"})
    pos = pos.groupby(keys, as_index=False)[["support", "oppose", "mention"]].sum()
    pos["position"] = [POSITION_WORDS["mixed" if s and o else "support" if s else "oppose" if o else "neutral"]
                       for s, o in zip(pos["support"], pos["oppose"])]
    return pos[cols].sort_values(keys, kind="stable").reset_index(drop=True)


def actor_positions(project: Project, actor_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An actor's positions: (summary per concept, evidence rows of every statement)."""
    st = project.statements[project.statements["speaker"] == actor_id]
    return stance_summary(st, "concept"), evidence(project, st)


def concept_positions(project: Project, concept_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each actor's stance on a concept: (summary per speaker, evidence rows)."""
    st = project.statements[project.statements["concept"] == concept_id]
    return stance_summary(st, "speaker"), evidence(project, st)


def coalitions(project: Project, concept_id: str) -> dict[str, list[str]]:
    """The coalition map of a concept: actor ids grouped by position (supports, opposes, mixed, mentions).

    Only actors who made a statement on the concept appear (a position is never
    imputed from a bloc). Each list is sorted by id.
    """
    summary, _ = concept_positions(project, concept_id)
    out = {p: [] for p in ("supports", "opposes", "mixed", "mentions")}
    for speaker, position in zip(summary["speaker"], summary["position"]):
        out[position].append(speaker)
    return {k: sorted(v) for k, v in out.items()}


def common_ground(project: Project, concept_id: str) -> pd.DataFrame:
    """Where the two sides of a concept agree: other concepts on which a supporter and an opponent share a stance.

    For every pair (supporter of ``concept_id``, opponent of ``concept_id``) and
    every other concept on which both took the same non-zero stance, one row
    ``concept, concept_label, stance_word, supporters, opponents`` (actor ids
    joined by ", "), grouped per (concept, stance).

    Worked example: A supports X, B opposes X; both support Y -> one row
    (Y, "supports", "A", "B").
    """
    cols = ["concept", "concept_label", "stance", "stance_word", "supporters", "opponents"]
    groups = coalitions(project, concept_id)
    pro, con = groups["supports"], groups["opposes"]
    st = project.statements[(project.statements["concept"] != concept_id)
                            & (project.statements["stance"] != 0)]
    rows = []
    for (concept, stance), g in st.groupby(["concept", "stance"], sort=True):
        speakers = set(g["speaker"])
        a, b = sorted(speakers & set(pro)), sorted(speakers & set(con))
        if a and b:
            rows.append({"concept": concept, "concept_label": project.codebook.label(concept),
                         "stance": int(stance), "stance_word": STANCE_WORDS[int(stance)],
                         "supporters": ", ".join(a), "opponents": ", ".join(b)})
    return pd.DataFrame(rows, columns=cols)


def alignment(project: Project, actor_id: str, duplicates: str = "document") -> pd.DataFrame:
    """Who agrees and who opposes an actor, from the congruence and conflict networks.

    The networks are :func:`crisisnet.networks.actor_network` (speaker level, no
    normalization) on the project's statements with a repeated (speaker,
    concept, stance) counted once per ``duplicates`` period (default: once per
    document, as DNA users usually do). One row per tie of ``actor_id``:
    ``actor, name, bloc, relation, weight, concepts, rows`` where ``relation``
    is ``agrees`` (congruence) or ``opposes`` (conflict) — an actor can appear
    under both, on different concepts — ``weight`` the tie weight, ``concepts``
    the concept ids behind it and ``rows`` the labels (in ``project.statements``)
    of the *other* actor's statements behind the tie (from
    :meth:`~crisisnet.networks.Network.provenance`). Sorted by relation, weight
    (descending), actor.

    Worked example (mini project): Lavrov and Peskov both oppose the open door
    -> (peskov, agrees, 1); Blinken supports it -> (blinken, opposes, 1); both
    Lavrov and Blinken support diplomacy -> (blinken, agrees, ...).
    """
    cols = ["actor", "name", "bloc", "relation", "weight", "concepts", "rows"]
    st = select_statements(project.statements, duplicates=duplicates)
    cb = project.codebook
    rows = []
    for relation, agreement in (("agrees", "congruence"), ("opposes", "conflict")):
        net = actor_network(st, agreement, codebook=cb)
        if actor_id not in net.rows:
            continue
        for other in net.rows:
            if other == actor_id or net.weight(actor_id, other) == 0:
                continue
            prov = net.provenance(actor_id, other)
            theirs = prov[prov["speaker"] == other]
            rows.append({"actor": other, "name": cb.label(other),
                         "bloc": cb.bloc_of(other),
                         "relation": relation, "weight": net.weight(actor_id, other),
                         "concepts": sorted(set(prov["concept"])), "rows": list(theirs.index)})
    df = pd.DataFrame(rows, columns=cols)
    if df.empty:
        return df
    df["_w"] = -df["weight"]
    return (df.sort_values(["relation", "_w", "actor"], kind="stable").drop(columns="_w")
            .reset_index(drop=True))


# -- interactions and time -------------------------------------------------------
_INTERACTION_COLS = ["date", "source_actor", "target_actor", "source_name", "target_name", "type",
                     "place", "quote", "outlet", "title", "url", "doc_id", "ref"]


def _interaction_rows(project: Project, it: pd.DataFrame) -> pd.DataFrame:
    cb, docs = project.codebook, project.corpus
    refs = source_numbers(project)
    rows = []
    for r in it.itertuples(index=False):
        doc = docs[r.doc_id] if r.doc_id in docs else None
        rows.append({"date": r.date, "source_actor": r.source_actor, "target_actor": r.target_actor,
                     "source_name": cb.label(r.source_actor), "target_name": cb.label(r.target_actor),
                     "type": r.type.replace("_", " "), "place": r.place, "quote": r.text,
                     "outlet": doc.outlet if doc else "", "title": (doc.title if doc else "") or r.doc_id,
                     "url": doc.url if doc else "", "doc_id": r.doc_id,
                     "ref": refs.get(r.doc_id, 0)})
    return (pd.DataFrame(rows, columns=_INTERACTION_COLS).sort_values(["date", "doc_id"], kind="stable")
            .reset_index(drop=True))


def actor_interactions(project: Project, actor_id: str) -> pd.DataFrame:
    """Meetings and exchanges with the actor on either end, with their evidence and source.

    Columns: ``date, source_actor, target_actor, source_name, target_name, type,
    place, quote, outlet, title, url, doc_id, ref``; sorted by date.
    """
    it = project.interactions
    return _interaction_rows(project, it[(it["source_actor"] == actor_id)
                                         | (it["target_actor"] == actor_id)])


def interactions_among(project: Project, actors) -> pd.DataFrame:
    """Interactions with both ends in ``actors`` (a concept brief's players); columns as :func:`actor_interactions`."""
    it = project.interactions
    actors = sorted(set(actors))
    return _interaction_rows(project, it[it["source_actor"].isin(actors) & it["target_actor"].isin(actors)])


def timeline(project: Project, focus: str, kind: str) -> pd.DataFrame:
    """Dated events of the focus: its statements and (for an actor) its interactions.

    Columns: ``date, event, doc_id``; one row per statement ("Lavrov opposes
    NATO open door") or interaction ("Lavrov met Blinken (Geneva)"), sorted by
    date; undated events last.
    """
    cb = project.codebook
    rows = []
    col = "speaker" if kind == "actor" else "concept"
    for r in project.statements[project.statements[col] == focus].itertuples(index=False):
        rows.append({"date": r.date, "event": f"{cb.label(r.speaker)} {STANCE_WORDS[int(r.stance)]} "
                                              f"{cb.label(r.concept)}", "doc_id": r.doc_id})
    if kind == "actor":
        for r in actor_interactions(project, focus).itertuples(index=False):
            where = f" ({r.place})" if r.place else ""
            rows.append({"date": r.date, "event": f"{r.source_name} {r.type} {r.target_name}{where}",
                         "doc_id": r.doc_id})
    df = pd.DataFrame(rows, columns=["date", "event", "doc_id"]).drop_duplicates()
    df["_undated"] = df["date"] == ""
    return (df.sort_values(["_undated", "date", "event"], kind="stable").drop(columns="_undated")
            .reset_index(drop=True))


def recent_window(project: Project, end: _dt.date | None, days: int = RECENT_DAYS
                  ) -> tuple[_dt.date, _dt.date] | None:
    """The last ``days`` days up to ``end`` (default: the latest statement or interaction date)."""
    if end is None:
        dates = [d for d in list(project.statements["date"]) + list(project.interactions["date"]) if d]
        if not dates:
            return None
        end = _dt.date.fromisoformat(max(dates))
    return end - _dt.timedelta(days=days - 1), end


def recent_changes(project: Project, focus: str, kind: str, end: _dt.date | None,
                   days: int = RECENT_DAYS) -> dict:
    """What changed in the last ``days`` days up to ``end``.

    Returns ``{"window": (first, last) or None, "statements": evidence rows in
    the window, "changes": DataFrame}``. ``changes`` lists every (speaker,
    concept) of the focus whose position in the window differs from its position
    before it: ``speaker, concept, before, now`` where ``before`` is ``""`` for
    a first statement ("new"), else the earlier position (see :func:`stance_summary`).

    Worked example: Lavrov opposed X on Jan 10 and supports X on Jan 20; with
    end Jan 20 the window is Jan 14-20 and the change row is (lavrov, X,
    "opposes", "supports").
    """
    win = recent_window(project, end, days)
    col = "speaker" if kind == "actor" else "concept"
    st = project.statements[project.statements[col] == focus]
    empty = pd.DataFrame(columns=["speaker", "concept", "before", "now"])
    if win is None:
        return {"window": None, "statements": evidence(project, st.iloc[0:0]), "changes": empty}
    first, last = win
    inside = select_statements(st, start=first, end=last)
    before = select_statements(st, end=first - _dt.timedelta(days=1))
    now_sum = stance_summary(inside, ["speaker", "concept"]) if len(inside) else None
    rows = []
    if now_sum is not None:
        prev = {}
        if not before.empty:
            b = stance_summary(before, ["speaker", "concept"])
            prev = {(s, c): p for s, c, p in zip(b["speaker"], b["concept"], b["position"])}
        for s, c, p in zip(now_sum["speaker"], now_sum["concept"], now_sum["position"]):
            old = prev.get((s, c), "")
            if old != p:
                rows.append({"speaker": s, "concept": c, "before": old, "now": p})
    return {"window": win, "statements": evidence(project, inside),
            "changes": pd.DataFrame(rows, columns=empty.columns)}


# -- coverage ----------------------------------------------------------------------
def coverage(project: Project, focus: str, kind: str) -> dict:
    """Coverage caveats: how much material the brief rests on and which sides are missing.

    Returns ``n_documents`` (documents with at least one statement or interaction
    in range), ``n_corpus_documents``, ``outlets`` (sorted names), ``n_statements``,
    ``n_focus_statements``, ``by_side`` (DataFrame ``side, statements, share``
    over :data:`SIDES`, by the speaker's bloc), ``under_represented`` (sides whose
    share is below :data:`UNDER_REPRESENTED` of an equal share), ``inexact_dates``
    (documents used whose date is inferred), ``source`` and ``low_confidence``
    (statements with confidence < 1, i.e. extracted guesses).

    Worked example: 6 statements, 5 by west speakers and 1 by russia speakers, none
    by ukraine: equal share is 1/3, threshold 1/6; russia's 1/6 is not below it,
    ukraine's 0 is -> under_represented == ["ukraine"].
    """
    st, it, cb = project.statements, project.interactions, project.codebook
    used = sorted(set(st["doc_id"]) | set(it["doc_id"]))
    docs = [project.corpus[d] for d in used if d in project.corpus]
    bloc = st["speaker"].map(cb.bloc_of)
    counts = [int((bloc == side).sum()) for side in SIDES]
    total = sum(counts)
    by_side = pd.DataFrame({"side": list(SIDES), "statements": counts,
                            "share": [round(c / total, 3) if total else 0.0 for c in counts]})
    threshold = UNDER_REPRESENTED / len(SIDES)
    under = [s for s, c in zip(SIDES, counts) if (c / total if total else 0.0) < threshold]
    col = "speaker" if kind == "actor" else "concept"
    return {
        "n_documents": len(docs), "n_corpus_documents": len(project.corpus),
        "outlets": sorted({d.outlet for d in docs if d.outlet}),
        "n_statements": len(st), "n_focus_statements": int((st[col] == focus).sum()),
        "by_side": by_side, "under_represented": under,
        "inexact_dates": sorted(d.id for d in docs if d.date is not None and not d.date_exact),
        "source": project.source,
        "low_confidence": int((st["confidence"] < 1).sum()) if len(st) else 0,
    }
