"""Exports round-trip through networkx readers and are byte-identical on re-runs."""

import networkx as nx
import pandas as pd
import pytest

from crisisnet.errors import ParameterError
from crisisnet.export import (flat_statements, gexf_text, graphml_text, write_edge_csv, write_flat_statements,
                              write_gexf, write_graphml, write_node_csv, write_provenance_csv)
from crisisnet.networks import actor_network, interaction_network, two_mode_network

from networks_helpers import worked_example


@pytest.fixture
def net():
    return actor_network(worked_example(), "subtract", "cosine")


def test_graphml_round_trip_keeps_weights_and_types(tmp_path, net):
    path = write_graphml(net, tmp_path / "n.graphml")
    g = nx.read_graphml(path)
    assert sorted(g.nodes) == ["a", "b", "c"]
    for s, t, w in net.edges().itertuples(index=False):
        assert g[s][t]["weight"] == pytest.approx(w)
        assert isinstance(g[s][t]["sign"], int)
    assert isinstance(g.nodes["a"]["n_statements"], int)
    text = path.read_text()
    assert 'attr.type="double"' in text and "visone" not in text and "yfiles" not in text
    assert "None" not in text


def test_gexf_round_trip_and_no_date(tmp_path, net):
    path = write_gexf(net, tmp_path / "n.gexf")
    text = path.read_text()
    assert "lastmodifieddate" not in text
    g = nx.read_gexf(path)
    assert g.number_of_edges() == 3
    assert sorted(d["weight"] for *_, d in g.edges(data=True)) == pytest.approx(sorted(net.edges()["weight"]))


def test_exports_are_deterministic(net):
    assert graphml_text(net) == graphml_text(actor_network(worked_example(), "subtract", "cosine"))
    assert gexf_text(net) == gexf_text(actor_network(worked_example().iloc[::-1], "subtract", "cosine"))


def test_two_mode_and_interaction_graphml(tmp_path):
    g = nx.read_graphml(write_graphml(two_mode_network(worked_example(), "combine"), tmp_path / "t.graphml"))
    assert g.nodes["x"]["bipartite"] == 1 and g["c"]["y"]["combine"] == "mentioned, no side"
    inter = pd.DataFrame([{"doc_id": "d", "start": 0, "end": 3, "text": "met", "source_actor": "a",
                           "target_actor": "b", "type": "met", "date": "2022-01-10", "place": "", "note": ""}])
    h = nx.read_graphml(write_graphml(interaction_network(inter), tmp_path / "i.graphml"), force_multigraph=True)
    assert h.is_directed()
    (u, v, d), = h.edges(data=True)
    assert (u, v, d["type"], d["date"], d["place"]) == ("a", "b", "met", "2022-01-10", "")
    gx = nx.read_gexf(write_gexf(interaction_network(inter), tmp_path / "i.gexf"))
    assert gx.number_of_edges() == 1


def test_list_attributes_are_refused():
    g = nx.Graph()
    g.add_node("a", tags=["x", "y"])
    with pytest.raises(ParameterError, match="node 'a' attribute tags"):
        graphml_text(g)


def test_csv_node_edge_lists_round_trip(tmp_path, net):
    nodes = pd.read_csv(write_node_csv(net, tmp_path / "nodes.csv"), keep_default_na=False)
    edges = pd.read_csv(write_edge_csv(net, tmp_path / "edges.csv"))
    assert nodes["id"].tolist() == ["a", "b", "c"]
    assert nodes["n_statements"].tolist() == [3, 2, 2]
    assert edges[["source", "target"]].values.tolist() == [["a", "b"], ["a", "c"], ["b", "c"]]
    assert edges["weight"].tolist() == pytest.approx(net.edges()["weight"].tolist())
    assert set(edges["type"]) == {"Undirected"}


def test_provenance_csv_has_verbatim_rows(tmp_path):
    net = actor_network(worked_example(), "congruence")
    prov = pd.read_csv(write_provenance_csv(net, tmp_path / "p.csv"))
    assert prov["row"].tolist() == [0, 1, 3]
    assert prov["text"].tolist() == ["s0", "s1", "s3"]


def test_flat_statements_with_all_attributes(seeds_project, tmp_path):
    p = seeds_project
    flat = flat_statements(p.statements, p.corpus, p.codebook)
    assert len(flat) == len(p.statements)
    for col in ("speaker_name", "speaker_bloc", "organization_name", "concept_label", "doc_title", "doc_date"):
        assert col in flat.columns
        assert not flat[col].isna().any()
    back = pd.read_csv(write_flat_statements(p.statements, tmp_path / "flat.csv", p.corpus, p.codebook),
                       keep_default_na=False)
    assert back["text"].tolist() == p.statements["text"].tolist()
    assert back["row"].tolist() == list(p.statements.index)
