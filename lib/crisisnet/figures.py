"""Figures of discourse networks (matplotlib). Each function returns a Figure; callers save it.

Public API
----------
network_layout(graph, seed=0) -> dict
    Deterministic spring layout (sorted nodes, fixed seed, rounded coordinates).
actor_network_figure(congruence, conflict, seed=0, title=...) -> Figure
    Congruence (blue) and conflict (vermillion) ties, widths by weight, nodes by bloc; a legend
    explains colours and widths.
two_mode_figure(statements, codebook=None, level="speaker") -> Figure
    Actors (left, grouped by bloc) and concepts (right), one line per actor-concept position.
heatmap_data(statements, level="speaker", actors=None, concepts=None) -> (positions, counts)
    The tables behind :func:`stance_heatmap` ("none" = no statement).
stance_heatmap(statements, codebook=None, level="speaker", actors=None, concepts=None) -> Figure
    Actor x concept positions: support, oppose, mixed, neutral (stance 0) and, distinct from all
    of them, no stated position (white, hatched); each cell shows its number of statements.
interaction_figure(graph, seed=0) -> Figure
    Directed typed interactions, one colour per type, arrow width by number of events.
timeline_data(statements, interactions) -> DataFrame
    Statements per day and stance, and interactions per day and type.
timeline_figure(statements, interactions, periods=PERIODS) -> Figure
    Statements per day (stacked by stance) and interactions per day, with the talks and
    responses periods shaded.

Colours come from :mod:`crisisnet.plotting` (Okabe-Ito, colour-blind safe); call
:func:`crisisnet.plotting.use_style` first and :func:`crisisnet.plotting.save_figure` after.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .analysis import actor_positions
from .errors import ParameterError
from .filters import parse_dates
from .networks import Network
from .plotting import BLOC_COLORS, OKABE_ITO, STANCE_COLORS, TIE_COLORS

#: colours of the positions in the heatmap and two-mode figure
POSITION_COLORS = {"support": STANCE_COLORS[1], "oppose": STANCE_COLORS[-1],
                   "mixed": OKABE_ITO["purple"], "neutral": STANCE_COLORS[0], "none": "#FFFFFF"}
POSITION_LABELS = {"support": "support (+1 only)", "oppose": "oppose (-1 only)",
                   "mixed": "both support and oppose", "neutral": "mentioned, no side (stance 0)",
                   "none": "no stated position"}
#: colours of interaction types
INTERACTION_COLORS = {"met": OKABE_ITO["green"], "called": OKABE_ITO["sky"],
                      "criticized": OKABE_ITO["vermillion"], "responded_to": OKABE_ITO["blue"],
                      "delivered_to": OKABE_ITO["purple"], "warned": OKABE_ITO["orange"],
                      "rejected": OKABE_ITO["black"]}
#: the two phases of January 2022 (inclusive dates)
PERIODS = {"talks (10-13 Jan)": ("2022-01-10", "2022-01-13"),
           "written responses (26-28 Jan)": ("2022-01-26", "2022-01-28")}


def _short(label: str, kind: str = "") -> str:
    """A compact node label: a person's surname; a collective's name without its parenthesis."""
    label = label.split(" (")[0].strip() if label else label
    return label.split()[-1] if kind == "person" and label else label


def network_layout(graph, seed: int = 0, weight: str | None = "weight") -> dict:
    """Spring layout with sorted nodes and a fixed ``seed``; coordinates rounded to 1e-6."""
    import networkx as nx

    h = nx.Graph()
    h.add_nodes_from(sorted(graph.nodes, key=str))
    for u, v, d in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        w = abs(float(d.get(weight, 1.0))) if weight else 1.0
        if h.has_edge(u, v):
            h[u][v]["w"] += w
        else:
            h.add_edge(u, v, w=w)
    pos = nx.spring_layout(h, seed=seed, weight="w" if weight else None, k=1.6 / np.sqrt(max(len(h), 1)))
    return {n: (round(float(x), 6), round(float(y), 6)) for n, (x, y) in pos.items()}


def bloc_handles(blocs) -> list:
    """Legend patches for the node colours of the given blocs (sorted, each once)."""
    from matplotlib.patches import Patch
    return [Patch(facecolor=BLOC_COLORS.get(b, OKABE_ITO["grey"]), edgecolor="black", label=f"bloc: {b}")
            for b in sorted(set(blocs))]


def _finish_network(fig, ax, handles: list, legend_title: str, title: str):
    """The common end of the network drawings: legend right of the plot, title, no axes."""
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8,
              title=legend_title, title_fontsize=8)
    ax.set_title(title)
    ax.set_axis_off()
    ax.margins(0.12)
    return fig


def _width(w: np.ndarray | float, wmax: float, lo: float = 0.6, hi: float = 6.0):
    return lo + (hi - lo) * (np.abs(w) / wmax if wmax else 0.0)


def actor_network_figure(congruence: Network, conflict: Network, seed: int = 0,
                         title: str = "Who agrees and who disagrees", ax=None):
    """Congruence and conflict ties on one layout (the layout follows congruence ties)."""
    import matplotlib.pyplot as plt
    import networkx as nx
    from matplotlib.lines import Line2D

    gc, gd = congruence.to_networkx(), conflict.to_networkx()
    union = nx.Graph()
    union.add_nodes_from(gc.nodes(data=True))
    union.add_nodes_from(gd.nodes(data=True))
    union.add_edges_from(gc.edges(data=True))
    pos = network_layout(union if union.number_of_edges() else gd, seed=seed)
    for n in union.nodes:
        pos.setdefault(n, (0.0, 0.0))
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(9, 7))
    wmax = max([abs(d["weight"]) for g in (gc, gd) for *_, d in g.edges(data=True)] or [1.0])
    from matplotlib.patches import FancyArrowPatch

    # congruence ties are straight, conflict ties curved, so a pair with both stays readable
    for g, kind, style, rad in ((gc, "congruence", "solid", 0.0), (gd, "conflict", "dashed", 0.25)):
        for u, v, d in sorted(g.edges(data=True)):
            ax.add_patch(FancyArrowPatch(pos[u], pos[v], arrowstyle="-", connectionstyle=f"arc3,rad={rad}",
                                         color=TIE_COLORS[kind], linestyle=style, alpha=0.75,
                                         linewidth=float(_width(d["weight"], wmax)), zorder=1))
    nodes = sorted(union.nodes)
    for n in nodes:
        d = union.nodes[n]
        x, y = pos[n]
        ax.scatter([x], [y], s=120 + 25 * d.get("n_statements", 0), color=BLOC_COLORS.get(d.get("bloc", "other")),
                   edgecolor="black", linewidth=0.8, zorder=2)
        ax.annotate(_short(d.get("label", n), d.get("actor_kind", "")), (x, y), xytext=(0, 9),
                    textcoords="offset points", ha="center", fontsize=9, zorder=3,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    norm = congruence.params.get("normalization", "none")
    handles = [Line2D([], [], color=TIE_COLORS["congruence"], lw=2.5, label="congruence (same stance)"),
               Line2D([], [], color=TIE_COLORS["conflict"], lw=2.5, ls="dashed", label="conflict (opposite stances, curved)"),
               Line2D([], [], color="black", lw=float(_width(wmax / 4, wmax)), label=f"weight {wmax / 4:.2g} ({norm})"),
               Line2D([], [], color="black", lw=float(_width(wmax, wmax)), label=f"weight {wmax:.2g} ({norm})")]
    handles += bloc_handles(union.nodes[n].get("bloc", "other") for n in nodes)
    handles.append(Line2D([], [], marker="o", ls="", color="white", markeredgecolor="black",
                          label="node size: number of statements"))
    return _finish_network(fig, ax, handles, "Edges: colour = tie type, width = weight", title)


def _actor_order(ids, codebook) -> list[str]:
    order = {"west": 0, "ukraine": 1, "other": 2, "russia": 3}

    def key(a):
        bloc = codebook.bloc_of(a) if codebook is not None else "other"
        return (order.get(bloc, 2), a)
    return sorted(ids, key=key)


def _concept_order(ids, codebook) -> list[str]:
    if codebook is None:
        return sorted(ids)
    known = [c for c in codebook.concepts if c in set(ids)]
    return known + sorted(set(ids) - set(known))


def heatmap_data(statements: pd.DataFrame, level: str = "speaker", actors=None, concepts=None,
                 codebook=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(positions, counts)``: actor x concept tables behind :func:`stance_heatmap`.

    ``positions`` holds support/oppose/mixed/neutral, or ``none`` where the actor made no
    statement on the concept; ``counts`` the number of statements (the evidence) per cell.
    Rows are ordered by bloc (west, ukraine, other, russia) then id; columns in codebook order.
    """
    pos = actor_positions(statements, level)
    rows = _actor_order(actors if actors else sorted(set(pos["actor"])), codebook)
    cols = _concept_order(concepts if concepts else sorted(set(pos["concept"])), codebook)
    p = pos.pivot(index="actor", columns="concept", values="position") if len(pos) else pd.DataFrame()
    n = pos.pivot(index="actor", columns="concept", values="n_statements") if len(pos) else pd.DataFrame()
    p = p.reindex(index=rows, columns=cols).fillna("none").astype(str)
    n = n.reindex(index=rows, columns=cols).fillna(0).astype(int)
    p.index.name, p.columns.name, n.index.name, n.columns.name = "actor", "concept", "actor", "concept"
    return p, n


def stance_heatmap(statements: pd.DataFrame, codebook=None, level: str = "speaker", actors=None,
                   concepts=None, title: str = "Stated positions (number = statements)"):
    """Actor x concept heatmap; "no stated position" is white and hatched, unlike neutral (grey)."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    p, n = heatmap_data(statements, level, actors, concepts, codebook)
    if p.empty:
        raise ParameterError("no statements to draw (check the filters)")
    fig, ax = plt.subplots(figsize=(1.0 + 0.75 * p.shape[1], 1.2 + 0.42 * p.shape[0]))
    for i, a in enumerate(p.index):
        for j, c in enumerate(p.columns):
            kind = p.iat[i, j]
            ax.add_patch(Rectangle((j, i), 1, 1, facecolor=POSITION_COLORS[kind], edgecolor="#DDDDDD",
                                   hatch="///" if kind == "none" else None, linewidth=0.5))
            if kind != "none":
                color = "black" if kind in ("neutral",) else "white"
                ax.text(j + 0.5, i + 0.5, str(n.iat[i, j]), ha="center", va="center", fontsize=8, color=color)
    ax.set_xlim(0, p.shape[1])
    ax.set_ylim(p.shape[0], 0)
    ax.set_xticks(np.arange(p.shape[1]) + 0.5)
    ax.set_xticklabels(list(p.columns), rotation=45, ha="right")
    ax.set_yticks(np.arange(p.shape[0]) + 0.5)
    ylabels = [_short(codebook.label(a)) if codebook is not None else a for a in p.index]
    ax.set_yticklabels(ylabels)
    ax.tick_params(length=0)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    handles = [Patch(facecolor=POSITION_COLORS[k], edgecolor="#999999", hatch="///" if k == "none" else None,
                     label=POSITION_LABELS[k]) for k in ("support", "oppose", "mixed", "neutral", "none")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8,
              title="Cell: position; number = statements", title_fontsize=8)
    ax.set_title(title)
    return fig


def two_mode_figure(statements: pd.DataFrame, codebook=None, level: str = "speaker",
                    title: str = "Actors and the concepts they take positions on"):
    """Bipartite drawing: actors left (by bloc), concepts right; line colour = position, width = statements."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    p, n = heatmap_data(statements, level, codebook=codebook)
    if p.empty:
        raise ParameterError("no statements to draw (check the filters)")
    actors, concepts = list(p.index), list(p.columns)
    ya = {a: 1 - i / max(len(actors) - 1, 1) for i, a in enumerate(actors)}
    yc = {c: 1 - j / max(len(concepts) - 1, 1) for j, c in enumerate(concepts)}
    fig, ax = plt.subplots(figsize=(9, max(4.5, 0.32 * max(len(actors), len(concepts)))))
    nmax = max(int(n.to_numpy().max()), 1)
    for a in actors:
        for c in concepts:
            kind = p.at[a, c]
            if kind == "none":
                continue
            ax.plot([0, 1], [ya[a], yc[c]], color=POSITION_COLORS[kind], alpha=0.7,
                    linewidth=float(_width(n.at[a, c], nmax, 0.7, 5.0)),
                    linestyle="dotted" if kind == "neutral" else "solid")
    for a in actors:
        bloc = codebook.bloc_of(a) if codebook is not None else "other"
        ax.scatter([0], [ya[a]], s=70, color=BLOC_COLORS.get(bloc, OKABE_ITO["grey"]), edgecolor="black", zorder=3)
        ax.text(-0.03, ya[a], _short(codebook.label(a)) if codebook is not None else a, ha="right", va="center", fontsize=8)
    for c in concepts:
        ax.scatter([1], [yc[c]], s=70, marker="s", color="white", edgecolor="black", zorder=3)
        ax.text(1.03, yc[c], c, ha="left", va="center", fontsize=8)
    handles = [Line2D([], [], color=POSITION_COLORS[k], lw=2.5, ls="dotted" if k == "neutral" else "solid",
                      label=POSITION_LABELS[k]) for k in ("support", "oppose", "mixed", "neutral")]
    handles += [Line2D([], [], color="black", lw=float(_width(1, nmax, 0.7, 5.0)), label="1 statement"),
                Line2D([], [], color="black", lw=5.0, label=f"{nmax} statements")]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, frameon=False, fontsize=8,
              title="Line colour = position, width = statements", title_fontsize=8)
    ax.set_xlim(-0.6, 1.6)
    ax.set_axis_off()
    ax.set_title(title)
    return fig


def interaction_figure(graph, seed: int = 0, title: str = "Interactions (who did what to whom)"):
    """Directed typed multigraph: one arrow per (source, target, type), width by number of events."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    counts: dict[tuple, int] = {}
    for u, v, d in graph.edges(data=True):
        counts[(u, v, d.get("type", ""))] = counts.get((u, v, d.get("type", "")), 0) + 1
    pos = network_layout(graph, seed=seed, weight=None)
    fig, ax = plt.subplots(figsize=(9, 7))
    nmax = max(counts.values() or [1])
    per_pair: dict[tuple, int] = {}
    for (u, v, t), c in sorted(counts.items()):
        k = per_pair.get(tuple(sorted((u, v))), 0)
        per_pair[tuple(sorted((u, v)))] = k + 1
        if u == v:
            continue
        arrow = FancyArrowPatch(pos[u], pos[v], arrowstyle="-|>", mutation_scale=12,
                                connectionstyle=f"arc3,rad={0.12 + 0.12 * k}",
                                color=INTERACTION_COLORS.get(t, OKABE_ITO["grey"]),
                                linewidth=float(_width(c, nmax, 1.0, 4.0)), shrinkA=9, shrinkB=9, alpha=0.85)
        ax.add_patch(arrow)
    for n in sorted(graph.nodes):
        d = graph.nodes[n]
        x, y = pos[n]
        ax.scatter([x], [y], s=160, color=BLOC_COLORS.get(d.get("bloc", "other"), OKABE_ITO["grey"]),
                   edgecolor="black", zorder=3)
        ax.annotate(_short(d.get("label", n), d.get("actor_kind", "")), (x, y), xytext=(0, 10),
                    textcoords="offset points", ha="center", fontsize=9, zorder=4,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    types = sorted({t for (_, _, t) in counts})
    handles = [Line2D([], [], color=INTERACTION_COLORS.get(t, OKABE_ITO["grey"]), lw=2.5, label=t.replace("_", " "))
               for t in types]
    handles += [Line2D([], [], color="black", lw=1.0, label="1 event"),
                Line2D([], [], color="black", lw=4.0, label=f"{nmax} events")]
    handles += bloc_handles(graph.nodes[n].get("bloc", "other") for n in graph.nodes)
    return _finish_network(fig, ax, handles, "Arrow colour = type, width = events", title)


def timeline_data(statements: pd.DataFrame, interactions: pd.DataFrame) -> pd.DataFrame:
    """Long table ``date, kind, category, count``: statements per stance, interactions per type."""
    recs = []
    if len(statements):
        d = parse_dates(statements["date"])
        s = pd.DataFrame({"date": d, "category": statements["stance"].map(
            {1: "support", -1: "oppose", 0: "neutral"}).to_numpy()}).dropna()
        for (day, cat), c in s.groupby(["date", "category"]).size().items():
            recs.append({"date": str(day.date()), "kind": "statement", "category": cat, "count": int(c)})
    if len(interactions):
        d = parse_dates(interactions["date"])
        s = pd.DataFrame({"date": d, "category": interactions["type"].astype(str).to_numpy()}).dropna()
        for (day, cat), c in s.groupby(["date", "category"]).size().items():
            recs.append({"date": str(day.date()), "kind": "interaction", "category": cat, "count": int(c)})
    df = pd.DataFrame(recs, columns=["date", "kind", "category", "count"])
    return df.sort_values(["date", "kind", "category"], kind="stable").reset_index(drop=True)


def timeline_figure(statements: pd.DataFrame, interactions: pd.DataFrame, periods: dict | None = None,
                    start=None, end=None, title: str = "Statements and interactions over time"):
    """Two panels sharing a date axis: statements per day by stance; interactions per day by type."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    periods = PERIODS if periods is None else periods
    data = timeline_data(statements, interactions)
    if data.empty:
        raise ParameterError("no dated statements or interactions to draw (check the filters)")
    dates = pd.to_datetime(data["date"])
    lo = pd.Timestamp(start) if start else dates.min() - pd.Timedelta(days=1)
    hi = pd.Timestamp(end) if end else dates.max() + pd.Timedelta(days=1)
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 6), sharex=True, height_ratios=[3, 2])
    shades = [OKABE_ITO["yellow"], OKABE_ITO["sky"], OKABE_ITO["green"]]
    for ax in (ax1, ax2):
        for i, (name, (a, b)) in enumerate(periods.items()):
            ax.axvspan(pd.Timestamp(a) - pd.Timedelta(hours=12), pd.Timestamp(b) + pd.Timedelta(hours=12),
                       color=shades[i % len(shades)], alpha=0.25, zorder=0, linewidth=0)
    st = data[data.kind == "statement"]
    bottom = None
    for cat, k in (("support", 1), ("oppose", -1), ("neutral", 0)):
        s = st[st.category == cat].set_index("date")["count"]
        days = sorted(set(st["date"]))
        vals = np.array([s.get(d, 0) for d in days], dtype=float)
        x = pd.to_datetime(days)
        ax1.bar(x, vals, bottom=bottom, width=0.8, color=STANCE_COLORS[k], label=f"{cat} ({'+1' if k == 1 else ('-1' if k == -1 else '0')})",
                zorder=2)
        bottom = vals if bottom is None else bottom + vals
    ax1.set_ylabel("statements per day")
    it = data[data.kind == "interaction"]
    types = sorted(set(it["category"]))
    width = 0.8 / max(len(types), 1)
    for i, t in enumerate(types):
        s = it[it.category == t]
        x = pd.to_datetime(s["date"]) + pd.to_timedelta((i - (len(types) - 1) / 2) * width, unit="D")
        ax2.bar(x, s["count"], width=width, color=INTERACTION_COLORS.get(t, OKABE_ITO["grey"]),
                label=t.replace("_", " "), zorder=2)
    ax2.set_ylabel("interactions per day")
    ax2.set_xlim(lo, hi)
    ax2.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=5, maxticks=12))
    ax2.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    period_handles = [Patch(facecolor=shades[i % len(shades)], alpha=0.4, label=name)
                      for i, name in enumerate(periods)]
    h1, _ = ax1.get_legend_handles_labels()
    ax1.legend(handles=h1 + period_handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
               fontsize=8, title="Stance / period", title_fontsize=8)
    ax2.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8,
               title="Interaction type", title_fontsize=8)
    ax1.set_title(title)
    return fig


def window_series_figure(summary: pd.DataFrame, columns=("statements",), periods: dict | None = None,
                         title: str = "Moving windows", ylabel: str = ""):
    """Line plot of ``columns`` of a per-window table (``start``, ``end`` columns) at each window's centre."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    if summary.empty:
        raise ParameterError("no windows to draw (the selection has no dated statements)")
    periods = PERIODS if periods is None else periods
    start, end = pd.to_datetime(summary["start"]), pd.to_datetime(summary["end"])
    center = start + (end - start) / 2
    fig, ax = plt.subplots(figsize=(10, 3.8))
    shades = [OKABE_ITO["yellow"], OKABE_ITO["sky"], OKABE_ITO["green"]]
    for i, (name, (a, b)) in enumerate(periods.items()):
        ax.axvspan(pd.Timestamp(a) - pd.Timedelta(hours=12), pd.Timestamp(b) + pd.Timedelta(hours=12),
                   color=shades[i % len(shades)], alpha=0.25, zorder=0, linewidth=0)
    colors = [OKABE_ITO[c] for c in ("blue", "vermillion", "green", "purple", "black")]
    markers = ["o", "s", "^", "D", "v"]
    handles = []
    for i, col in enumerate(columns):
        (line,) = ax.plot(center, summary[col], color=colors[i % 5], marker=markers[i % 5], markersize=3,
                          linewidth=1.5, label=col)
        handles.append(line)
    handles += [Patch(facecolor=shades[i % len(shades)], alpha=0.4, label=name) for i, name in enumerate(periods)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=5, maxticks=12))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return fig
