"""HTML fragments of a brief, with every string from a document or the codebook escaped.

Quotes, titles, outlet names and codebook labels are data, and data can hold
``<script>``. Every fragment here is built from :func:`esc` (``html.escape``
with ``quote=True``) around each value; the only markup is this module's own.
Links are made only for ``http``/``https`` URLs (a ``javascript:`` URL is shown
as text). Functions return :class:`Html` strings, which the notebook shows with
``IPython.display.HTML``.
"""

from __future__ import annotations

import html as _html
from urllib.parse import urlsplit

import pandas as pd

from . import content as C

#: longest list of ties shown per relation (the brief is meant to fit on two pages)
MAX_TIES = 3
#: quotes shown per tie (the latest); the rest are counted
MAX_QUOTES_PER_TIE = 1
#: longest timeline shown (most recent events are kept)
MAX_TIMELINE = 6
#: quotes shown per issue (actor brief) or per actor (concept brief), the latest; the rest are counted
MAX_QUOTES = 2
#: meetings and exchanges shown, the latest
MAX_INTERACTIONS = 6


class Html(str):
    """A string of markup built by this module (never wrap data in it)."""

    def _repr_html_(self) -> str:
        return str(self)


def esc(value) -> str:
    """``value`` as HTML text: ``&``, ``<``, ``>``, ``"`` and ``'`` escaped; None -> ``""``."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, Html):
        return str(value)
    return _html.escape(str(value), quote=True)


def safe_url(url: str) -> str:
    """``url`` when it is an absolute http(s) URL, else ``""`` (no ``javascript:``/``data:`` links)."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme in ("http", "https") and parts.netloc else ""


def link(text, url: str) -> Html:
    """``<a href>`` to a safe URL, else the escaped text alone."""
    href = safe_url(url)
    if not href:
        return Html(esc(text))
    return Html(f'<a href="{esc(href)}">{esc(text)}</a>')


def table(header: list[str], rows: list[list], cls: str = "") -> Html:
    """An HTML table; each cell is escaped unless it is :class:`Html` built here."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    c = f' class="{esc(cls)}"' if cls else ""
    return Html(f"<table{c}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def section(title: str, body: str, cls: str = "") -> Html:
    c = f' class="{esc(cls)}"' if cls else ""
    return Html(f"<section{c}><h2>{esc(title)}</h2>{body}</section>")


def para(text) -> Html:
    return Html(f"<p>{esc(text)}</p>")


def stance_badge(word: str) -> Html:
    """A coloured label for a position word (supports, opposes, mixed, mentions)."""
    return Html(f'<span class="stance stance-{esc(word)}">{esc(word)}</span>')


def ref(n, date: str = "") -> Html:
    """A citation of source ``n`` of the reference list: ``[2, 2022-01-27]``."""
    return Html(f'<span class="cite">[{esc(n)}{", " + esc(date) if date else ""}]</span>')


def quote_block(row) -> Html:
    """A verbatim quote with its source reference: “…” [2, 2022-01-27]."""
    return Html(f'<q>{esc(row["quote"])}</q> {ref(row["ref"], row["date"])}')


# -- the sections ---------------------------------------------------------------
def header(params: C.BriefParams, project) -> Html:
    """Title, what the brief covers (focus, date range, corpus, source)."""
    rng = f"{params.start or 'first'} to {params.end or 'latest'}"
    kind = "Actor" if params.kind == "actor" else "Concept"
    meta = (f"{kind}: <strong>{esc(project.codebook.label(params.focus))}</strong> "
            f"(<code>{esc(params.focus)}</code>) · dates {esc(rng)} · corpus "
            f"<code>{esc(project.name)}</code> · statements: {esc(params.source)}")
    return Html(f'<header class="brief-header"><h1>{esc(params.title)}</h1>'
                f'<p class="meta">{meta}</p></header>')


def actor_profile(project, actor_id: str) -> Html:
    """Who the actor is: role(s) with dates, organization, country, bloc."""
    p = C.actor_profile(project, actor_id)
    roles = "; ".join(f"{esc(r['title'])} ({esc(r['start'] or '?')} – {esc(r['end'] or 'present')})"
                      for r in p["roles"]) or "no role recorded in the codebook"
    items = [("Name", esc(p["name"])), ("Role", roles),
             ("Speaks for", esc(p["organization"]) or "itself"),
             ("Country / bloc", esc(" / ".join(x for x in (p["country"], p["bloc"]) if x)))]
    if p["description"]:
        items.append(("Note", esc(p["description"])))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items)
    return section("Who", f'<dl class="profile">{dl}</dl>')


def concept_profile(project, concept_id: str) -> Html:
    p = C.concept_profile(project, concept_id)
    items = [("Issue", p["label"]), ("Definition", p["definition"]),
             ("Support means", p["support"]), ("Oppose means", p["oppose"])]
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in items)
    return section("The issue", f'<dl class="profile">{dl}</dl>')


def positions(project, focus: str, kind: str) -> Html:
    """Stated positions with verbatim quotes: by concept (actor brief) or by actor (concept brief)."""
    if kind == "actor":
        summary, ev = C.actor_positions(project, focus)
        title, by, label_col, head = "Stated positions", "concept", "concept_label", "Issue"
    else:
        summary, ev = C.concept_positions(project, focus)
        title, by, label_col, head = "Who stands where", "speaker", "speaker_name", "Actor"
    if ev.empty:
        return section(title, para("No statements in this date range."))
    position = dict(zip(summary[by], summary["position"]))
    rows = []
    for key, g in ev.groupby(by, sort=True):
        shown = g.tail(MAX_QUOTES)
        quotes = "".join(f"<div>{stance_badge(r['stance_word'])} {quote_block(r)}</div>"
                         for _, r in shown.iterrows())
        if len(g) > len(shown):
            quotes += f'<div class="more">(+{len(g) - len(shown)} earlier statement(s))</div>'
        rows.append([Html(f"<strong>{esc(g.iloc[0][label_col])}</strong><br>"
                          f"{stance_badge(position[key])}"), Html(quotes)])
    return section(title, table([head, "Evidence (verbatim, with source)"], rows, "evidence"))


def _tie_rows(project, ties: pd.DataFrame) -> list[list]:
    """One row per tie: the other actor, the tie weight, and their latest statement(s) behind it."""
    rows = []
    for t in ties.head(MAX_TIES).itertuples(index=False):
        ev = C.evidence(project, project.statements.loc[t.rows])
        shown = ev.tail(MAX_QUOTES_PER_TIE)  # evidence is sorted by date: the latest
        quotes = "".join(f"<div><strong>{esc(r['concept_label'])}</strong> "
                         f"{stance_badge(r['stance_word'])} {quote_block(r)}</div>"
                         for _, r in shown.iterrows())
        if len(ev) > len(shown):
            quotes += f'<div class="more">(+{len(ev) - len(shown)} more statement(s) behind this tie)</div>'
        rows.append([Html(f"<strong>{esc(t.name)}</strong><br><small>{esc(t.bloc)}</small>"),
                     f"{t.weight:g}", Html(quotes)])
    return rows


def allies_opponents(project, actor_id: str) -> Html:
    """Who agrees and who opposes, with the statements behind each tie."""
    ties = C.alignment(project, actor_id)
    name = project.codebook.label(actor_id)
    parts = []
    for relation, title in (("agrees", f"Agree with {name}"), ("opposes", f"Oppose {name}")):
        t = ties[ties["relation"] == relation]
        if t.empty:
            parts.append(f"<h3>{esc(title)}</h3>" + para("Nobody in this date range."))
            continue
        more = len(t) - MAX_TIES
        parts.append(f"<h3>{esc(title)}</h3>" + table(
            ["Actor", "Weight", "Their statements behind the tie (latest shown)"],
            _tie_rows(project, t), "ties")
            + (para(f"… and {more} more.") if more > 0 else ""))
    note = para("Weight: congruence (same stance on the same issue) or conflict (opposite stances) "
                "tie, each statement counted once per document; an actor can agree on one issue and "
                "oppose on another.")
    return section("Who agrees, who opposes", "".join(parts) + note)


def coalition_map(project, concept_id: str) -> Html:
    """Actors grouped by their position on a concept."""
    groups = C.coalitions(project, concept_id)
    cb = project.codebook
    rows = [[stance_badge(pos), ", ".join(cb.label(a) for a in ids)]
            for pos, ids in groups.items() if ids]
    if not rows:
        return section("Coalition map", para("No statements in this date range."))
    return section("Coalition map", table(["Position", "Actors"], rows, "coalitions"))


def common_ground(project, concept_id: str) -> Html:
    """Issues on which supporters and opponents of the concept agree."""
    cg = C.common_ground(project, concept_id)
    cb = project.codebook
    if cg.empty:
        return section("Common ground", para("No other issue on which a supporter and an opponent "
                                             "of this one take the same side."))
    rows = [[r.concept_label, stance_badge(r.stance_word),
             ", ".join(cb.label(a) for a in r.supporters.split(", ")),
             ", ".join(cb.label(a) for a in r.opponents.split(", "))]
            for r in cg.itertuples(index=False)]
    return section("Common ground", table(["Issue", "Both", "Supporters of this issue",
                                           "Opponents of this issue"], rows, "common"))


def interactions(project, focus: str, kind: str = "actor") -> Html:
    """Meetings and exchanges of the actor (or among the actors who spoke on the concept)."""
    if kind == "actor":
        it = C.actor_interactions(project, focus)
    else:
        speakers = project.statements.loc[project.statements["concept"] == focus, "speaker"]
        it = C.interactions_among(project, speakers)
    if it.empty:
        return section("Meetings and exchanges", para("None recorded in this date range."))
    shown = it.tail(MAX_INTERACTIONS)
    rows = [[r["date"], f"{r['source_name']} {r['type']} {r['target_name']}", r["place"],
             Html(f"<q>{esc(r['quote'])}</q> {ref(r['ref'])}")]
            for _, r in shown.iterrows()]
    more = (para(f"({len(it) - len(shown)} earlier event(s) not shown.)")
            if len(it) > len(shown) else "")
    return section("Meetings and exchanges", more + table(["Date", "Event", "Place", "Evidence"],
                                                          rows, "interactions"))


def timeline(project, focus: str, kind: str) -> Html:
    tl = C.timeline(project, focus, kind)
    if tl.empty:
        return section("Timeline", para("No dated events."))
    shown = tl.tail(MAX_TIMELINE)
    items = "".join(f"<li><time>{esc(r.date or 'undated')}</time> {esc(r.event)}</li>"
                    for r in shown.itertuples(index=False))
    more = para(f"({len(tl) - len(shown)} earlier events not shown.)") if len(tl) > len(shown) else ""
    return section("Timeline", more + f'<ul class="timeline">{items}</ul>')


def recent(project, focus: str, kind: str, end) -> Html:
    """What changed in the last week of the range: new statements, first positions, shifts."""
    r = C.recent_changes(project, focus, kind, end)
    title = "What changed this week"
    if r["window"] is None:
        return section(title, para("No dated statements."))
    first, last = r["window"]
    cb = project.codebook
    ch = r["changes"]
    items = [f"{first.isoformat()} to {last.isoformat()}: {len(r['statements'])} statement(s)."]
    new = ch[ch["before"] == ""]
    if len(new):
        items.append("First stated positions: " + "; ".join(
            f"{cb.label(c.speaker)} {c.now} {cb.label(c.concept)}" for c in new.itertuples(index=False))
            + ".")
    for c in ch[ch["before"] != ""].itertuples(index=False):
        items.append(f"Shift: {cb.label(c.speaker)} on {cb.label(c.concept)}: {c.before} -> {c.now}.")
    if len(r["statements"]) and ch.empty:
        items.append("No change of position.")
    return section(title, '<ul class="changes">' + "".join(f"<li>{esc(i)}</li>" for i in items)
                   + "</ul>")


def coverage(project, focus: str, kind: str) -> Html:
    """Coverage caveats: documents, outlets, sides under-represented, inexact dates, source."""
    cv = C.coverage(project, focus, kind)
    items = [f"Based on {cv['n_statements']} statements ({cv['n_focus_statements']} on the focus) "
             f"from {cv['n_documents']} of {cv['n_corpus_documents']} documents in "
             f"{len(cv['outlets'])} outlet(s): {', '.join(cv['outlets']) or 'unknown'}.",
             "Statements by side: " + ", ".join(f"{s} {n}" for s, n in
                                                zip(cv["by_side"]["side"], cv["by_side"]["statements"])) + "."]
    if cv["under_represented"]:
        items.append("Under-represented: " + ", ".join(cv["under_represented"])
                     + " (their views may be missing, not absent).")
    if cv["inexact_dates"]:
        items.append(f"{len(cv['inexact_dates'])} document(s) have an inferred date: "
                     + ", ".join(cv["inexact_dates"]) + ".")
    if cv["source"] == "extracted":
        items.append(f"Statements were extracted automatically ({cv['low_confidence']} with "
                     "confidence below 1): check quotes against the sources.")
    items.append("“No statement” is not a position: nobody's stance is inferred from their bloc.")
    return section("Coverage caveats", '<ul class="caveats">' +
                   "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>", "caveats")


def source_list(project) -> Html:
    """The numbered sources: outlet, title (linked when the URL is known), date (marked when inferred)."""
    src = C.sources(project)
    if src.empty:
        return Html("")
    items = []
    for r in src.itertuples(index=False):
        date = (r.date + ("" if r.date_exact else " (date inferred)")) if r.date else "undated"
        outlet = f"{esc(r.outlet)}, " if r.outlet else ""
        items.append(f'<li value="{int(r.ref)}">{outlet}{link(r.title, r.url)}, {esc(date)} '
                     f'<small>({esc(r.doc_id)})</small></li>')
    return section("Sources", '<ol class="sources">' + "".join(items) + "</ol>", "sources")


# -- one call per notebook cell: the right section for the brief's kind -------------
def title_block(brief: C.Brief) -> Html:
    return header(brief.params, brief.project)


def profile(brief: C.Brief) -> Html:
    """Who the actor is / what the issue is."""
    p = brief.params
    return (actor_profile if p.kind == "actor" else concept_profile)(brief.project, p.focus)


def stances(brief: C.Brief) -> Html:
    return positions(brief.project, brief.params.focus, brief.params.kind)


def alignment(brief: C.Brief) -> Html:
    """Allies and opponents (actor) / coalition map and common ground (concept)."""
    p = brief.params
    if p.kind == "actor":
        return allies_opponents(brief.project, p.focus)
    return Html(coalition_map(brief.project, p.focus) + common_ground(brief.project, p.focus))


def exchanges(brief: C.Brief) -> Html:
    return interactions(brief.project, brief.params.focus, brief.params.kind)


def events(brief: C.Brief) -> Html:
    return timeline(brief.project, brief.params.focus, brief.params.kind)


def changes(brief: C.Brief) -> Html:
    return recent(brief.project, brief.params.focus, brief.params.kind, brief.params.end)


def network(brief: C.Brief) -> Html:
    """The network figure with the focus highlighted (empty when there is no tie)."""
    from .figure import figure_html
    fig = figure_html(brief.project, brief.params.focus, brief.params.kind)
    return section("Network", fig) if fig else Html("")


def references(brief: C.Brief) -> Html:
    return source_list(brief.project)


def caveats(brief: C.Brief) -> Html:
    return coverage(brief.project, brief.params.focus, brief.params.kind)
