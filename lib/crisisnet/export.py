"""Deterministic exports: GraphML, GEXF, CSV node/edge lists and a flat statement table.

Public API
----------
to_graph(network_or_graph) -> networkx graph
    A :class:`crisisnet.networks.Network` converted (or a networkx graph checked) for export.
write_graphml(network_or_graph, path)
    Plain GraphML (no visone/yEd extensions) with typed keys (``double``, ``long``, ``string``,
    ``boolean``) that Gephi, networkx and igraph read back.
write_gexf(network_or_graph, path)
    GEXF 1.2 without the ``lastmodifieddate`` header (so re-runs give identical files).
write_node_csv(network, path), write_edge_csv(network, path)
    Gephi-style spreadsheets: ``id,label,...`` and ``source,target,weight,type``.
flat_statements(statements, corpus=None, codebook=None) -> DataFrame
    Every statement with every actor, organization, concept and document attribute.
write_flat_statements(statements, path, corpus=None, codebook=None)
write_provenance_csv(network, path)
    ``source,target,weight,row`` plus the verbatim statement columns for every edge.

Rules: node and edge order is sorted, no timestamps, no ``None`` values (missing text is ``""``),
no list or dict attributes (they are rejected with the attribute's name), and numbers are plain
Python ``int``/``float``/``bool`` so the GraphML keys are typed. Files are written atomically.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import ParameterError
from .fileio import atomic_write_text
from .networks import Network

_SCALARS = (str, bool, int, float)


def _plain(value, where: str):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, _SCALARS):
        return value
    raise ParameterError(f"{where}: value {value!r} of type {type(value).__name__} cannot be "
                         "exported (only strings, numbers and booleans; join lists into a string)")


def to_graph(obj):
    """A clean copy of ``obj`` (Network or networkx graph): plain scalar attributes, sorted order."""
    import networkx as nx

    g = obj.to_networkx() if isinstance(obj, Network) else obj
    if not isinstance(g, nx.Graph):
        raise ParameterError(f"expected a Network or a networkx graph, got {type(obj).__name__}")
    out = g.__class__()
    out.graph.update({k: _plain(v, f"graph attribute {k}") for k, v in sorted(g.graph.items())})
    for n in sorted(g.nodes, key=str):
        out.add_node(n, **{k: _plain(v, f"node {n!r} attribute {k}") for k, v in g.nodes[n].items()})
    if g.is_multigraph():
        edges = sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
        for u, v, key, d in edges:
            out.add_edge(u, v, key=key, **{k: _plain(x, f"edge {u!r}-{v!r} attribute {k}") for k, x in d.items()})
    else:
        edges = sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))
        for u, v, d in edges:
            out.add_edge(u, v, **{k: _plain(x, f"edge {u!r}-{v!r} attribute {k}") for k, x in d.items()})
    return out


def graphml_text(obj) -> str:
    """The GraphML document for ``obj`` as a string."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_graph(obj), prettyprint=True)) + "\n"


def write_graphml(obj, path: str | Path) -> Path:
    """Write plain, typed GraphML (see the module docstring)."""
    atomic_write_text(path, graphml_text(obj))
    return Path(path)


_GEXF_DATE = re.compile(r'\s+lastmodifieddate="[^"]*"')


def gexf_text(obj) -> str:
    """The GEXF document for ``obj`` as a string, with the volatile date removed."""
    import networkx as nx

    text = "\n".join(nx.generate_gexf(to_graph(obj), prettyprint=True)) + "\n"
    return _GEXF_DATE.sub("", text)


def write_gexf(obj, path: str | Path) -> Path:
    """Write GEXF 1.2 with no modification date (see the module docstring)."""
    atomic_write_text(path, gexf_text(obj))
    return Path(path)


def _csv(df: pd.DataFrame) -> str:
    return df.to_csv(index=False, lineterminator="\n")


def write_node_csv(network: Network, path: str | Path) -> Path:
    """Node list: ``id`` then every node attribute (Gephi's node table import)."""
    atomic_write_text(path, _csv(network.node_table()))
    return Path(path)


def edge_table(network: Network) -> pd.DataFrame:
    """Edge list: ``source,target,weight,type`` (``Undirected`` for every network here)."""
    e = network.edges()
    e["type"] = "Undirected"
    return e


def write_edge_csv(network: Network, path: str | Path) -> Path:
    """Edge list CSV (Gephi's edge table import)."""
    atomic_write_text(path, _csv(edge_table(network)))
    return Path(path)


def write_provenance_csv(network: Network, path: str | Path) -> Path:
    """Every edge with the verbatim statement rows behind it (one line per edge and row)."""
    prov = network.provenance_table()
    st = network.statements
    cols = [c for c in ("doc_id", "start", "end", "text", "speaker", "organization", "concept",
                        "stance", "date") if c in st.columns]
    out = prov.join(st[cols], on="row")
    atomic_write_text(path, _csv(out))
    return Path(path)


def flat_statements(statements: pd.DataFrame, corpus=None, codebook=None) -> pd.DataFrame:
    """Every statement with all actor, organization, concept and document attributes.

    Adds ``row`` (the statement's label in the input), ``speaker_*`` and ``organization_*``
    (name, kind, country, bloc, gender, organization), ``concept_*`` (label, definition,
    support, oppose) and ``doc_*`` (title, outlet, date, date_exact, url, licence) columns.
    Missing values are empty strings.
    """
    df = statements.copy()
    df.insert(0, "row", statements.index)
    if codebook is not None:
        actors = codebook.actors_frame().set_index("id")
        for prefix, col in (("speaker", "speaker"), ("organization", "organization")):
            cols = ["name", "kind", "country", "bloc", "gender"] + (["organization"] if prefix == "speaker" else [])
            sub = actors[cols].add_prefix(f"{prefix}_")
            if prefix == "speaker":
                sub = sub.rename(columns={"speaker_organization": "speaker_home_organization"})
            df = df.join(sub, on=col)
            name_col = f"{prefix}_name"
            df[name_col] = df[name_col].where(df[name_col].notna(), df[col].map(codebook.label))
        concepts = codebook.concepts_frame().set_index("id")[["label", "definition", "support", "oppose"]]
        df = df.join(concepts.add_prefix("concept_"), on="concept")
    if corpus is not None:
        meta = pd.DataFrame([d.metadata() for d in corpus]).set_index("doc_id")
        meta = meta[["title", "outlet", "date", "date_exact", "url", "licence"]].add_prefix("doc_")
        df = df.join(meta, on="doc_id")
    for col in df.columns:
        if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
            df[col] = df[col].fillna("").astype(str)
    return df.reset_index(drop=True)


def write_flat_statements(statements: pd.DataFrame, path: str | Path, corpus=None, codebook=None) -> Path:
    """Write :func:`flat_statements` as CSV."""
    atomic_write_text(path, _csv(flat_statements(statements, corpus, codebook)))
    return Path(path)
