"""Discourse networks from statements: two-mode actor x concept, one-mode actor and concept networks.

API summary
-----------
``two_mode_network(statements, aggregation="ignore", normalization="none", level="speaker", ...)``
    Actor x concept matrix. aggregation: ``ignore`` | ``subtract`` | ``combine``;
    normalization: ``none`` | ``activity`` | ``prominence``.
``actor_network(statements, agreement="congruence", normalization="none", level="speaker", ...)``
    Actor x actor one-mode network. agreement: ``congruence`` | ``conflict`` | ``subtract`` |
    ``ignore``; normalization: ``none`` | ``average`` | ``jaccard`` | ``cosine``.
    ``level="organization"`` aggregates speakers to the collective they speak for (US, NATO,
    Russia...).
``concept_network(statements, agreement="congruence", normalization="none", ...)``
    Concept x concept: concepts linked by the actors who take the same (congruence) or opposite
    (conflict) stance on both.
``stance_array(statements, level="speaker", ...)`` -> :class:`StanceArray`
    The sparse counts a[i, j, k] every network is computed from.
:class:`Network`
    ``.matrix`` (labelled DataFrame), ``.sparse`` (scipy CSR), ``.rows``/``.cols``,
    ``.edges()`` (sorted edge list), ``.to_networkx()``, ``.provenance(u, v)`` (the verbatim
    statement rows behind a tie), ``.provenance_table()`` (all edges), ``.node_table()``.

Every function takes a statement table (usually from :func:`crisisnet.filters.select_statements`,
which applies date, actor, concept, source, confidence and duplicate filters) and never re-indexes
it: ``network.statements`` is the subset of input rows that entered the network, with the input's
row labels, so provenance always points back to verbatim rows.

Definitions (after the Discourse Network Analyzer, DNA; GUIDE.md section 2)
---------------------------------------------------------------------------
a[i, j, k] is the number of statements by actor i on concept j with stance k. Write P = a[:, :, +1],
N = a[:, :, -1] and Z = a[:, :, 0] (sparse actor x concept count matrices), A = P + N + Z.

**How stance 0 enters.** A stance-0 statement ("mentioned without taking a side") counts wherever
statements are merely counted (two-mode ``ignore``, one-mode ``ignore``, activity and prominence
denominators of the two-mode network) but never in congruence or conflict: a mention without a side
agrees or disagrees with nothing. In two-mode ``subtract`` it adds 0. In two-mode ``combine`` it
has its own code 4 ("mentioned, no side") so that it is never confused with 0 = no statement.

Two-mode (actor x concept):
    ignore      A                    (every statement counts once)
    subtract    P - N
    combine     0 no statement, 1 support only, 2 oppose only, 3 both support and oppose,
                4 only stance-0 mentions (stance 0 is ignored once a side was stated)
    activity    divide each row by the actor's number of statements (row sum of A)
    prominence  divide each column by the concept's number of statements (column sum of A)
    (``combine`` is a code, not a count: it accepts normalization ``none`` only.)

One-mode (actor x actor), computed as sparse products, never loops over pairs:
    congruence  C = P P^T + N N^T            sum_j sum_k a[i,j,k] a[i',j,k]
    conflict    D = P N^T + N P^T            sum_j sum_{k != l} a[i,j,k] a[i',j,l]
    subtract    norm(C) - norm(D)            (each normalised first, then subtracted; with
                                              ``none`` this is exactly C - D)
    ignore      A A^T                        sum_j (sum_k a[i,j,k]) (sum_k a[i',j,k])
    The diagonal is 0.

Normalizations of one-mode ties (n_i = the actor's number of statements entering the tie:
stance +-1 statements for congruence/conflict, all statements for ignore):
    average     w / ((n_i + n_i') / 2)                         (DNA's "average activity")
    cosine      w / (||x_i|| ||x_i'||), the TRUE cosine: x_i is actor i's count vector over
                (concept, stance) cells ([P_i, N_i]; A_i for ignore). For conflict the partner's
                vector is stance-swapped, which has the same norm, so every value is in [0, 1].
                DNA instead divides by n_i * n_i' (a product of counts), which is not a cosine
                and shrinks ties of active actors; we do not copy it.
    jaccard     |S_i cap S_i'| / |S_i cup S_i'| on SETS of (concept, stance) positions held
                (counts ignored); for conflict S_i' is stance-swapped; for ignore the sets are
                of concepts spoken about. In [0, 1].
The concept network uses the same algebra with the roles of actors and concepts exchanged
(P^T etc.): two concepts are congruent through an actor who supports both or opposes both.

Isolates: with ``isolates=False`` (default) one-mode networks keep only nodes with at least one
non-zero tie; two-mode networks keep the actors and concepts that have statements. With
``isolates=True`` every actor/concept with a statement is kept, plus the ids in ``nodes`` (or, when
``nodes`` is None and a ``codebook`` is given, every codebook actor at that level and every
concept), so that e.g. a sequence of windowed networks shares one node set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .errors import ParameterError
from .filters import LEVELS, actor_column

AGGREGATIONS = ("ignore", "subtract", "combine")
TWO_MODE_NORMALIZATIONS = ("none", "activity", "prominence")
AGREEMENTS = ("congruence", "conflict", "subtract", "ignore")
ONE_MODE_NORMALIZATIONS = ("none", "average", "jaccard", "cosine")
#: meaning of the two-mode ``combine`` codes
COMBINE_CODES = {0: "no statement", 1: "support only", 2: "oppose only", 3: "support and oppose",
                 4: "mentioned, no side"}


def _check(name: str, value, choices) -> str:
    if value not in choices:
        raise ParameterError(f"parameter {name}: {value!r} is not one of {', '.join(choices)}")
    return value


# ---------------------------------------------------------------------------------------------
# the count array a[i, j, k]
# ---------------------------------------------------------------------------------------------
@dataclass
class StanceArray:
    """Sparse counts a[i, j, k]: ``pos`` (k=+1), ``neg`` (k=-1), ``neu`` (k=0), actors x concepts."""

    actors: list[str]
    concepts: list[str]
    pos: sp.csr_matrix
    neg: sp.csr_matrix
    neu: sp.csr_matrix

    @property
    def total(self) -> sp.csr_matrix:
        """A = P + N + Z: every statement counted once."""
        return (self.pos + self.neg + self.neu).tocsr()

    def transpose(self) -> "StanceArray":
        """Concepts as rows (for concept x concept networks)."""
        return StanceArray(self.concepts, self.actors, self.pos.T.tocsr(), self.neg.T.tocsr(),
                           self.neu.T.tocsr())


def _check_statements(statements) -> None:
    if not isinstance(statements, pd.DataFrame):
        raise ParameterError(f"parameter statements: expected a DataFrame, got {type(statements).__name__}")
    missing = [c for c in ("speaker", "concept", "stance") if c not in statements]
    if missing:
        raise ParameterError(f"parameter statements: missing column(s) {', '.join(missing)}")
    if len(statements):
        bad = ~statements["stance"].isin([-1, 0, 1])
        if bad.any():
            row = statements.index[bad.to_numpy().argmax()]
            raise ParameterError(f"parameter statements: row {row}: stance "
                                 f"{statements.loc[row, 'stance']!r} is not 1, 0 or -1")


def stance_array(statements: pd.DataFrame, level: str = "speaker", actors=None,
                 concepts=None, weights=None) -> StanceArray:
    """Count statements per (actor at ``level``, concept, stance) as three sparse matrices.

    Row and column labels are sorted ids; ``actors``/``concepts`` add labels (isolates) that
    have no statement. ``weights`` (optional, one number per statement row, aligned on the
    index) replaces the count of 1 per statement, e.g. by kernel weights of a time window.
    Built with one ``coo_matrix`` per stance: linear in the number of rows.
    """
    _check_statements(statements)
    _check("level", level, LEVELS)
    who = actor_column(statements, level).to_numpy(dtype=object) if len(statements) else np.array([], dtype=object)
    what = statements["concept"].astype(str).to_numpy(dtype=object)
    row_labels = np.unique(np.concatenate([who.astype(str), np.asarray(list(actors or ()), dtype=str)])) \
        if len(who) or actors else np.array([], dtype=str)
    col_labels = np.unique(np.concatenate([what.astype(str), np.asarray(list(concepts or ()), dtype=str)])) \
        if len(what) or concepts else np.array([], dtype=str)
    ri = np.searchsorted(row_labels, who.astype(str))
    ci = np.searchsorted(col_labels, what.astype(str))
    stance = statements["stance"].to_numpy(dtype=np.int64)
    shape = (len(row_labels), len(col_labels))
    if weights is None:
        w = np.ones(len(statements))
    else:
        w = pd.Series(weights).reindex(statements.index).to_numpy(dtype=float)
        if np.isnan(w).any() or (w < 0).any():
            raise ParameterError("parameter weights: need one non-negative number per statement row")

    def counts(k: int) -> sp.csr_matrix:
        m = stance == k
        return sp.coo_matrix((w[m], (ri[m], ci[m])), shape=shape).tocsr()

    return StanceArray([str(x) for x in row_labels], [str(x) for x in col_labels],
                       counts(1), counts(-1), counts(0))


# ---------------------------------------------------------------------------------------------
# the Network object
# ---------------------------------------------------------------------------------------------
@dataclass
class Network:
    """A weighted network as a labelled sparse matrix plus the statements it came from.

    ``kind`` is ``two-mode`` (rows actors, columns concepts), ``actor`` or ``concept``
    (symmetric one-mode). ``params`` records how it was built. ``statements`` are the input rows
    that entered it (input row labels kept) and are what :meth:`provenance` searches.
    """

    kind: str
    rows: list[str]
    cols: list[str]
    sparse: sp.csr_matrix
    statements: pd.DataFrame
    params: dict
    node_attributes: dict[str, dict] = field(default_factory=dict)

    # -- views -----------------------------------------------------------------------------
    @property
    def matrix(self) -> pd.DataFrame:
        """The dense labelled matrix (rows x cols)."""
        return pd.DataFrame(self.sparse.toarray(), index=pd.Index(self.rows, name="row"),
                            columns=pd.Index(self.cols, name="col"))

    @property
    def is_one_mode(self) -> bool:
        return self.kind in ("actor", "concept")

    @property
    def nodes(self) -> list[str]:
        """Node ids: rows (one-mode) or rows then columns (two-mode)."""
        return list(self.rows) if self.is_one_mode else list(self.rows) + list(self.cols)

    def weight(self, u: str, v: str) -> float:
        """The tie weight between ``u`` and ``v`` (0 when absent)."""
        try:
            i = self.rows.index(u)
            j = self.cols.index(v)
        except ValueError:
            raise ParameterError(f"{u!r} or {v!r} is not a node of this {self.kind} network") from None
        return float(self.sparse[i, j])

    def edges(self) -> pd.DataFrame:
        """Non-zero ties as ``source, target, weight`` sorted by (source, target).

        One-mode networks are undirected: each tie appears once with ``source < target``.
        """
        coo = self.sparse.tocoo()
        r, c, w = coo.row, coo.col, coo.data
        keep = w != 0
        if self.is_one_mode:
            keep &= r < c
        r, c, w = r[keep], c[keep], w[keep]
        rows, cols = np.asarray(self.rows, dtype=object), np.asarray(self.cols, dtype=object)
        df = pd.DataFrame({"source": rows[r] if len(r) else pd.Series([], dtype=object),
                           "target": cols[c] if len(c) else pd.Series([], dtype=object),
                           "weight": w.astype(float)})
        df["source"] = df["source"].astype(str)
        df["target"] = df["target"].astype(str)
        return df.sort_values(["source", "target"], kind="stable").reset_index(drop=True)

    def node_table(self) -> pd.DataFrame:
        """One row per node: id, mode (actor/concept) and every node attribute (no missing values)."""
        recs = []
        for n in self.nodes:
            attrs = dict(self.node_attributes.get(n, {}))
            attrs.setdefault("mode", "concept" if (self.kind == "concept" or n in self.cols
                                                   and not self.is_one_mode) else "actor")
            recs.append({"id": n, **attrs})
        df = pd.DataFrame(recs)
        if df.empty:
            return pd.DataFrame(columns=["id", "mode"])
        for col in df.columns:
            if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
                df[col] = df[col].fillna("").astype(str)
            else:
                df[col] = df[col].fillna(0)
        return df

    def to_networkx(self):
        """A ``networkx.Graph``: nodes with attributes, edges with ``weight`` (plus ``sign``).

        Two-mode networks are bipartite graphs (node attribute ``bipartite`` 0 = actor,
        1 = concept). Node and edge order are sorted, so exports are reproducible.
        """
        import networkx as nx

        g = nx.Graph()
        g.graph.update({k: v for k, v in self.params.items() if isinstance(v, (str, int, float, bool))})
        g.graph["kind"] = self.kind
        for rec in self.node_table().to_dict("records"):
            n = rec.pop("id")
            if not self.is_one_mode:
                rec["bipartite"] = 1 if rec.get("mode") == "concept" else 0
            g.add_node(n, **rec)
        for s, t, w in self.edges().itertuples(index=False):
            attrs = {"weight": float(w)}
            if self.params.get("agreement") == "subtract" or self.params.get("aggregation") == "subtract":
                attrs["sign"] = int(np.sign(w))
            if self.params.get("aggregation") == "combine":
                attrs["combine"] = COMBINE_CODES.get(int(w), "")
            g.add_edge(s, t, **attrs)
        return g

    # -- provenance ------------------------------------------------------------------------
    def provenance(self, u: str, v: str) -> pd.DataFrame:
        """The verbatim statement rows that produce the tie between ``u`` and ``v``.

        * two-mode: the statements of actor ``u`` on concept ``v`` that the aggregation counts
          (``subtract`` leaves out stance 0).
        * actor network: the statements of ``u`` and ``v`` on the (concept, stance) cells they
          share (congruence), hold with opposite stances (conflict), both (subtract), or on
          concepts both mention (ignore).
        * concept network: the statements on ``u`` and ``v`` by the actors who hold the same
          (congruence) / opposite (conflict) stance on both, or mention both (ignore).

        Rows come from :attr:`statements` with their original labels, in input order. Empty when
        there is no tie.
        """
        st = self.statements
        if st.empty:
            return st
        level = self.params.get("level", "speaker")
        actor = actor_column(st, level).to_numpy(dtype=object)
        concept = st["concept"].astype(str).to_numpy(dtype=object)
        stance = st["stance"].to_numpy()
        if self.kind == "two-mode":
            m = (actor == u) & (concept == v)
            if self.params.get("aggregation") == "subtract":
                m &= stance != 0
            return st.loc[m]
        if self.kind == "actor":
            node, other = actor, concept
        else:
            node, other = concept, actor
        agreement = self.params.get("agreement", "congruence")
        mu, mv = node == u, node == v
        if agreement == "ignore":
            shared = set(other[mu]) & set(other[mv])
            return st.loc[(mu | mv) & np.isin(other, list(shared))]
        cells_u = {(o, k) for o, k in zip(other[mu], stance[mu]) if k != 0}
        cells_v = {(o, k) for o, k in zip(other[mv], stance[mv]) if k != 0}
        keep_u, keep_v = set(), set()
        if agreement in ("congruence", "subtract"):
            same = cells_u & cells_v
            keep_u |= same
            keep_v |= same
        if agreement in ("conflict", "subtract"):
            keep_u |= {(o, k) for o, k in cells_u if (o, -k) in cells_v}
            keep_v |= {(o, k) for o, k in cells_v if (o, -k) in cells_u}
        pairs = list(zip(other, stance))
        m = np.array([(mu[i] and pairs[i] in keep_u) or (mv[i] and pairs[i] in keep_v)
                      for i in range(len(pairs))], dtype=bool)
        return st.loc[m]

    def provenance_table(self) -> pd.DataFrame:
        """Every edge with the statement rows behind it: ``source, target, weight, row``.

        One line per (edge, statement row); ``row`` is the statement's label in the input table.
        Meant for networks of up to a few thousand edges (it calls :meth:`provenance` per edge).
        """
        out = []
        for s, t, w in self.edges().itertuples(index=False):
            for row in self.provenance(s, t).index:
                out.append((s, t, float(w), row))
        return pd.DataFrame(out, columns=["source", "target", "weight", "row"])


# ---------------------------------------------------------------------------------------------
# node attributes
# ---------------------------------------------------------------------------------------------
def _actor_attributes(ids, codebook, statements: pd.DataFrame, level: str) -> dict[str, dict]:
    counts = actor_column(statements, level).value_counts() if len(statements) else pd.Series(dtype=int)
    out = {}
    for a in ids:
        rec = {"mode": "actor", "label": a, "actor_kind": "", "organization": "", "country": "",
               "bloc": "other", "n_statements": int(counts.get(a, 0))}
        if codebook is not None:
            rec["label"] = codebook.label(a)
            if a in codebook.actors:
                act = codebook.actors[a]
                rec.update(actor_kind=act.kind, organization=codebook.organization_of(a), country=act.country,
                           bloc=act.bloc)
        out[a] = rec
    return out


def _concept_attributes(ids, codebook, statements: pd.DataFrame) -> dict[str, dict]:
    c = statements["concept"].astype(str) if len(statements) else pd.Series([], dtype=str)
    counts = c.value_counts()
    st = statements["stance"] if len(statements) else pd.Series([], dtype=int)
    pos = c[st.to_numpy() == 1].value_counts()
    neg = c[st.to_numpy() == -1].value_counts()
    out = {}
    for j in ids:
        out[j] = {"mode": "concept", "label": codebook.label(j) if codebook is not None else j,
                  "n_statements": int(counts.get(j, 0)), "n_support": int(pos.get(j, 0)),
                  "n_oppose": int(neg.get(j, 0))}
    return out


def _default_nodes(isolates: bool, nodes, codebook, level: str, kind: str) -> list[str]:
    if not isolates:
        return []
    if nodes is not None:
        return list(nodes)
    if codebook is None:
        return []
    if kind == "concept":
        return list(codebook.concepts)
    if level == "organization":
        return sorted({codebook.organization_of(a) for a in codebook.actors})
    return list(codebook.actors)


# ---------------------------------------------------------------------------------------------
# two-mode
# ---------------------------------------------------------------------------------------------
def _scale_rows(m: sp.spmatrix, d: np.ndarray) -> sp.csr_matrix:
    inv = np.divide(1.0, d, out=np.zeros_like(d, dtype=float), where=d != 0)
    return (sp.diags(inv) @ m).tocsr()


def two_mode_network(statements: pd.DataFrame, aggregation: str = "ignore",
                     normalization: str = "none", level: str = "speaker", *,
                     isolates: bool = False, nodes=None, concepts=None,
                     codebook=None, weights=None) -> Network:
    """Actor x concept network (see the module docstring for the formulas).

    ``nodes``/``concepts`` add actor/concept ids kept as isolates when ``isolates`` is True.
    ``codebook`` (optional) supplies node labels, blocs and organizations.
    """
    _check("aggregation", aggregation, AGGREGATIONS)
    _check("normalization", normalization, TWO_MODE_NORMALIZATIONS)
    if aggregation == "combine" and normalization != "none":
        raise ParameterError("parameter normalization: aggregation 'combine' produces codes "
                             "(1 support, 2 oppose, 3 both, 4 no side), which cannot be normalised; "
                             "use normalization='none'")
    extra_actors = _default_nodes(isolates, nodes, codebook, level, "actor")
    extra_concepts = _default_nodes(isolates, concepts, codebook, level, "concept")
    arr = stance_array(statements, level, extra_actors, extra_concepts, weights)
    A = arr.total
    if aggregation == "ignore":
        m = A
    elif aggregation == "subtract":
        m = (arr.pos - arr.neg).tocsr()
    else:
        has_p = (arr.pos > 0).astype(float)
        has_n = (arr.neg > 0).astype(float)
        has_z = ((arr.neu > 0).astype(float) - has_p.multiply(arr.neu > 0)
                 - has_n.multiply(arr.neu > 0) + has_p.multiply(has_n).multiply(arr.neu > 0))
        m = (has_p + 2 * has_n + 4 * has_z).tocsr()
    if normalization == "activity":
        m = _scale_rows(m, np.asarray(A.sum(axis=1)).ravel())
    elif normalization == "prominence":
        m = _scale_rows(m.T, np.asarray(A.sum(axis=0)).ravel()).T.tocsr()
    m.eliminate_zeros()
    return Network("two-mode", arr.actors, arr.concepts, m.tocsr(), statements,
                   {"aggregation": aggregation, "normalization": normalization, "level": level},
                   {**_actor_attributes(arr.actors, codebook, statements, level),
                    **_concept_attributes(arr.concepts, codebook, statements)})


# ---------------------------------------------------------------------------------------------
# one-mode
# ---------------------------------------------------------------------------------------------
def _pairwise_scale(w: sp.spmatrix, fn) -> sp.csr_matrix:
    """Apply ``fn(data, row, col)`` to the non-zero entries of ``w`` (vectorised)."""
    coo = w.tocoo()
    data = fn(coo.data.astype(float), coo.row, coo.col)
    return sp.csr_matrix((data, (coo.row, coo.col)), shape=w.shape)


def _one_mode_matrix(arr: StanceArray, agreement: str, normalization: str) -> sp.csr_matrix:
    P, N = arr.pos, arr.neg

    def raw(kind: str) -> sp.csr_matrix:
        if kind == "congruence":
            return (P @ P.T + N @ N.T).tocsr()
        if kind == "conflict":
            return (P @ N.T + N @ P.T).tocsr()
        A = arr.total
        return (A @ A.T).tocsr()

    def normalise(kind: str) -> sp.csr_matrix:
        w = raw(kind)
        w.setdiag(0)
        w.eliminate_zeros()
        if normalization == "none":
            return w
        if normalization == "average":
            X = arr.total if kind == "ignore" else (P + N)
            n = np.asarray(X.sum(axis=1)).ravel()
            return _pairwise_scale(w, lambda d, r, c: d / ((n[r] + n[c]) / 2.0))
        if normalization == "cosine":
            if kind == "ignore":
                sq = np.asarray(arr.total.multiply(arr.total).sum(axis=1)).ravel()
            else:
                sq = np.asarray(P.multiply(P).sum(axis=1) + N.multiply(N).sum(axis=1)).ravel()
            norm = np.sqrt(sq)
            return _pairwise_scale(w, lambda d, r, c: d / (norm[r] * norm[c]))
        # jaccard on sets of held positions
        if kind == "ignore":
            B = (arr.total > 0).astype(float)
            inter = (B @ B.T).tocsr()
            size = np.asarray(B.sum(axis=1)).ravel()
        else:
            Bp, Bn = (P > 0).astype(float), (N > 0).astype(float)
            inter = (Bp @ Bp.T + Bn @ Bn.T) if kind == "congruence" else (Bp @ Bn.T + Bn @ Bp.T)
            inter = inter.tocsr()
            size = np.asarray(Bp.sum(axis=1) + Bn.sum(axis=1)).ravel()
        inter.setdiag(0)
        inter.eliminate_zeros()
        return _pairwise_scale(inter, lambda d, r, c: d / (size[r] + size[c] - d))

    if agreement == "subtract":
        m = normalise("congruence") - normalise("conflict")
    else:
        m = normalise(agreement)
    m = m.tocsr()
    m.eliminate_zeros()
    return m


def _drop_isolates(labels: list[str], m: sp.csr_matrix, keep_all: bool):
    if keep_all:
        return labels, m
    deg = np.asarray((abs(m) > 0).sum(axis=1)).ravel()
    idx = np.flatnonzero(deg > 0)
    return [labels[i] for i in idx], m[idx][:, idx].tocsr()


def actor_network(statements: pd.DataFrame, agreement: str = "congruence",
                  normalization: str = "none", level: str = "speaker", *,
                  isolates: bool = False, nodes=None, codebook=None, weights=None) -> Network:
    """Actor x actor network; ``level="organization"`` gives the organization-level network.

    ``weights``: optional per-statement weights (see :func:`stance_array`).
    """
    _check("agreement", agreement, AGREEMENTS)
    _check("normalization", normalization, ONE_MODE_NORMALIZATIONS)
    arr = stance_array(statements, level, _default_nodes(isolates, nodes, codebook, level, "actor"),
                       None, weights)
    m = _one_mode_matrix(arr, agreement, normalization)
    labels, m = _drop_isolates(arr.actors, m, isolates)
    return Network("actor", labels, labels, m, statements,
                   {"agreement": agreement, "normalization": normalization, "level": level},
                   _actor_attributes(labels, codebook, statements, level))


def concept_network(statements: pd.DataFrame, agreement: str = "congruence",
                    normalization: str = "none", level: str = "speaker", *,
                    isolates: bool = False, nodes=None, codebook=None, weights=None) -> Network:
    """Concept x concept network: concepts linked through actors' stances on both.

    ``level`` says which actors link concepts (speakers, or organizations: two US officials
    count as one actor).
    """
    _check("agreement", agreement, AGREEMENTS)
    _check("normalization", normalization, ONE_MODE_NORMALIZATIONS)
    arr = stance_array(statements, level, None,
                       _default_nodes(isolates, nodes, codebook, level, "concept"), weights).transpose()
    m = _one_mode_matrix(arr, agreement, normalization)
    labels, m = _drop_isolates(arr.actors, m, isolates)
    return Network("concept", labels, labels, m, statements,
                   {"agreement": agreement, "normalization": normalization, "level": level},
                   _concept_attributes(labels, codebook, statements))


# ---------------------------------------------------------------------------------------------
# interactions
# ---------------------------------------------------------------------------------------------
def select_interactions(interactions: pd.DataFrame, *, start=None, end=None, types=None,
                        actors=()) -> pd.DataFrame:
    """Interaction rows within an inclusive date range, of ``types``, touching ``actors``.

    The input's index is kept (provenance). ``actors`` matches the source or the target.
    """
    from .filters import _ids, date_mask
    from .statements import INTERACTION_TYPES

    mask = date_mask(interactions["date"], start, end)
    if types:
        types = _ids("types", types)
        bad = [t for t in types if t not in INTERACTION_TYPES]
        if bad:
            raise ParameterError(f"parameter types: {bad[0]!r} is not one of {', '.join(INTERACTION_TYPES)}")
        mask &= interactions["type"].isin(types).to_numpy()
    who = _ids("actors", actors)
    if who:
        mask &= (interactions["source_actor"].isin(who) | interactions["target_actor"].isin(who)).to_numpy()
    return interactions.loc[mask]


def interaction_network(interactions: pd.DataFrame, codebook=None, *, start=None, end=None,
                        types=None, actors=()):
    """Directed, typed, dated multigraph of coded interactions (``networkx.MultiDiGraph``).

    One edge per interaction row, from ``source_actor`` to ``target_actor``, keyed by the row
    label (so ``g.edges[u, v, row]`` traces back to ``interactions.loc[row]``), with attributes
    ``type``, ``date``, ``place``, ``doc_id``, ``span_start``, ``span_end`` (offsets; not
    ``start``/``end``, which GEXF reads as dynamic times), ``text`` (the verbatim
    evidence) and ``row``. Nodes carry ``label``, ``bloc``, ``organization``, ``actor_kind``,
    ``country``. No attribute is ever None (missing values are empty strings), so the graph
    exports to GraphML/GEXF as is. Edges are added in (date, source, target, row) order.
    """
    import networkx as nx

    sel = select_interactions(interactions, start=start, end=end, types=types, actors=actors)
    g = nx.MultiDiGraph()
    g.graph["kind"] = "interaction"
    ids = sorted(set(sel["source_actor"].astype(str)) | set(sel["target_actor"].astype(str)))
    attrs = _actor_attributes(ids, codebook, pd.DataFrame({"speaker": [], "organization": []}),
                              "speaker")
    for n in ids:
        a = dict(attrs[n])
        a.pop("n_statements", None)
        g.add_node(n, **a)
    order = sel.assign(_row=sel.index).sort_values(["date", "source_actor", "target_actor", "_row"],
                                                   kind="stable")
    for row, r in order.iterrows():
        key = int(row) if isinstance(row, (int, np.integer)) else str(row)
        g.add_edge(str(r["source_actor"]), str(r["target_actor"]), key=key,
                   type=str(r["type"]), date=str(r["date"]), place=str(r.get("place", "") or ""),
                   doc_id=str(r["doc_id"]), span_start=int(r["start"]), span_end=int(r["end"]),
                   text=str(r["text"]), row=key if isinstance(key, int) else -1)
    return g
