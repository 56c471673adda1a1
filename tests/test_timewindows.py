"""Moving windows and kernel weights on hand-computed examples."""

import numpy as np
import pandas as pd
import pytest

from crisisnet.errors import ParameterError
from crisisnet.networks import actor_network
from crisisnet.timewindows import kernel_weights, moving_windows, windows_summary

from networks_helpers import make_statements


def test_kernel_weights():
    """Window of 5 days centred on Jan 12: day offsets -2..2 scale to d = offset / 2.5.

    uniform 1; triangular 1 - |d|: offset 2 -> 1 - 0.8 = 0.2; epanechnikov 1 - d^2: 1 - 0.64 = 0.36;
    gaussian exp(-d^2 / 0.5): offset 0 -> 1, offset 2 -> exp(-1.28); offset 3 is outside -> 0.
    """
    c = pd.Timestamp("2022-01-12")
    dates = ["2022-01-12", "2022-01-14", "2022-01-15"]
    assert kernel_weights(dates, c, 5, "uniform").tolist() == [1, 1, 0]
    assert kernel_weights(dates, c, 5, "triangular") == pytest.approx([1, 0.2, 0])
    assert kernel_weights(dates, c, 5, "epanechnikov") == pytest.approx([1, 0.36, 0])
    assert kernel_weights(dates, c, 5, "gaussian") == pytest.approx([1, np.exp(-1.28), 0])


def _timeline():
    # a and b agree on x on Jan 10 (a) and Jan 12 (b); c disagrees on Jan 14
    return make_statements([("a", "x", 1, "2022-01-10"), ("b", "x", 1, "2022-01-12"), ("c", "x", -1, "2022-01-14")])


def test_windows_cover_the_range_step_by_step():
    """Jan 10..14 with 3-day windows, step 1: starts 10, 11, 12 (last window ends on the 14th)."""
    wins = moving_windows(_timeline(), 3, 1, agreement="subtract")
    assert [w.label for w in wins] == ["2022-01-10..2022-01-12", "2022-01-11..2022-01-13",
                                       "2022-01-12..2022-01-14"]
    s = windows_summary(wins)
    assert s["statements"].tolist() == [2, 1, 2]
    # window 1: a-b congruence 1; window 3: b-c conflict -1
    assert wins[0].network.weight("a", "b") == 1
    assert wins[2].network.weight("b", "c") == -1
    assert s["negative"].tolist() == [0, 0, 1]


def test_windows_share_one_node_set_and_match_plain_networks():
    wins = moving_windows(_timeline(), 3, 2)
    assert all(w.network.rows == ["a", "b", "c"] for w in wins)
    for w in wins:
        plain = actor_network(w.statements, isolates=True, nodes=["a", "b", "c"])
        assert np.allclose(w.network.matrix.to_numpy(), plain.matrix.to_numpy())


def test_kernel_window_weights_ties():
    """5-day window Jan 10..14 centred on the 12th, triangular: a (offset -2) weight 0.2, b 1 -> a-b = 0.2."""
    wins = moving_windows(_timeline(), 5, 1, kernel="triangular")
    assert len(wins) == 1
    assert wins[0].network.weight("a", "b") == pytest.approx(0.2)


def test_windows_are_reproducible():
    st = make_statements([(f"a{i % 4}", f"c{i % 3}", [1, -1, 0][i % 3], f"2022-01-{10 + i % 9:02d}") for i in range(40)])
    one = windows_summary(moving_windows(st, 4, 1, kernel="gaussian", agreement="subtract"))
    two = windows_summary(moving_windows(st.sample(frac=1, random_state=1), 4, 1, kernel="gaussian",
                                         agreement="subtract"))
    pd.testing.assert_frame_equal(one, two)


def test_short_data_gives_one_window_and_bad_parameters_fail():
    assert len(moving_windows(_timeline(), 30)) == 1
    with pytest.raises(ParameterError, match="window_days"):
        moving_windows(_timeline(), 0)
    with pytest.raises(ParameterError, match="kernel"):
        moving_windows(_timeline(), 3, kernel="box")
    with pytest.raises(ParameterError, match="step_days"):
        moving_windows(_timeline(), 3, 1.5)


def test_phase_table_counts_each_phase():
    """Two phases: a, b agree on x in phase 1 (one congruence tie); a, b disagree on y in phase 2."""
    from crisisnet.timewindows import phase_table
    st = make_statements([("a", "x", 1, "2022-01-10"), ("b", "x", 1, "2022-01-11"),
                          ("a", "y", 1, "2022-01-26"), ("b", "y", -1, "2022-01-27")])
    t = phase_table(st, {"talks": ("2022-01-10", "2022-01-13"), "responses": ("2022-01-26", "2022-01-28")},
                    normalization="none", groups={"a": "west", "b": "russia"})
    assert t.loc["talks", ["statements", "actors", "congruence ties", "conflict ties"]].tolist() == [2, 2, 1, 0]
    assert t.loc["responses", ["statements", "congruence ties", "conflict ties"]].tolist() == [2, 0, 1]
    assert t.loc["responses", "bloc polarization"] == 1.0 and t.loc["talks", "bloc polarization"] == -1.0
