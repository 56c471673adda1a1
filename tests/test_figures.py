"""Figures: the data behind each one, legends, and deterministic files."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from crisisnet.figures import (PERIODS, actor_network_figure, heatmap_data, interaction_figure,  # noqa: E402
                               network_layout, stance_heatmap, timeline_data, timeline_figure,
                               two_mode_figure)
from crisisnet.networks import actor_network, interaction_network  # noqa: E402
from crisisnet.plotting import save_figure, use_style  # noqa: E402

from networks_helpers import make_statements, worked_example  # noqa: E402


def legend_texts(fig):
    return [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]


def test_heatmap_data_distinguishes_no_statement_from_neutral():
    """c said nothing with a side on y (stance 0) -> neutral; b said nothing on z -> none; counts are evidence."""
    st = pd.concat([worked_example(), make_statements([("a", "z", 1)])], ignore_index=True)
    pos, n = heatmap_data(st)
    assert pos.loc["c", "y"] == "neutral" and n.loc["c", "y"] == 1
    assert pos.loc["b", "z"] == "none" and n.loc["b", "z"] == 0
    assert pos.loc["a", "x"] == "support" and n.loc["a", "x"] == 2


def test_heatmap_figure_legend_and_cells():
    use_style()
    fig = stance_heatmap(worked_example())
    texts = legend_texts(fig)
    assert "no stated position" in texts and "mentioned, no side (stance 0)" in texts
    # one annotated number per cell with a statement: a-x, a-y, b-x, b-y, c-x, c-y
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["1", "1", "1", "1", "1", "2"]
    plt.close(fig)


def test_network_layout_is_deterministic():
    g = actor_network(worked_example(), "ignore").to_networkx()
    assert network_layout(g, seed=7) == network_layout(g, seed=7)


def test_actor_network_figure_legend_explains_colours_and_widths():
    st = worked_example()
    fig = actor_network_figure(actor_network(st, "congruence"), actor_network(st, "conflict"))
    texts = legend_texts(fig)
    assert any(t.startswith("congruence") for t in texts) and any(t.startswith("conflict") for t in texts)
    assert any(t.startswith("weight") for t in texts)
    plt.close(fig)


def test_figures_are_saved_identically(tmp_path, seeds_project):
    p = seeds_project
    use_style()
    out = []
    for run in range(2):
        figs = {"net": actor_network_figure(actor_network(p.statements, "congruence", "average", "organization",
                                                          codebook=p.codebook),
                                            actor_network(p.statements, "conflict", "average", "organization",
                                                          codebook=p.codebook), seed=1),
                "two": two_mode_figure(p.statements, p.codebook),
                "inter": interaction_figure(interaction_network(p.interactions, p.codebook), seed=1)}
        files = {}
        for name, fig in figs.items():
            for path in save_figure(fig, name, tmp_path / str(run)):
                files[path.name] = path.read_bytes()
            plt.close(fig)
        out.append(files)
    assert out[0] == out[1]


def test_timeline_data_and_figure(seeds_project):
    p = seeds_project
    data = timeline_data(p.statements, p.interactions)
    st = data[data.kind == "statement"]
    assert st["count"].sum() == (p.statements["date"] != "").sum()
    meetings = data[(data.kind == "interaction") & (data.category == "met")]
    assert set(meetings["date"]) <= {"2022-01-10", "2022-01-11", "2022-01-12", "2022-01-13"}
    late = data[(data.kind == "interaction") & (data.date >= "2022-01-26")]
    assert late["count"].sum() > 0  # the written responses of 26-28 Jan
    fig = timeline_figure(p.statements, p.interactions)
    texts = legend_texts(fig)
    assert all(name in texts for name in PERIODS)
    plt.close(fig)


def test_empty_heatmap_has_clear_error():
    from crisisnet.errors import ParameterError
    with pytest.raises(ParameterError, match="no statements"):
        stance_heatmap(worked_example().iloc[0:0])
