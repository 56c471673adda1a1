"""Strength, coalitions, polarization and consensus on hand-computed examples."""

import pytest

from crisisnet.analysis import (actor_positions, best_partition, coalitions, concept_consensus, polarization,
                                strength)
from crisisnet.errors import ParameterError
from crisisnet.networks import actor_network

from networks_helpers import make_statements, worked_example


def two_camps():
    """w1, w2 (west) support x and y; r1, r2 (russia) oppose x and y.

    congruence within camps: w1-w2 = 2 (x+, y+), r1-r2 = 2; conflict between: every w-r pair = 2.
    """
    rows = []
    for a in ("w1", "w2"):
        rows += [(a, "x", 1), (a, "y", 1)]
    for a in ("r1", "r2"):
        rows += [(a, "x", -1), (a, "y", -1)]
    return make_statements(rows)


def test_strength_of_subtract_network():
    """subtract: a-b = 1, a-c = -2, b-c = -1 -> a: degree 2, strength 3, positive 1, negative 2."""
    s = strength(actor_network(worked_example(), "subtract")).set_index("node")
    assert s.loc["a"].tolist() == [2, 3, 1, 2]
    assert s.loc["c"].tolist() == [2, 3, 0, 3]


def test_coalitions_are_the_two_camps_and_deterministic():
    net = actor_network(two_camps(), "congruence")
    c = coalitions(net)
    assert c.groupby("coalition")["node"].apply(list).tolist() == [["r1", "r2"], ["w1", "w2"]]
    assert c.equals(coalitions(net))


def test_polarization_of_perfect_camps_is_one():
    """quality = [(C_in - C_out) + (D_out - D_in)] / total = [(4 - 0) + (8 - 0)] / 12 = 1."""
    st = two_camps()
    c, d = actor_network(st, "congruence"), actor_network(st, "conflict")
    p = polarization(c, d, {"w1": "west", "w2": "west", "r1": "russia", "r2": "russia"})
    assert p.quality == pytest.approx(1.0)
    assert (p.congruence_within, p.congruence_between, p.conflict_within, p.conflict_between) == (4, 0, 0, 8)


def test_polarization_of_a_crossing_partition():
    """groups {w1, r1}, {w2, r2}: C_in 0, C_out 4; D_in 2 + 2 = 4, D_out 4 -> (0 - 4 + 4 - 4) / 12 = -1/3."""
    st = two_camps()
    p = polarization(actor_network(st, "congruence"), actor_network(st, "conflict"),
                     {"w1": 1, "r1": 1, "w2": 2, "r2": 2})
    assert p.quality == pytest.approx(-1 / 3)


def test_best_partition_finds_the_camps():
    st = two_camps()
    c, d = actor_network(st, "congruence"), actor_network(st, "conflict")
    groups = best_partition(c, d)
    assert groups["w1"] == groups["w2"] != groups["r1"] == groups["r2"]
    assert polarization(c, d).quality == pytest.approx(1.0)


def test_polarization_refuses_subtract_networks():
    st = two_camps()
    with pytest.raises(ParameterError, match="negative weights"):
        polarization(actor_network(st, "subtract"), actor_network(st, "conflict"))


def test_actor_positions_never_impute():
    """c: x oppose, y only stance 0 -> neutral; a-y oppose; pairs without statements are absent."""
    st = pd_concat(worked_example(), make_statements([("d", "x", 1), ("d", "x", -1)]))
    p = actor_positions(st).set_index(["actor", "concept"])["position"]
    assert p[("c", "y")] == "neutral" and p[("a", "y")] == "oppose" and p[("d", "x")] == "mixed"
    assert ("d", "y") not in p.index


def pd_concat(*frames):
    import pandas as pd
    return pd.concat(frames, ignore_index=True)


def test_concept_consensus_statuses(codebook):
    """diplomacy: usa and russia both support -> consensus (two blocs);
    nato_open_door: usa +, russia - -> contested, contestation 2*1/2 = 1;
    sanctions: usa and eu support, both west -> one-sided; arms_control: only stance 0 -> no side."""
    st = make_statements([("usa", "diplomacy", 1), ("russia", "diplomacy", 1),
                          ("usa", "nato_open_door", 1), ("russia", "nato_open_door", -1),
                          ("usa", "sanctions", 1), ("eu", "sanctions", 1), ("usa", "arms_control", 0)])
    t = concept_consensus(st, "speaker", codebook).set_index("concept")
    assert t.loc["diplomacy", "status"] == "consensus"
    assert t.loc["nato_open_door", "status"] == "contested"
    assert t.loc["nato_open_door", "contestation"] == 1.0
    assert t.loc["sanctions", "status"] == "one-sided"
    assert t.loc["arms_control", "status"] == "no side"
    assert t.loc["nato_open_door", "blocs_oppose"] == "russia"


def test_concept_consensus_uses_net_positions(codebook):
    """russia on diplomacy: +1, +1, -1 -> net +1 -> supports (with usa: consensus across blocs);
    on de_escalation usa +1, russia +1 and -1 -> net 0 -> mixed, so de_escalation is contested."""
    st = make_statements([("usa", "diplomacy", 1), ("russia", "diplomacy", 1), ("russia", "diplomacy", 1),
                          ("russia", "diplomacy", -1), ("usa", "de_escalation", 1),
                          ("russia", "de_escalation", 1), ("russia", "de_escalation", -1)])
    t = concept_consensus(st, "speaker", codebook).set_index("concept")
    assert t.loc["diplomacy", "status"] == "consensus" and t.loc["diplomacy", "support"] == "russia, usa"
    assert t.loc["de_escalation", "status"] == "contested" and t.loc["de_escalation", "mixed"] == "russia"
    # actor_positions itself keeps the finer label: both sides were stated
    assert actor_positions(st).set_index(["actor", "concept"]).loc[("russia", "diplomacy"), "position"] == "mixed"


def test_seed_data_consensus_and_contested(seeds_project):
    """The seeds: every side supports diplomacy; the sides split on nato_open_door and security_guarantees."""
    t = concept_consensus(seeds_project.statements, "organization", seeds_project.codebook).set_index("concept")
    assert t.loc["diplomacy", "status"] == "consensus"
    assert t.loc["diplomacy", "n_oppose"] == 0
    for c in ("nato_open_door", "security_guarantees"):
        assert t.loc[c, "status"] == "contested"
        assert "russia" in t.loc[c, "blocs_support"] + t.loc[c, "blocs_oppose"]
        assert "west" in t.loc[c, "blocs_support"] + t.loc[c, "blocs_oppose"]


def test_best_partition_of_a_consensus_is_not_polarized():
    """a, b, c all support x, no conflict: any 2-group split puts some agreement between groups,
    so the best quality is <= 0 (one 'group' holding everyone would wrongly score 1)."""
    st = make_statements([("a", "x", 1), ("b", "x", 1), ("c", "x", 1)])
    cong, conf = actor_network(st, "congruence"), actor_network(st, "conflict")
    groups = best_partition(cong, conf, k=2)
    assert sorted(set(groups.values())) == [1, 2]
    assert polarization(cong, conf, groups).quality <= 0
