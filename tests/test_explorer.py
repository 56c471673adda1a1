"""The explorer's logic (selections -> statements, networks, evidence) and its widgets, headless.

The fixture is a hand-made corpus small enough to compute every result by hand:

=====  =========  ======  ==========  ========  =======  ======
row    doc        outlet  date        speaker   concept  stance
=====  =========  ======  ==========  ========  =======  ======
0      d1         Alpha   2022-01-10  alice     door     +1
1      d1         Alpha   2022-01-10  boris     door     -1
2      d1         Alpha   2022-01-12  alice     arms     +1
3      d2         Beta    2022-01-26  boris     arms     +1
4      d2         Beta    2022-01-26  usa       door     +1
=====  =========  ======  ==========  ========  =======  ======

alice speaks for the usa, boris for russia.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from crisisnet.codebook import Actor, Codebook, Concept
from crisisnet.corpus import Corpus, Document
from crisisnet.errors import ParameterError
from crisisnet.explorer import Explorer, ExplorerApp, Selection, describe
from crisisnet.interactive import remote_references
from crisisnet.project import Project


@pytest.fixture(scope="module")
def explorer() -> Explorer:
    actors = {a.id: a for a in [
        Actor("alice", "Alice A", "person", "usa", bloc="west"),
        Actor("boris", "Boris B", "person", "russia", bloc="russia"),
        Actor("usa", "United States", "state", "usa", bloc="west"),
        Actor("russia", "Russia", "state", "russia", bloc="russia")]}
    concepts = {c: Concept(c, c.title(), "d", "s", "o") for c in ("door", "arms")}
    corpus = Corpus([Document("d1", "x" * 100, outlet="Alpha", date=dt.date(2022, 1, 12)),
                     Document("d2", "y" * 100, outlet="Beta", date=dt.date(2022, 1, 26))])
    rows = [("d1", 0, "2022-01-10", "alice", "usa", "door", 1, "the door stays <open>"),
            ("d1", 10, "2022-01-10", "boris", "russia", "door", -1, "never"),
            ("d1", 20, "2022-01-12", "alice", "usa", "arms", 1, "limits, yes"),
            ("d2", 0, "2022-01-26", "boris", "russia", "arms", 1, "talks on missiles"),
            ("d2", 10, "2022-01-26", "usa", "usa", "door", 1, "written: the door stays")]
    st = pd.DataFrame(rows, columns=["doc_id", "start", "date", "speaker", "organization", "concept",
                                     "stance", "text"])
    st = st.assign(end=st["start"] + 5, mode="direct", source="coded", cue="said", confidence=1.0, note="")
    project = Project("toy", "coded", corpus, Codebook(actors, concepts), st, pd.DataFrame())
    return Explorer({"coded": project})


def test_filters_select_the_hand_computed_rows(explorer):
    assert list(explorer.statements(Selection()).index) == [0, 1, 2, 3, 4]
    assert list(explorer.statements(Selection(outlets=("Alpha",))).index) == [0, 1, 2]
    assert list(explorer.statements(Selection(start="2022-01-12", end="2022-01-26")).index) == [2, 3, 4]
    # an organization id selects its speakers too
    assert list(explorer.statements(Selection(actors=("usa",))).index) == [0, 2, 4]
    assert list(explorer.statements(Selection(concepts=("arms",))).index) == [2, 3]
    assert set(explorer.statements(Selection())["outlet"]) == {"Alpha", "Beta"}


def test_network_weights_by_hand(explorer):
    """By hand, subtract = congruence - conflict on +-1 stances.

    Speaker level: alice (door +1, arms +1) and boris (door -1, arms +1) agree on arms and clash on
    the door: 1 - 1 = 0, no tie; alice-usa = 1 (door); boris-usa = 0 - 1 = -1 (door).
    Organization level: usa = {door +1 (x2), arms +1}, russia = {door -1, arms +1}:
    congruence 1*1 (arms) - conflict 2*1 (door) = -1.
    Two-mode activity: alice made 2 statements, 1 on the door -> 0.5.
    """
    net = explorer.network(Selection())
    assert net.weight("alice", "usa") == 1 and net.weight("boris", "usa") == -1
    assert "alice" not in net.rows or net.weight("alice", "boris") == 0
    org = explorer.network(Selection(level="organization"))
    assert org.weight("russia", "usa") == -1
    two = explorer.network(Selection(network="two-mode", normalization="activity", agreement="congruence"))
    assert two.weight("alice", "door") == 0.5   # 1 of alice's 2 statements


def test_statements_behind_an_actor(explorer):
    table = explorer.statements_behind(Selection(), "usa")
    assert list(table["text"]) == ["the door stays <open>", "limits, yes", "written: the door stays"]
    assert list(table["outlet"]) == ["Alpha", "Alpha", "Beta"]
    assert explorer.statements_behind(Selection(end="2022-01-11"), "boris")["text"].tolist() == ["never"]


def test_positions_distinguish_no_statement(explorer):
    pos = explorer.positions(Selection())
    assert pos.at["alice", "door"] == "support" and pos.at["boris", "door"] == "oppose"
    assert pos.at["usa", "arms"] == "none"


@pytest.mark.parametrize("sel, match", [
    (Selection(normalization="activity"), "normalization: 'activity' is not one of none, average"),
    (Selection(actors=("alcie",)), "did you mean 'alice'"),
    (Selection(start="2022-02-01", end="2022-01-01"), "start 2022-02-01 is after end"),
    (Selection(source="extracted"), "source: 'extracted' is not one of coded"),
    (Selection(outlets=("Gamma",)), "outlets: 'Gamma'"),
])
def test_bad_selections_name_the_parameter(explorer, sel, match):
    with pytest.raises(ParameterError, match=match):
        explorer.statements(sel)


def test_figures_and_page(explorer):
    import matplotlib.pyplot as plt
    for kind in ("actor", "two-mode", "concept"):
        plt.close(explorer.network_figure(Selection(network=kind)))
    plt.close(explorer.heatmap_figure(Selection()))
    page = explorer.page(Selection(network="two-mode"))
    assert remote_references(page) == []
    assert "the door stays \\u003copen\\u003e" in page and "<open>" not in page
    assert describe(Selection(network="two-mode")).startswith("Actor x concept network")


def test_app_redraws_and_shows_evidence_headless(explorer):
    app = ExplorerApp(explorer, Selection())
    assert app.update() and len(app.figures.outputs) == 2          # network + heatmap images
    app.controls["network"].value = "two-mode"                       # normalizations follow the kind
    assert app.controls["normalization"].options == ("none", "activity", "prominence")
    assert app.selection.network == "two-mode"
    app.controls["outlets"].value = ("Beta",)
    assert app.selection.outlets == ("Beta",)
    table = app.show_actor("boris")
    assert table["text"].tolist() == ["talks on missiles"] and len(app.evidence.outputs) == 2
    app.controls["start"].value = "2022-13-01"                       # bad date: message, no redraw
    assert not app.update() and "is not a date" in app.message.value
    assert app.selection.outlets == ("Beta",) and app.selection.start == ""
    app.controls["start"].value = ""
    app.controls["concepts"].value = ("arms",)
    app.controls["actors"].value = ("usa",)
    app.controls["outlets"].value = ("Beta",)                        # nothing left: a message, no crash
    assert app.update() and any("Nothing to draw" in o.get("text", "") for o in app.figures.outputs)


def test_sources_that_do_not_load_are_listed_not_fatal():
    ex = Explorer.load("seeds", ("coded", "bogus"))
    assert ex.sources == ["coded"] and "bogus" in ex.skipped and "is not one of" in ex.skipped["bogus"]
    with pytest.raises(ParameterError, match="no statements for corpus 'seeds'"):
        Explorer.load("seeds", ("bogus",))
