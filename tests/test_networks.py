"""Two-mode and one-mode networks on small hand-computed examples (see tests/networks_helpers.py).

Worked example (actors a, b, c; concepts x, y)::

    a: x +1 (twice), y -1        P_a = [2, 0]  N_a = [0, 1]
    b: x +1,        y +1         P_b = [1, 1]  N_b = [0, 0]
    c: x -1,        y  0         P_c = [0, 0]  N_c = [1, 0]  Z_c = [0, 1]
"""

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from crisisnet.errors import ParameterError
from crisisnet.networks import (actor_network, concept_network, interaction_network, stance_array,
                                two_mode_network)

from networks_helpers import make_statements, worked_example


def pair(net, u, v):
    return net.matrix.loc[u, v] if u in net.rows and v in net.cols else 0.0


# ---------------------------------------------------------------------------- two-mode
def test_two_mode_ignore_counts_every_statement_including_stance_0():
    """ignore = P + N + Z: a = [2, 1], b = [1, 1], c = [1 (x -1), 1 (y 0)]."""
    m = two_mode_network(worked_example(), "ignore").matrix
    assert m.loc["a"].tolist() == [2, 1]
    assert m.loc["b"].tolist() == [1, 1]
    assert m.loc["c"].tolist() == [1, 1]


def test_two_mode_subtract_is_support_minus_oppose():
    """subtract = P - N: a = [2-0, 0-1] = [2, -1]; b = [1, 1]; c = [0-1, 0] = [-1, 0] (stance 0 adds 0)."""
    m = two_mode_network(worked_example(), "subtract").matrix
    assert m.loc["a"].tolist() == [2, -1]
    assert m.loc["b"].tolist() == [1, 1]
    assert m.loc["c"].tolist() == [-1, 0]


def test_two_mode_combine_codes_keep_neutral_apart_from_no_statement():
    """combine: 1 support only, 2 oppose only, 3 both, 4 only stance 0, 0 no statement.

    a: x support only -> 1, y oppose only -> 2; c: x oppose -> 2, y only stance 0 -> 4;
    d (added): x both +1 and -1 -> 3, y no statement -> 0.
    """
    st = pd.concat([worked_example(), make_statements([("d", "x", 1), ("d", "x", -1)])], ignore_index=True)
    m = two_mode_network(st, "combine").matrix
    assert m.loc["a"].tolist() == [1, 2]
    assert m.loc["c"].tolist() == [2, 4]
    assert m.loc["d"].tolist() == [3, 0]


def test_two_mode_activity_divides_rows_by_statement_count():
    """activity(ignore): a = [2, 1] / 3; b = [1, 1] / 2; activity(subtract): c = [-1, 0] / 2 (2 statements)."""
    m = two_mode_network(worked_example(), "ignore", "activity").matrix
    assert m.loc["a"].tolist() == pytest.approx([2 / 3, 1 / 3])
    assert m.loc["b"].tolist() == pytest.approx([0.5, 0.5])
    s = two_mode_network(worked_example(), "subtract", "activity").matrix
    assert s.loc["c"].tolist() == pytest.approx([-0.5, 0.0])


def test_two_mode_prominence_divides_columns_by_statement_count():
    """prominence(ignore): column x has 2+1+1 = 4 statements, y has 1+1+1 = 3: a = [2/4, 1/3]."""
    m = two_mode_network(worked_example(), "ignore", "prominence").matrix
    assert m.loc["a"].tolist() == pytest.approx([0.5, 1 / 3])
    assert m["x"].sum() == pytest.approx(1.0)
    assert m["y"].sum() == pytest.approx(1.0)


def test_combine_refuses_normalization():
    with pytest.raises(ParameterError, match="normalization"):
        two_mode_network(worked_example(), "combine", "activity")


# ---------------------------------------------------------------------------- one-mode
def test_congruence_none():
    """C = P P^T + N N^T: a-b = 2*1 + 0*1 (x+, y+) + 0 = 2; a-c = 0 (P_c = 0, N_a.N_c = 0*1 + 1*0); diagonal 0."""
    net = actor_network(worked_example(), "congruence", isolates=True)
    assert pair(net, "a", "b") == 2 and pair(net, "b", "a") == 2
    assert pair(net, "a", "c") == 0 and pair(net, "b", "c") == 0
    assert np.all(np.diag(net.matrix.to_numpy()) == 0)


def test_conflict_none():
    """D = P N^T + N P^T: a-b = P_a.N_b + N_a.P_b = 0 + (0*1 + 1*1) = 1; a-c = P_a.N_c = 2*1 = 2; b-c = 1*1 = 1."""
    net = actor_network(worked_example(), "conflict")
    assert (pair(net, "a", "b"), pair(net, "a", "c"), pair(net, "b", "c")) == (1, 2, 1)


def test_subtract_none_is_congruence_minus_conflict():
    """a-b = 2 - 1 = 1; a-c = 0 - 2 = -2; b-c = 0 - 1 = -1."""
    net = actor_network(worked_example(), "subtract")
    assert (pair(net, "a", "b"), pair(net, "a", "c"), pair(net, "b", "c")) == (1, -2, -1)


def test_ignore_none_multiplies_row_sums_per_concept():
    """A = P + N + Z: a = [2, 1], b = [1, 1], c = [1, 1]; a-b = 2+1 = 3, a-c = 3, b-c = 1+1 = 2."""
    net = actor_network(worked_example(), "ignore")
    assert (pair(net, "a", "b"), pair(net, "a", "c"), pair(net, "b", "c")) == (3, 3, 2)


def test_average_normalization():
    """n (stance +-1 statements): a = 3, b = 2, c = 1 (c's stance-0 statement does not count).

    congruence a-b = 2 / ((3+2)/2) = 0.8; conflict a-c = 2 / ((3+1)/2) = 1.0, b-c = 1 / 1.5.
    ignore counts all statements (c has 2): ignore b-c = 2 / ((2+2)/2) = 1.0.
    """
    st = worked_example()
    assert pair(actor_network(st, "congruence", "average"), "a", "b") == pytest.approx(0.8)
    conf = actor_network(st, "conflict", "average")
    assert pair(conf, "a", "c") == pytest.approx(1.0)
    assert pair(conf, "b", "c") == pytest.approx(2 / 3)
    assert pair(actor_network(st, "ignore", "average"), "b", "c") == pytest.approx(1.0)


def test_true_cosine_uses_vector_norms_not_count_products():
    """Vectors over (x+, y+, x-, y-): a = (2,0,0,1) |a| = sqrt5, b = (1,1,0,0) |b| = sqrt2, c = (0,0,1,0) |c| = 1.

    congruence a-b = 2 / sqrt10 = 0.632 (DNA's n_a*n_b = 3*2 would give 2/6 = 0.333);
    conflict a-c = 2 / sqrt5 = 0.894, b-c = 1 / sqrt2 = 0.707.
    """
    st = worked_example()
    cong = pair(actor_network(st, "congruence", "cosine"), "a", "b")
    assert cong == pytest.approx(2 / math.sqrt(10))
    assert cong != pytest.approx(2 / 6)
    conf = actor_network(st, "conflict", "cosine")
    assert pair(conf, "a", "c") == pytest.approx(2 / math.sqrt(5))
    assert pair(conf, "b", "c") == pytest.approx(1 / math.sqrt(2))


def test_cosine_of_identical_profiles_is_one():
    """Two actors with proportional vectors (a: x+ x+, b: x+) have cosine 1 whatever their activity."""
    st = make_statements([("a", "x", 1), ("a", "x", 1), ("b", "x", 1)])
    assert pair(actor_network(st, "congruence", "cosine"), "a", "b") == pytest.approx(1.0)


def test_jaccard_on_sets_of_positions():
    """S_a = {x+, y-}, S_b = {x+, y+}, S_c = {x-}.

    congruence a-b = |{x+}| / |{x+, y-, y+}| = 1/3;
    conflict compares S_a with the stance-swapped partner: a vs {x-, y-} -> {y-}: 1 / (2+2-1) = 1/3;
    a-c: swap(S_c) = {x+}: 1 / (2+1-1) = 1/2.
    """
    st = worked_example()
    assert pair(actor_network(st, "congruence", "jaccard"), "a", "b") == pytest.approx(1 / 3)
    conf = actor_network(st, "conflict", "jaccard")
    assert pair(conf, "a", "b") == pytest.approx(1 / 3)
    assert pair(conf, "a", "c") == pytest.approx(1 / 2)


def test_subtract_normalizes_before_subtracting():
    """subtract/average a-b = 0.8 (congruence) - 1/2.5 (conflict 1 over mean activity 2.5) = 0.4."""
    assert pair(actor_network(worked_example(), "subtract", "average"), "a", "b") == pytest.approx(0.4)


def test_projection_matches_brute_force_triple_sum():
    """The sparse products equal the definition sum_j sum_k a[i,j,k] a[i',j,k] on random data."""
    rng = np.random.default_rng(3)
    rows = [(f"a{rng.integers(8)}", f"c{rng.integers(5)}", int(rng.choice([-1, 0, 1]))) for _ in range(200)]
    st = make_statements(rows)
    arr = stance_array(st)
    a = np.stack([arr.neg.toarray(), arr.pos.toarray()], axis=2)   # k = -1, +1
    cong = np.einsum("ijk,ljk->il", a, a)
    conf = np.einsum("ijk,ljk->il", a, a[:, :, ::-1])
    np.fill_diagonal(cong, 0)
    np.fill_diagonal(conf, 0)
    c = actor_network(st, "congruence", isolates=True).matrix.reindex(index=arr.actors, columns=arr.actors).fillna(0)
    d = actor_network(st, "conflict", isolates=True).matrix.reindex(index=arr.actors, columns=arr.actors).fillna(0)
    assert np.allclose(c.to_numpy(), cong)
    assert np.allclose(d.to_numpy(), conf)


def test_isolates_flag():
    """c has no congruence tie: dropped without isolates, kept (all-zero row) with them."""
    st = worked_example()
    assert actor_network(st, "congruence").rows == ["a", "b"]
    assert actor_network(st, "congruence", isolates=True).rows == ["a", "b", "c"]
    assert actor_network(st, "congruence", isolates=True, nodes=["z"]).rows == ["a", "b", "c", "z"]


def test_organization_level_aggregates_speakers():
    """p1 and p2 speak for org u; q for v. At organization level u = x+ x+, v = x+: congruence u-v = 2."""
    st = make_statements([("p1", "x", 1, None, None, "u"), ("p2", "x", 1, None, None, "u"),
                          ("q", "x", 1, None, None, "v")])
    net = actor_network(st, "congruence", level="organization")
    assert net.rows == ["u", "v"]
    assert pair(net, "u", "v") == 2


def test_concept_network():
    """Concepts linked through actors: congruence x-y = b (x+, y+) = 1*1 = 1;
    conflict x-y = P_x.N_y + N_x.P_y = a (x+ twice, y- once) 2*1 + c (x-, y 0) 0 = 2."""
    st = worked_example()
    assert pair(concept_network(st, "congruence"), "x", "y") == 1
    assert pair(concept_network(st, "conflict"), "x", "y") == 2


def test_kernel_weights_replace_counts():
    """weights 0.5 on a's first statement: P_a = [1.5, 0] -> congruence a-b = 1.5."""
    st = worked_example()
    w = pd.Series(1.0, index=st.index)
    w.iloc[0] = 0.5
    assert pair(actor_network(st, "congruence", weights=w), "a", "b") == pytest.approx(1.5)


# ---------------------------------------------------------------------------- provenance
def test_provenance_congruence_returns_the_verbatim_rows():
    """a-b congruence comes from x+ only: a's rows 0, 1 and b's row 3 (not a's y- row 2 nor b's y+ row 4)."""
    st = worked_example()
    prov = actor_network(st, "congruence").provenance("a", "b")
    assert list(prov.index) == [0, 1, 3]
    pd.testing.assert_frame_equal(prov, st.loc[[0, 1, 3]])


def test_provenance_conflict_and_subtract():
    """conflict a-b: y- (a, row 2) vs y+ (b, row 4); subtract adds the congruent x+ rows 0, 1, 3."""
    st = worked_example()
    assert list(actor_network(st, "conflict").provenance("a", "b").index) == [2, 4]
    assert list(actor_network(st, "subtract").provenance("a", "b").index) == [0, 1, 2, 3, 4]


def test_provenance_keeps_original_labels_after_filtering():
    st = worked_example()
    st.index = st.index + 100
    sub = st[st.speaker != "b"]
    prov = actor_network(sub, "conflict").provenance("a", "c")
    assert list(prov.index) == [100, 101, 105]


def test_every_edge_has_provenance_and_no_tie_has_none():
    st = worked_example()
    for agreement in ("congruence", "conflict", "subtract", "ignore"):
        net = actor_network(st, agreement, isolates=True)
        for u in net.rows:
            for v in net.rows:
                if u < v:
                    assert (net.weight(u, v) != 0) == (len(net.provenance(u, v)) > 0), (agreement, u, v)
    table = actor_network(st, "congruence").provenance_table()
    assert set(table["row"]) == {0, 1, 3}


def test_two_mode_and_concept_provenance():
    st = worked_example()
    assert list(two_mode_network(st).provenance("c", "y").index) == [6]
    assert two_mode_network(st, "subtract").provenance("c", "y").empty
    # concept congruence x-y comes from b's two statements
    assert list(concept_network(st).provenance("x", "y").index) == [3, 4]


# ---------------------------------------------------------------------------- outputs
def test_edges_sorted_undirected_once_and_networkx():
    net = actor_network(worked_example(), "subtract")
    e = net.edges()
    assert list(zip(e.source, e.target)) == [("a", "b"), ("a", "c"), ("b", "c")]
    g = net.to_networkx()
    assert g["a"]["c"]["weight"] == -2 and g["a"]["c"]["sign"] == -1
    assert all(v is not None for _, d in g.nodes(data=True) for v in d.values())


def test_two_mode_to_networkx_is_bipartite():
    g = two_mode_network(worked_example()).to_networkx()
    assert {n for n, d in g.nodes(data=True) if d["bipartite"] == 1} == {"x", "y"}
    assert nx.is_bipartite(g)


def test_bad_parameters_have_clear_errors():
    st = worked_example()
    with pytest.raises(ParameterError, match="parameter agreement"):
        actor_network(st, "agree")
    with pytest.raises(ParameterError, match="parameter normalization.*cosine"):
        actor_network(st, "congruence", "dna")
    with pytest.raises(ParameterError, match="parameter level"):
        actor_network(st, level="bloc")
    bad = st.copy()
    bad.loc[2, "stance"] = 2
    with pytest.raises(ParameterError, match="row 2: stance"):
        actor_network(bad)


def test_empty_selection_gives_empty_network():
    net = actor_network(worked_example().iloc[0:0])
    assert net.rows == [] and net.edges().empty


def test_interaction_network_is_directed_typed_dated():
    inter = pd.DataFrame([
        {"doc_id": "d", "start": 0, "end": 5, "text": "met", "source_actor": "a", "target_actor": "b",
         "type": "met", "date": "2022-01-10", "place": "Geneva", "note": ""},
        {"doc_id": "d", "start": 6, "end": 9, "text": "hit", "source_actor": "b", "target_actor": "a",
         "type": "criticized", "date": "2022-01-26", "place": "", "note": ""},
        {"doc_id": "d", "start": 9, "end": 12, "text": "met", "source_actor": "a", "target_actor": "b",
         "type": "met", "date": "2022-01-12", "place": "", "note": ""}])
    g = interaction_network(inter)
    assert g.is_directed() and g.is_multigraph()
    assert g.number_of_edges("a", "b") == 2 and g.number_of_edges("b", "a") == 1
    assert g.edges["b", "a", 1]["type"] == "criticized"
    assert g.edges["a", "b", 0]["place"] == "Geneva" and g.edges["a", "b", 2]["date"] == "2022-01-12"
    assert interaction_network(inter, end="2022-01-11").number_of_edges() == 1
    assert interaction_network(inter, types=["criticized"]).number_of_edges() == 1
    with pytest.raises(ParameterError, match="parameter types"):
        interaction_network(inter, types=["hugged"])


def test_seed_statements_network_traces_back(seeds_project):
    st = seeds_project.statements
    net = actor_network(st, "congruence", "average", level="organization", codebook=seeds_project.codebook)
    assert net.edges().shape[0] > 0
    table = net.provenance_table()
    assert set(map(tuple, table[["source", "target"]].drop_duplicates().to_numpy())) == \
        set(map(tuple, net.edges()[["source", "target"]].to_numpy()))
    for row in table["row"].unique():
        assert st.loc[row, "text"] == seeds_project.corpus[st.loc[row, "doc_id"]].text[
            st.loc[row, "start"]:st.loc[row, "end"]]
