"""Analyses of discourse networks: strength, coalitions, polarization, consensus vs contested concepts.

Public API
----------
strength(network) -> DataFrame
    Per node: degree, strength (sum of |w|), positive and negative strength.
coalitions(network, resolution=1.0, seed=0) -> DataFrame
    Deterministic Louvain communities of the positive ties (congruence): node, coalition.
polarization(congruence, conflict, groups) -> PolarizationScore
    DNA-style within/between quality of a partition, plus the modularity of the congruence network.
best_partition(congruence, conflict, k=2) -> dict
    The deterministic k-group partition that (locally) maximises :func:`polarization`.
actor_positions(statements, level="speaker") -> DataFrame
    Each actor's position per concept: support, oppose, mixed, neutral (never imputed).
concept_consensus(statements, level="organization", codebook=None) -> DataFrame
    Per concept: actors and blocs for and against, a contestation score and a status
    (consensus, contested, one-sided, no side).

Polarization, defined
---------------------
For a partition g of the actors and one-mode congruence C and conflict D matrices (any
normalization; each undirected tie counted once)::

    quality = [(C_within - C_between) + (D_between - D_within)] / (C_total + D_total)

in [-1, 1]: 1 when all agreement is inside groups and all disagreement between them (a perfectly
polarised debate), 0 when ties ignore the partition, negative when groups disagree internally.
This is the within/between quality that DNA's polarization measure maximises over partitions
(Leifeld's ``dna_polarization``), written for a given partition. :func:`best_partition` finds a
partition deterministically (spectral start from the signed matrix C - D, then single-node moves
while the quality improves; ties broken by node order). ``modularity`` is the Newman modularity of
the congruence network for the same partition, the simpler cousin reported alongside.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .errors import ParameterError
from .filters import actor_column
from .networks import Network


def strength(network: Network) -> pd.DataFrame:
    """Degree and strength of every node (one-mode: symmetric; two-mode: rows and columns)."""
    m = network.sparse.tocsr()
    if network.is_one_mode:
        mats = [(network.rows, m)]
    else:
        mats = [(network.rows, m), (network.cols, m.T.tocsr())]
    recs = []
    for labels, x in mats:
        deg = np.asarray((abs(x) > 0).sum(axis=1)).ravel()
        s = np.asarray(abs(x).sum(axis=1)).ravel()
        pos = np.asarray(x.maximum(0).sum(axis=1)).ravel()
        neg = np.asarray((-x).maximum(0).sum(axis=1)).ravel()
        for i, n in enumerate(labels):
            recs.append({"node": n, "degree": int(deg[i]), "strength": float(s[i]),
                         "positive": float(pos[i]), "negative": float(neg[i])})
    df = pd.DataFrame(recs, columns=["node", "degree", "strength", "positive", "negative"])
    return df.sort_values(["strength", "node"], ascending=[False, True], kind="stable").reset_index(drop=True)


def coalitions(network: Network, resolution: float = 1.0, seed: int = 0) -> pd.DataFrame:
    """Communities of the positive ties of a one-mode network (Louvain, fixed ``seed``).

    Negative ties (a ``subtract`` network) are left out: a coalition is a group that agrees.
    Nodes without a positive tie form singleton coalitions. Coalitions are numbered 1, 2, ... by
    size (largest first), then by their first node id, so the numbering is reproducible.
    """
    import networkx as nx

    if not network.is_one_mode:
        raise ParameterError("coalitions need a one-mode (actor or concept) network")
    g = nx.Graph()
    g.add_nodes_from(network.rows)
    for s, t, w in network.edges().itertuples(index=False):
        if w > 0:
            g.add_edge(s, t, weight=float(w))
    comms = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed) \
        if g.number_of_edges() else [{n} for n in g.nodes]
    comms = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
    rows = [{"node": n, "coalition": i + 1} for i, c in enumerate(comms) for n in c]
    return pd.DataFrame(rows, columns=["node", "coalition"]).sort_values(
        ["coalition", "node"], kind="stable").reset_index(drop=True)


@dataclass
class PolarizationScore:
    """Result of :func:`polarization` (see the module docstring)."""

    quality: float
    modularity: float
    congruence_within: float
    congruence_between: float
    conflict_within: float
    conflict_between: float
    groups: dict


def _aligned(congruence: Network, conflict: Network) -> tuple[list[str], sp.csr_matrix, sp.csr_matrix]:
    nodes = sorted(set(congruence.rows) | set(conflict.rows))
    idx = {n: i for i, n in enumerate(nodes)}

    def expand(net: Network) -> sp.csr_matrix:
        coo = net.sparse.tocoo()
        r = np.array([idx[net.rows[i]] for i in coo.row], dtype=int)
        c = np.array([idx[net.cols[i]] for i in coo.col], dtype=int)
        return sp.csr_matrix((coo.data, (r, c)), shape=(len(nodes), len(nodes)))

    return nodes, expand(congruence), expand(conflict)


def _quality(C: sp.csr_matrix, D: sp.csr_matrix, labels: np.ndarray) -> tuple[float, ...]:
    coo_c, coo_d = sp.triu(C, 1).tocoo(), sp.triu(D, 1).tocoo()
    same_c = labels[coo_c.row] == labels[coo_c.col]
    same_d = labels[coo_d.row] == labels[coo_d.col]
    cw, cb = float(coo_c.data[same_c].sum()), float(coo_c.data[~same_c].sum())
    dw, db = float(coo_d.data[same_d].sum()), float(coo_d.data[~same_d].sum())
    total = cw + cb + dw + db
    q = ((cw - cb) + (db - dw)) / total if total else 0.0
    return q, cw, cb, dw, db


def polarization(congruence: Network, conflict: Network, groups: dict | pd.Series | None = None,
                 k: int = 2) -> PolarizationScore:
    """Polarization of an actor partition (module docstring). ``groups`` maps node -> group.

    Without ``groups``, :func:`best_partition` supplies them. Nodes missing from ``groups`` get
    a group of their own. Both networks should be built with the same normalization and must
    have non-negative weights (congruence and conflict, not subtract).
    """
    import networkx as nx

    for name, net in (("congruence", congruence), ("conflict", conflict)):
        if net.kind != "actor" and net.kind != "concept":
            raise ParameterError(f"parameter {name}: expected a one-mode network")
        if net.sparse.nnz and net.sparse.data.min() < 0:
            raise ParameterError(f"parameter {name}: negative weights; pass separate congruence "
                                 "and conflict networks, not a subtract network")
    if groups is None:
        groups = best_partition(congruence, conflict, k=k)
    groups = dict(groups)
    nodes, C, D = _aligned(congruence, conflict)
    labels = np.array([str(groups.get(n, f"_alone_{n}")) for n in nodes], dtype=object)
    q, cw, cb, dw, db = _quality(C, D, labels)
    g = nx.Graph()
    g.add_nodes_from(nodes)
    coo = sp.triu(C, 1).tocoo()
    g.add_weighted_edges_from((nodes[r], nodes[c], float(w)) for r, c, w in zip(coo.row, coo.col, coo.data))
    parts: dict[str, set] = {}
    for n, lab in zip(nodes, labels):
        parts.setdefault(lab, set()).add(n)
    mod = nx.community.modularity(g, list(parts.values()), weight="weight") if g.number_of_edges() else 0.0
    return PolarizationScore(q, float(mod), cw, cb, dw, db, {n: groups.get(n, "") for n in nodes})


def best_partition(congruence: Network, conflict: Network, k: int = 2, max_rounds: int = 100) -> dict:
    """A k-group partition maximising the polarization quality by deterministic local search.

    Start: nodes split by the sign of the leading eigenvector of C - D (k = 2; by rank in it when
    all signs agree), or by rank in it (k > 2). Then repeatedly move the single node whose move
    improves the quality most (ties: first node id, lowest group) until no move helps. No move
    may empty a group: with at least k nodes there are always k groups, so an all-agreeing
    debate scores as not polarized (quality <= 0) rather than as one perfect "group". Groups are
    numbered 1..k in order of their first node id.
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ParameterError(f"parameter k: expected an integer >= 1, got {k!r}")
    nodes, C, D = _aligned(congruence, conflict)
    n = len(nodes)
    if n == 0:
        return {}
    S = (C - D).toarray()
    vals, vecs = np.linalg.eigh(S) if n > 1 else (np.zeros(1), np.ones((1, 1)))
    v = vecs[:, -1]
    v = v * (1 if v[np.argmax(np.abs(v))] >= 0 else -1)  # fix the eigenvector's sign
    if k == 2 and 0 < int((v < 0).sum()) < n:
        labels = (v < 0).astype(int)
    else:
        ranks = np.argsort(np.argsort(-v, kind="stable"), kind="stable")
        labels = (ranks * k // n).astype(int)
    labels = labels.astype(object)
    best = _quality(C, D, labels)[0]
    for _ in range(max_rounds):
        move = None
        for i in range(n):
            if (labels == labels[i]).sum() == 1 and n >= k:
                continue  # moving the last member would empty its group
            for grp in range(k):
                if grp == labels[i]:
                    continue
                trial = labels.copy()
                trial[i] = grp
                q = _quality(C, D, trial)[0]
                if q > best + 1e-12:
                    best, move = q, (i, grp)
        if move is None:
            break
        labels[move[0]] = move[1]
    order = {}
    for lab in labels:
        order.setdefault(lab, len(order) + 1)
    return {nodes[i]: order[labels[i]] for i in range(n)}


def actor_positions(statements: pd.DataFrame, level: str = "speaker") -> pd.DataFrame:
    """One row per (actor, concept) with a statement: counts and a position label.

    ``position`` is ``support`` (only +1 statements among sided ones), ``oppose`` (only -1),
    ``mixed`` (both) or ``neutral`` (only stance-0 mentions). Pairs without any statement do not
    appear: no stated position is not neutral, and positions are never imputed from a bloc.
    """
    if statements.empty:
        return pd.DataFrame(columns=["actor", "concept", "n_support", "n_oppose", "n_neutral",
                                     "n_statements", "position"])
    df = pd.DataFrame({"actor": actor_column(statements, level).to_numpy(),
                       "concept": statements["concept"].astype(str).to_numpy(),
                       "stance": statements["stance"].to_numpy()})
    g = df.groupby(["actor", "concept"], sort=True)["stance"]
    out = pd.DataFrame({"n_support": g.apply(lambda s: int((s == 1).sum())),
                        "n_oppose": g.apply(lambda s: int((s == -1).sum())),
                        "n_neutral": g.apply(lambda s: int((s == 0).sum()))}).reset_index()
    out["n_statements"] = out[["n_support", "n_oppose", "n_neutral"]].sum(axis=1)
    out["position"] = np.select(
        [(out.n_support > 0) & (out.n_oppose > 0), out.n_support > 0, out.n_oppose > 0],
        ["mixed", "support", "oppose"], default="neutral")
    return out


def concept_consensus(statements: pd.DataFrame, level: str = "organization", codebook=None) -> pd.DataFrame:
    """Consensus vs contested concepts, from actors' positions at ``level``.

    An actor's side on a concept is its *net* position (DNA's ``subtract`` logic): ``support``
    when it made more +1 than -1 statements, ``oppose`` when fewer, ``mixed`` when as many (and
    at least one), ``neutral`` with only stance-0 mentions. So Russia's many calls for talks
    outweigh one reported complaint about them. Per concept: ``support``/``oppose``/``mixed``/
    ``neutral`` list the actors (comma-separated, sorted) on each side; ``blocs_support``/``blocs_oppose`` the blocs of supporters/opposers
    (codebook bloc; ``other`` without a codebook). ``contestation`` = 2 min(s, o) / (s + o) over
    the numbers of supporting and opposing actors (0 = one side only, 1 = evenly split).
    ``status``:

    * ``contested``  actors on both sides, or an actor whose statements are evenly split;
    * ``consensus``  all sided actors on one side and they come from at least two blocs;
    * ``one-sided``  all sided actors on one side, from one bloc only;
    * ``no side``    only stance-0 mentions.

    Sorted by status (consensus, contested, one-sided, no side), then contestation, then id.
    """
    pos = actor_positions(statements, level)
    pos["position"] = np.select(
        [pos.n_support > pos.n_oppose, pos.n_oppose > pos.n_support, pos.n_support > 0],
        ["support", "oppose", "mixed"], default="neutral")
    bloc = (codebook.bloc_of if codebook is not None else (lambda a: "other"))
    recs = []
    for concept, grp in pos.groupby("concept", sort=True):
        by = {p: sorted(grp.loc[grp.position == p, "actor"]) for p in ("support", "oppose", "mixed", "neutral")}
        s, o = len(by["support"]), len(by["oppose"])
        bs = sorted({bloc(a) for a in by["support"]})
        bo = sorted({bloc(a) for a in by["oppose"]})
        if (s and o) or by["mixed"]:
            status = "contested"
        elif s or o:
            status = "consensus" if len(bs or bo) >= 2 else "one-sided"
        else:
            status = "no side"
        recs.append({"concept": concept,
                     "label": codebook.label(concept) if codebook is not None else concept,
                     "n_support": s, "n_oppose": o, "n_mixed": len(by["mixed"]),
                     "n_neutral": len(by["neutral"]),
                     "support": ", ".join(by["support"]), "oppose": ", ".join(by["oppose"]),
                     "mixed": ", ".join(by["mixed"]), "neutral": ", ".join(by["neutral"]),
                     "blocs_support": ", ".join(bs), "blocs_oppose": ", ".join(bo),
                     "contestation": 2 * min(s, o) / (s + o) if s + o else 0.0,
                     "n_statements": int(grp["n_statements"].sum()), "status": status})
    cols = ["concept", "label", "status", "contestation", "n_support", "n_oppose", "n_mixed",
            "n_neutral", "support", "oppose", "mixed", "neutral", "blocs_support", "blocs_oppose",
            "n_statements"]
    df = pd.DataFrame(recs, columns=cols)
    rank = {"consensus": 0, "contested": 1, "one-sided": 2, "no side": 3}
    df["_r"] = df["status"].map(rank)
    return df.sort_values(["_r", "contestation", "concept"], ascending=[True, False, True],
                          kind="stable").drop(columns="_r").reset_index(drop=True)


def polarization_over_time(statements: pd.DataFrame, window_days: int = 7, step_days: int = 1, *,
                           kernel: str = "uniform", normalization: str = "average", level: str = "speaker",
                           groups: dict | None = None, start=None, end=None) -> pd.DataFrame:
    """Polarization quality per moving window (see :mod:`crisisnet.timewindows`).

    With ``groups`` (e.g. actor -> bloc) the same partition is scored in every window; without,
    each window gets its own :func:`best_partition` (k = 2). Columns: ``start, end, statements,
    congruence, conflict, quality``; windows without any tie have quality 0.
    """
    from .timewindows import moving_windows

    kw = dict(window_days=window_days, step_days=step_days, kernel=kernel, start=start, end=end,
              normalization=normalization, level=level)
    cong = moving_windows(statements, agreement="congruence", **kw)
    conf = moving_windows(statements, agreement="conflict", **kw)
    rows = []
    for wc, wd in zip(cong, conf):
        p = polarization(wc.network, wd.network, groups)
        rows.append({"start": str(wc.start.date()), "end": str(wc.end.date()), "statements": len(wc.statements),
                     "congruence": p.congruence_within + p.congruence_between,
                     "conflict": p.conflict_within + p.conflict_between, "quality": p.quality})
    return pd.DataFrame(rows, columns=["start", "end", "statements", "congruence", "conflict", "quality"])
