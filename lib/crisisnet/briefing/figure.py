"""The brief's network figure: congruence and conflict ties around the focus, drawn as SVG.

The data come from :func:`crisisnet.networks.actor_network` (speaker level,
a statement counted once per document, like :func:`content.alignment`); for a
concept brief only the statements on that concept enter, so the figure is the
concept's coalition map. :func:`figure_data` returns the nodes and edges drawn,
so tests assert on the data rather than on pixels. :func:`figure_html` returns
the figure as an ``<img>`` with a base64 SVG data URI: self-contained (no
network access), isolated from the page's CSS, and deterministic (fixed layout
seed, ``svg.hashsalt``, no date metadata).
"""

from __future__ import annotations

import base64
import io

import pandas as pd

from ..filters import select_statements
from ..networks import actor_network
from ..analysis import actor_positions
from ..figures import POSITION_COLORS
from ..plotting import BLOC_COLORS, OKABE_ITO, TIE_COLORS, use_style
from .sections import Html, esc

LAYOUT_SEED = 7


def figure_data(project, focus: str, kind: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and edges of the figure.

    ``nodes``: ``id, label, bloc, color, focus`` (``color`` is the bloc colour; for a
    concept brief the colour of the actor's position on the concept). ``edges``:
    ``source, target, relation (agrees|opposes), weight``; for an actor brief only
    ties of the focus and among its direct neighbours are kept.
    """
    st = project.statements
    if kind == "concept":
        st = st[st["concept"] == focus]
    st = select_statements(st, duplicates="document")
    cb = project.codebook
    edges = []
    for relation, agreement in (("agrees", "congruence"), ("opposes", "conflict")):
        e = actor_network(st, agreement, codebook=cb).edges()
        e["relation"] = relation
        edges.append(e)
    edges = pd.concat(edges, ignore_index=True)[["source", "target", "relation", "weight"]]
    if kind == "actor":
        nbrs = set(edges.loc[edges["source"] == focus, "target"]) | \
            set(edges.loc[edges["target"] == focus, "source"]) | {focus}
        edges = edges[edges["source"].isin(nbrs) & edges["target"].isin(nbrs)]
        ids = sorted(nbrs)
    else:
        ids = sorted(set(st["speaker"]))
    position = {}
    if kind == "concept":
        pos = actor_positions(st, "speaker")
        position = dict(zip(pos["actor"], pos["position"]))
    nodes = pd.DataFrame([{
        "id": a, "label": _short(cb, a),
        "bloc": cb.bloc_of(a),
        "color": (POSITION_COLORS[position[a]] if kind == "concept"
                  else BLOC_COLORS.get(cb.bloc_of(a),
                                       OKABE_ITO["grey"])),
        "focus": a == focus} for a in ids], columns=["id", "label", "bloc", "color", "focus"])
    return nodes, edges.sort_values(["relation", "source", "target"]).reset_index(drop=True)


def _short(cb, actor_id: str) -> str:
    """A short node label: a person's last name, a collective's name."""
    if actor_id in cb.actors:
        a = cb.actors[actor_id]
        return a.name.split()[-1] if a.is_person else a.name
    return cb.label(actor_id)


def draw(nodes: pd.DataFrame, edges: pd.DataFrame, focus_label: str = ""):
    """A matplotlib figure of the network (deterministic spring layout)."""
    import matplotlib.pyplot as plt
    import networkx as nx
    from matplotlib.lines import Line2D

    use_style()
    g = nx.Graph()
    g.add_nodes_from(nodes["id"])
    for r in edges.itertuples(index=False):
        if r.relation == "agrees":
            g.add_edge(r.source, r.target, weight=float(r.weight))
    for r in edges.itertuples(index=False):
        if r.relation == "opposes" and not g.has_edge(r.source, r.target):
            g.add_edge(r.source, r.target, weight=0.05)
    pos = nx.spring_layout(g, seed=LAYOUT_SEED, weight="weight") if len(g) else {}
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.set_axis_off()
    wmax = max([1.0, *edges["weight"].tolist()])
    for r in edges.itertuples(index=False):
        (x0, y0), (x1, y1) = pos[r.source], pos[r.target]
        ax.plot([x0, x1], [y0, y1], color=TIE_COLORS["congruence" if r.relation == "agrees" else "conflict"],
                linewidth=0.6 + 2.4 * r.weight / wmax, alpha=0.55,
                linestyle="-" if r.relation == "agrees" else (0, (3, 2)), zorder=1)
    for r in nodes.itertuples(index=False):
        x, y = pos[r.id]
        ax.scatter([x], [y], s=420 if r.focus else 160, color=r.color, zorder=2,
                   edgecolors="black", linewidths=2.2 if r.focus else 0.6)
        ax.annotate(r.label, (x, y), xytext=(0, -14 if not r.focus else -18),
                    textcoords="offset points", ha="center", va="top",
                    fontsize=9 if r.focus else 7.5, fontweight="bold" if r.focus else "normal", zorder=3)
    handles = [Line2D([], [], color=TIE_COLORS["congruence"], label="agree"),
               Line2D([], [], color=TIE_COLORS["conflict"], linestyle=(0, (3, 2)), label="oppose")]
    ax.legend(handles=handles, loc="upper right", fontsize=7, frameon=False)
    ax.margins(0.12)
    return fig


def figure_svg(nodes: pd.DataFrame, edges: pd.DataFrame) -> str:
    """The figure as SVG text (no date metadata, fixed id salt: identical on every run)."""
    import matplotlib.pyplot as plt

    fig = draw(nodes, edges)
    buf = io.BytesIO()
    with plt.rc_context({"svg.hashsalt": "crisisnet", "svg.fonttype": "path"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue().decode("utf-8")


def figure_html(project, focus: str, kind: str) -> Html:
    """``<figure>`` with the network as a base64 SVG image and a caption."""
    nodes, edges = figure_data(project, focus, kind)
    if edges.empty:
        return Html("")
    svg = base64.b64encode(figure_svg(nodes, edges).encode("utf-8")).decode("ascii")
    name = project.codebook.label(focus)
    caption = (f"Who agrees (solid blue) and who opposes (dashed orange) {name}; colours are blocs."
               if kind == "actor" else
               f"Actors on {name}: blue supports, vermillion opposes, purple both, grey mentions without a side; solid ties agree, "
               "dashed ties oppose.")
    return Html(f'<figure class="network"><img alt="{esc("network around " + name)}" '
                f'src="data:image/svg+xml;base64,{svg}"><figcaption>{esc(caption)}</figcaption></figure>')
