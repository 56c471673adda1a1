"""Briefing content and HTML sections on the hand-made mini project (no papermill, fast).

Facts of the mini project are listed in ``tests/briefing_helpers.py``; every
expectation below is computed by hand from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import lxml.html
import pandas as pd
import pytest

from briefing_helpers import IMG, SCRIPT, make_project
from crisisnet.briefing import content as C
from crisisnet.briefing import sections as S
from crisisnet.briefing.figure import figure_data
from crisisnet.errors import ParameterError
from crisisnet.project import load_project


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return load_project(str(make_project(tmp_path_factory.mktemp("mini") / "mini")))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = make_project(tmp_path_factory.mktemp("hostile") / "hostile", hostile=True)
    return load_project(str(folder))


# -- parameters ------------------------------------------------------------------
def test_unknown_focus_names_closest_id(mini):
    with pytest.raises(ParameterError) as e:
        C.check_params(mini.codebook, focus="lavorv")
    msg = str(e.value)
    assert "parameter focus" in msg and "unknown actor or concept 'lavorv'" in msg
    assert "did you mean 'lavrov'?" in msg
    assert "nato_open_door" in msg  # valid ids are listed


def test_kind_forced_by_cli_rejects_the_other_namespace(mini):
    with pytest.raises(ParameterError, match="unknown concept 'lavrov'"):
        C.check_params(mini.codebook, focus="lavrov", kind="concept")
    assert C.check_params(mini.codebook, focus="diplomacy").kind == "concept"


@pytest.mark.parametrize("kwargs, message", [
    ({"start": "2022-13-01"}, "parameter start"),
    ({"start": "2022-01-20", "end": "2022-01-10"}, "is after end"),
    ({"source": "guessed"}, "parameter source"),
    ({"focus": 7}, "parameter focus"),
    ({"title": ["x"]}, "parameter title"),
])
def test_bad_parameters_fail_with_the_parameter_named(mini, kwargs, message):
    with pytest.raises(ParameterError, match=message):
        C.check_params(mini.codebook, **{"focus": "lavrov", **kwargs})


def test_open_brief_rejects_unknown_corpus():
    with pytest.raises(ParameterError, match="parameter corpus"):
        C.open_brief(focus="lavrov", corpus="no-such-corpus")


def test_default_title_and_slug(mini):
    p = C.check_params(mini.codebook, focus="nato_open_door")
    assert p.title == "Briefing: NATO open door"
    assert p.slug == "concept-nato-open-door"


@pytest.mark.parametrize("text, slug", [
    ("actor-../../etc/passwd", "actor-etc-passwd"),
    ("..", "brief"),
    ("a/b\\c:d", "a-b-c-d"),
    ("Ünïcode <b>", "n-code-b"),
])
def test_slugify_never_leaves_the_folder(text, slug):
    assert C.slugify(text) == slug


# -- content ---------------------------------------------------------------------
def test_actor_positions_quote_verbatim_with_sources(mini):
    summary, ev = C.actor_positions(mini, "lavrov")
    assert dict(zip(summary["concept"], summary["position"])) == {
        "diplomacy": "supports", "nato_open_door": "opposes"}
    assert list(ev["quote"]) == ["NATO must stop its expansion to the east.", "We want talks.",
                                 "Dialogue is possible."]
    assert list(ev["outlet"]) == ["Wire A", "Wire A", "Wire B"]
    assert list(ev["ref"]) == [1, 1, 2]  # d1 is source [1], d2 is [2]
    assert ev.loc[0, "url"] == "https://example.org/a"


def test_alignment_from_congruence_and_conflict(mini):
    ties = C.alignment(mini, "lavrov")
    got = {(r.actor, r.relation): (r.weight, tuple(r.concepts)) for r in ties.itertuples()}
    # diplomacy: Lavrov 2 statements (d1, d2) x Blinken 1 -> congruence 2
    assert got == {("blinken", "agrees"): (2.0, ("diplomacy",)),
                   ("peskov", "agrees"): (1.0, ("nato_open_door",)),
                   ("blinken", "opposes"): (1.0, ("nato_open_door",)),
                   ("stoltenberg", "opposes"): (1.0, ("nato_open_door",))}
    # the rows behind each tie are the other actor's verbatim statements
    peskov = ties[(ties["actor"] == "peskov")].iloc[0]
    assert list(mini.statements.loc[peskov["rows"], "text"]) == ["Ukraine must never join NATO."]


def test_coalitions_and_common_ground(mini):
    assert C.coalitions(mini, "nato_open_door") == {
        "supports": ["blinken", "stoltenberg"], "opposes": ["lavrov", "peskov"],
        "mixed": [], "mentions": []}
    cg = C.common_ground(mini, "nato_open_door")
    assert cg[["concept", "stance_word", "supporters", "opponents"]].values.tolist() == [
        ["diplomacy", "supports", "blinken", "lavrov"]]


def test_interactions_and_timeline(mini):
    it = C.actor_interactions(mini, "blinken")
    assert it[["date", "source_actor", "target_actor", "type", "place"]].values.tolist() == [
        ["2022-01-21", "lavrov", "blinken", "met", "Geneva"]]
    tl = C.timeline(mini, "lavrov", "actor")
    assert list(tl["date"]) == ["2022-01-10", "2022-01-10", "2022-01-20", "2022-01-21"]
    assert tl["event"].iloc[-1] == "Sergei Lavrov met Antony Blinken (Geneva)"


def test_restrict_keeps_dates_in_range_and_row_labels(mini):
    p = C.restrict(mini, dt.date(2022, 1, 15), None)
    assert set(p.statements["doc_id"]) == {"d2"}
    assert list(p.statements.index) == [4, 5, 6]  # labels kept for provenance
    assert list(p.interactions["date"]) == ["2022-01-21"]


def test_recent_changes_reports_a_shift(mini):
    """Lavrov opposed the open door on Jan 10; add a Jan 20 statement supporting it.

    End Jan 21 -> window Jan 15-21; the change row is (lavrov, nato_open_door, opposes, supports).
    """
    extra = mini.statements.iloc[[0]].assign(stance=1, date="2022-01-20")
    p = replace(mini, statements=pd.concat([mini.statements, extra], ignore_index=True))
    r = C.recent_changes(p, "lavrov", "actor", dt.date(2022, 1, 21))
    assert r["window"] == (dt.date(2022, 1, 15), dt.date(2022, 1, 21))
    assert r["changes"].values.tolist() == [["lavrov", "nato_open_door", "opposes", "supports"]]
    assert len(r["statements"]) == 2  # "Dialogue is possible." and the added one


def test_recent_changes_window_defaults_to_latest_date(mini):
    r = C.recent_changes(mini, "lavrov", "actor", None)
    assert r["window"] == (dt.date(2022, 1, 15), dt.date(2022, 1, 21))  # the Jan 21 meeting
    assert r["changes"].empty  # diplomacy: supported before and now


def test_coverage_flags_missing_side(mini):
    cv = C.coverage(mini, "lavrov", "actor")
    assert cv["n_documents"] == 2 and cv["outlets"] == ["Wire A", "Wire B"]
    assert cv["by_side"]["statements"].tolist() == [3, 4, 0]  # west, russia, ukraine
    assert cv["under_represented"] == ["ukraine"]
    assert cv["inexact_dates"] == ["d2"]
    assert cv["n_focus_statements"] == 3


def test_figure_data_highlights_focus(mini):
    nodes, edges = figure_data(mini, "lavrov", "actor")
    assert nodes.loc[nodes["focus"], "id"].tolist() == ["lavrov"]
    assert set(nodes["id"]) == {"lavrov", "peskov", "blinken", "stoltenberg"}
    lav = edges[(edges["source"] == "lavrov") | (edges["target"] == "lavrov")]
    assert sorted(zip(lav["relation"], lav["source"], lav["target"])) == [
        ("agrees", "blinken", "lavrov"), ("agrees", "lavrov", "peskov"),
        ("opposes", "blinken", "lavrov"), ("opposes", "lavrov", "stoltenberg")]


# -- HTML safety -------------------------------------------------------------------
def _all_sections(project) -> str:
    out = []
    for focus in ("lavrov", "peskov", "nato_open_door"):
        brief = C.Brief(params=C.check_params(project.codebook, focus=focus,
                                              title="<script>alert(1)</script>"), project=project)
        out += [S.title_block(brief), S.profile(brief), S.changes(brief), S.stances(brief),
                S.alignment(brief), S.network(brief), S.exchanges(brief), S.events(brief),
                S.caveats(brief), S.references(brief)]
    return "".join(out)


def test_every_document_and_codebook_string_is_escaped(hostile):
    html = _all_sections(hostile)
    doc = lxml.html.fragment_fromstring(html, create_parent="div")
    assert doc.findall(".//script") == [] and doc.findall(".//i") == []
    assert [img.get("src")[:26] for img in doc.iter("img")] == ["data:image/svg+xml;base64,"] * 3
    assert not any(a.startswith("on") for el in doc.iter() for a in el.attrib)
    text = doc.text_content()
    assert SCRIPT in text and IMG in text  # shown as text, verbatim
    assert "Wire <b>A</b>" in text and "Dmitry <i>Peskov</i>" in text
    assert "javascript:" not in [a.get("href", "") for a in doc.iter("a")]
    assert all(a.get("href", "").startswith("https://") for a in doc.iter("a"))


def test_safe_url_allows_only_http():
    assert S.safe_url("https://example.org/x?a=1") == "https://example.org/x?a=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.org", "file:///etc/passwd", ""):
        assert S.safe_url(bad) == ""
    assert str(S.link("t<", "javascript:x")) == "t&lt;"
