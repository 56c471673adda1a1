"""A standalone, offline HTML page of a network: drag, zoom, hover an edge to read the quotes behind it.

The page embeds vis-network 9.1.2 (the copy bundled with pyvis 0.3.2) inline,
so it opens from a USB stick or an e-mail attachment with no network access:
no ``<script src>`` or ``<link href>`` points at a server
(:func:`remote_references` finds any that would). pyvis's own template is not
used because it always links Bootstrap from a CDN and its output carries random
ids; this writer's output is byte-for-byte reproducible (node positions are
computed here with a seeded layout, physics is off, keys are sorted).

Text safety: hover and panel texts are *plain text*. They are embedded as
JSON with ``<``, ``>`` and ``&`` written as ``\\u003c``-style escapes (so a
quote containing ``</script>`` cannot end the script), and vis-network and the
side panel display them with ``innerText``/``textContent``, never as HTML. Page
headings are HTML-escaped with :func:`html.escape`.

Graph conventions (networkx ``Graph``/``DiGraph``; everything optional):

* node attributes ``label`` (default: the node id), ``color``, ``shape``
  (``dot``, ``box``, ``diamond``...), ``size`` (pixels), ``title`` (hover
  text), ``details`` (text shown in the side panel when the node is clicked,
  or when the page is opened as ``page.html#<node id>``);
* edge attributes ``color``, ``width`` (or ``weight``, scaled to 1-8 px),
  ``dashes`` (bool), ``title`` (hover heading), ``quotes`` (list of strings,
  shown under the heading: the first :data:`MAX_QUOTES` on hover, all of them
  in the side panel on click), ``label``.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx

from .fileio import atomic_write_text

VIS_VERSION = "9.1.2"
#: how many quotes a hover box shows before "... and N more"
MAX_QUOTES = 8
_REMOTE = re.compile(r"<(script|link|img|iframe|source|embed)\b[^>]*?\b(src|href)\s*=\s*[\"']?\s*(https?:)?//",
                     re.IGNORECASE)


def _vis_asset(name: str) -> str:
    return (resources.files("pyvis") / "lib" / f"vis-{VIS_VERSION}" / name).read_text(encoding="utf-8")


def script_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` element (deterministic key order).

    >>> script_json({"q": "</script><b>&"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def edge_text(title: str, quotes: list[str], max_quotes: int = MAX_QUOTES) -> str:
    """The plain hover text of an edge: a heading, then up to ``max_quotes`` quotes, one a line.

    >>> print(edge_text("lavrov - nato_open_door", ["a", "b", "c"], max_quotes=2))
    lavrov - nato_open_door
    • a
    • b
    ... and 1 more
    """
    lines = [title] if title else []
    lines += [f"• {q}" for q in quotes[:max_quotes]]
    if len(quotes) > max_quotes:
        lines.append(f"... and {len(quotes) - max_quotes} more")
    return "\n".join(lines)


def layout(graph: nx.Graph, seed: int = 7, scale: float = 420.0) -> dict:
    """Integer pixel positions: same graph, same positions.

    A two-mode graph (every node has a ``bipartite`` attribute, as
    :meth:`crisisnet.networks.Network.to_networkx` gives) is drawn in two
    columns, actors left (grouped by ``bloc``) and concepts right; any other
    graph gets a seeded spring layout.
    """
    if graph.number_of_nodes() == 0:
        return {}
    if all("bipartite" in d for _, d in graph.nodes(data=True)):
        order = {"west": 0, "ukraine": 1, "other": 2, "russia": 3}
        pos = {}
        for side, x in ((0, -scale * 0.8), (1, scale * 0.8)):
            nodes = sorted((n for n, d in graph.nodes(data=True) if d["bipartite"] == side),
                           key=lambda n: (order.get(graph.nodes[n].get("bloc", "other"), 2), str(n)))
            step = 2 * scale / max(len(nodes) - 1, 1)
            for i, n in enumerate(nodes):
                pos[n] = (int(round(x)), int(round(-scale + i * step if len(nodes) > 1 else 0)))
        return pos
    undirected = graph.to_undirected() if graph.is_directed() else graph
    pos = nx.spring_layout(undirected, seed=seed, weight=None, k=1.6 / max(1, len(graph)) ** 0.5)
    return {n: (int(round(x * scale)), int(round(y * scale))) for n, (x, y) in pos.items()}


def _weight_widths(graph: nx.Graph) -> dict:
    weights = {(u, v): abs(float(d.get("weight", 1) or 0)) for u, v, d in graph.edges(data=True)}
    top = max(weights.values(), default=1) or 1
    return {e: 1 + 7 * w / top for e, w in weights.items()}


def vis_data(graph: nx.Graph, seed: int = 7) -> dict:
    """The nodes and edges lists vis-network draws, built from the graph's attributes."""
    pos = layout(graph, seed)
    ids = {n: i for i, n in enumerate(sorted(graph.nodes, key=str))}
    nodes = []
    for n in sorted(graph.nodes, key=str):
        d = graph.nodes[n]
        x, y = pos[n]
        node = {"id": ids[n], "key": str(n), "label": str(d.get("label", n)), "x": x, "y": y,
                "shape": d.get("shape", "dot"), "size": float(d.get("size", 14)),
                "title": str(d.get("title", d.get("label", n))),
                "details": str(d.get("details", d.get("title", d.get("label", n))))}
        if d.get("color"):
            node["color"] = d["color"]
        nodes.append(node)
    widths = _weight_widths(graph)
    edges = []
    for i, (u, v, d) in enumerate(sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))):
        heading = str(d.get("title", f"{graph.nodes[u].get('label', u)} - {graph.nodes[v].get('label', v)}"))
        quotes = [str(q) for q in d.get("quotes", [])]
        edge = {"id": i, "from": ids[u], "to": ids[v], "title": edge_text(heading, quotes),
                "details": edge_text(heading, quotes, max_quotes=len(quotes)),
                "width": round(float(d.get("width", widths[(u, v)])), 2),
                "dashes": bool(d.get("dashes", False))}
        if d.get("color"):
            edge["color"] = {"color": d["color"], "highlight": d["color"], "hover": d["color"]}
        if d.get("label"):
            edge["label"] = str(d["label"])
        if graph.is_directed():
            edge["arrows"] = "to"
        edges.append(edge)
    return {"nodes": nodes, "edges": edges}


_OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "multiselect": False},
    "nodes": {"font": {"size": 15, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
              "borderWidth": 1.5},
    "edges": {"smooth": False, "color": {"inherit": False, "color": "#999999"}},
}

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{vis_css}</style>
<style>
body {{ font-family: sans-serif; margin: 0; color: #222; }}
header {{ padding: 10px 16px 4px; }}
header h1 {{ font-size: 20px; margin: 0 0 4px; }}
header p {{ margin: 0 0 6px; font-size: 13px; color: #444; }}
.legend span {{ display: inline-block; margin-right: 14px; font-size: 13px; }}
.legend i {{ display: inline-block; width: 12px; height: 12px; border-radius: 6px; margin-right: 4px;
  vertical-align: -1px; }}
main {{ display: flex; gap: 8px; padding: 0 16px 16px; }}
#network {{ flex: 1 1 auto; height: {height}px; border: 1px solid #ccc; background: #fff; }}
#panel {{ flex: 0 0 300px; height: {height}px; overflow: auto; border: 1px solid #ccc; padding: 8px;
  font-size: 13px; white-space: pre-wrap; box-sizing: border-box; }}
div.vis-tooltip {{ white-space: pre-wrap; max-width: 460px; font-size: 13px; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p>{subtitle}</p>
<div class="legend">{legend}</div>
</header>
<main>
<div id="network"></div>
<div id="panel">Hover over a line to read the statements behind it; click a node or a line to keep them here.</div>
</main>
<script>{vis_js}</script>
<script>
var data = {data};
var options = {options};
var nodes = new vis.DataSet(data.nodes);
var edges = new vis.DataSet(data.edges);
var network = new vis.Network(document.getElementById("network"), {{nodes: nodes, edges: edges}}, options);
var panel = document.getElementById("panel");
network.on("click", function (params) {{
  if (params.nodes.length) {{ panel.textContent = nodes.get(params.nodes[0]).details; }}
  else if (params.edges.length) {{ panel.textContent = edges.get(params.edges[0]).details; }}
}});
// network_interactive.html#lavrov opens with that node selected and its statements in the panel
if (location.hash.length > 1) {{
  var key = decodeURIComponent(location.hash.slice(1));
  var hit = data.nodes.filter(function (n) {{ return n.key === key; }});
  if (hit.length) {{ network.selectNodes([hit[0].id]); panel.textContent = hit[0].details; }}
}}
</script>
</body>
</html>
"""


def network_html(graph: nx.Graph, title: str, subtitle: str = "", legend: dict | None = None,
                 height: int = 760, seed: int = 7) -> str:
    """The complete standalone page for ``graph`` (a string; see the module docstring).

    ``legend`` maps a label to a CSS colour (``{"West": "#56B4E9"}``).
    """
    legend_html = "".join(f'<span><i style="background:{html.escape(c)}"></i>{html.escape(label)}</span>'
                          for label, c in (legend or {}).items())
    return _PAGE.format(title=html.escape(title), subtitle=html.escape(subtitle), legend=legend_html,
                        height=int(height), vis_css=_vis_asset("vis-network.css"),
                        vis_js=_vis_asset("vis-network.min.js"),
                        data=script_json(vis_data(graph, seed)), options=script_json(_OPTIONS))


def write_network_html(graph: nx.Graph, path: str | Path, title: str, **kwargs) -> Path:
    """Write :func:`network_html` to ``path`` atomically; returns the path."""
    path = Path(path)
    atomic_write_text(path, network_html(graph, title, **kwargs))
    return path


def remote_references(page: str) -> list[str]:
    """Opening tags whose ``src``/``href`` loads from a server (``http(s)://`` or ``//``): should be empty."""
    return [m.group(0) for m in _REMOTE.finditer(page)]


# ---------------------------------------------------------------------------------------------
# from a crisisnet network (crisisnet.networks.Network) to a page graph with quotes on every tie
# ---------------------------------------------------------------------------------------------
_STANCE_WORDS = {1: "supports", -1: "opposes", 0: "mentions"}


def quote_line(row, codebook=None) -> str:
    """One statement as a line of plain text: who, stance, concept, date, document, the words.

    >>> import pandas as pd
    >>> quote_line(pd.Series({"speaker": "lavrov", "stance": -1, "concept": "nato_open_door",
    ...                       "date": "2022-01-13", "doc_id": "003_x", "text": "never"}))
    'lavrov opposes nato_open_door (2022-01-13, 003_x): “never”'
    """
    label = codebook.label if codebook is not None else str
    return (f"{label(str(row['speaker']))} {_STANCE_WORDS.get(int(row['stance']), 'mentions')} "
            f"{label(str(row['concept']))} ({row['date']}, {row['doc_id']}): “{row['text']}”")


def network_graph(network, codebook=None) -> nx.Graph:
    """A :class:`crisisnet.networks.Network` as a page graph: styled nodes, quotes on every edge.

    Actor nodes are dots coloured by bloc, concept nodes light grey boxes
    labelled with the concept id (the full label is in the hover text); the
    size of a dot grows with the actor's number of statements. Each edge carries the
    verbatim statements behind it (``network.provenance``) as ``quotes``; each
    node's ``details`` lists its own statements (what the side panel shows).
    Signed ties (``subtract``) are blue when positive, vermillion when negative.
    """
    from .filters import actor_column
    from .plotting import BLOC_COLORS, OKABE_ITO, STANCE_COLORS, TIE_COLORS

    g = network.to_networkx()
    st = network.statements
    level = network.params.get("level", "speaker")
    actor_of = actor_column(st, level) if len(st) else None
    agreement = network.params.get("agreement")
    for n, d in g.nodes(data=True):
        is_concept = d.get("mode") == "concept"
        rows = st[st["concept"].astype(str) == n] if is_concept else (
            st[actor_of == n] if actor_of is not None else st.iloc[:0])
        lines = [quote_line(r, codebook) for _, r in rows.iterrows()]
        label = str(d.get("label", n))
        heading = f"{label}: {len(lines)} statement(s)"
        d.update(label=n.replace("_", " ") if is_concept else label, shape="box" if is_concept else "dot",
                 color="#DDDDDD" if is_concept else BLOC_COLORS.get(d.get("bloc", "other")),
                 size=8 + 2 * min(int(d.get("n_statements", 0)), 10),
                 title=heading, details=edge_text(heading, lines, max_quotes=len(lines)))
    for u, v, d in g.edges(data=True):
        rows = network.provenance(u, v)
        d["quotes"] = [quote_line(r, codebook) for _, r in rows.iterrows()]
        w = float(d.get("weight", 0))
        lu, lv = g.nodes[u]["label"], g.nodes[v]["label"]
        d["title"] = f"{lu} - {lv}: weight {w:g}, {len(rows)} statement(s)"
        if agreement in ("congruence", "conflict"):
            d["color"] = TIE_COLORS[agreement]
        elif d.get("sign") is not None or agreement == "subtract":
            d["color"] = TIE_COLORS["congruence"] if w > 0 else TIE_COLORS["conflict"]
        elif network.kind == "two-mode":
            stances = set(rows["stance"].tolist()) - {0}
            d["color"] = OKABE_ITO["purple"] if len(stances) > 1 else STANCE_COLORS[stances.pop() if stances else 0]
    return g
