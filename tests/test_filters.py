"""Statement selection and duplicate counting, including the year boundary DNA gets wrong."""

import pandas as pd
import pytest

from crisisnet.errors import ParameterError
from crisisnet.filters import actor_column, period_key, select_statements

from networks_helpers import make_statements


def test_date_range_is_inclusive_and_drops_undated():
    """Dates 9, 10, 13, 14 Jan and one undated; start 10, end 13 keeps rows 1 and 2 only."""
    st = make_statements([("a", "x", 1, "2022-01-09"), ("a", "x", 1, "2022-01-10"),
                          ("a", "x", 1, "2022-01-13"), ("a", "x", 1, "2022-01-14"), ("a", "x", 1)])
    st.loc[4, "date"] = ""
    assert list(select_statements(st, start="2022-01-10", end="2022-01-13").index) == [1, 2]
    assert len(select_statements(st)) == 5  # no date filter: undated kept


def test_actor_filters_match_speaker_or_organization():
    st = make_statements([("blinken", "x", 1, None, None, "usa"), ("lavrov", "x", -1, None, None, "russia"),
                          ("usa", "y", 1)])
    assert list(select_statements(st, actors=["usa"]).index) == [0, 2]
    assert list(select_statements(st, exclude_actors="usa").index) == [1]


def test_concept_source_confidence_and_stance_filters():
    st = make_statements([("a", "x", 1, None, None, None, "coded", 1.0),
                          ("a", "y", 1, None, None, None, "extracted", 0.4),
                          ("a", "z", 0, None, None, None, "extracted", 0.9)])
    assert list(select_statements(st, concepts=["x", "z"]).index) == [0, 2]
    assert list(select_statements(st, exclude_concepts=["x"]).index) == [1, 2]
    assert list(select_statements(st, source="extracted").index) == [1, 2]
    assert list(select_statements(st, min_confidence=0.5).index) == [0, 2]
    assert list(select_statements(st, stances=(1, -1)).index) == [0, 1]


def test_duplicates_per_document():
    """a x+ twice in d1 and once in d2: per document -> rows 0 (d1) and 2 (d2); a x- is a different stance."""
    st = make_statements([("a", "x", 1, None, "d1"), ("a", "x", 1, None, "d1"), ("a", "x", 1, None, "d2"),
                          ("a", "x", -1, None, "d1")])
    assert list(select_statements(st, duplicates="document").index) == [0, 2, 3]
    assert list(select_statements(st, duplicates="range").index) == [0, 3]
    assert list(select_statements(st, duplicates="keep").index) == [0, 1, 2, 3]


def test_duplicates_per_month_keep_the_year():
    """January 2022 and January 2023 are different months (DNA compares month numbers only and
    would merge them): 2022-01-10 and 2022-01-28 collapse, 2023-01-15 stays -> rows 0 and 2."""
    st = make_statements([("a", "x", 1, "2022-01-10"), ("a", "x", 1, "2022-01-28"), ("a", "x", 1, "2023-01-15")])
    assert list(select_statements(st, duplicates="month").index) == [0, 2]


def test_duplicates_per_year_across_new_year():
    """2021-12-31 and 2022-01-01 are one day apart but in different years: both kept."""
    st = make_statements([("a", "x", 1, "2021-12-31"), ("a", "x", 1, "2022-01-01"), ("a", "x", 1, "2022-06-01")])
    assert list(select_statements(st, duplicates="year").index) == [0, 1]


def test_duplicates_per_iso_week_across_new_year():
    """ISO weeks: Mon 2020-12-28 and Sun 2021-01-03 are both week 53 of ISO year 2020 -> one;
    Mon 2021-01-04 is week 1 of 2021 -> kept; Mon 2024-12-30 is week 1 of ISO year 2025 and
    Thu 2025-01-02 the same week -> one. Result rows 0, 2, 3."""
    st = make_statements([("a", "x", 1, "2020-12-28"), ("a", "x", 1, "2021-01-03"), ("a", "x", 1, "2021-01-04"),
                          ("a", "x", 1, "2024-12-30"), ("a", "x", 1, "2025-01-02")])
    assert list(select_statements(st, duplicates="week").index) == [0, 2, 3]


def test_period_keys():
    s = pd.Series(["2021-01-03", "2021-01-04", "2024-12-30", "2022-01-31", ""])
    assert period_key(s, "week").tolist() == [202053, 202101, 202501, 202205, -1]
    assert period_key(s, "month").tolist() == [202101, 202101, 202412, 202201, -1]
    assert period_key(s, "year").tolist() == [2021, 2021, 2024, 2022, -1]


def test_duplicates_keep_the_earliest_whatever_the_row_order():
    """Rows listed late-first: the kept statement is the earliest one (row 1, 2022-01-03)."""
    st = make_statements([("a", "x", 1, "2022-01-20"), ("a", "x", 1, "2022-01-03")])
    assert list(select_statements(st, duplicates="month").index) == [1]


def test_duplicates_at_organization_level():
    """Two US officials saying x+ in one document count once for the organization, twice as speakers."""
    st = make_statements([("p1", "x", 1, None, None, "usa"), ("p2", "x", 1, None, None, "usa")])
    assert len(select_statements(st, duplicates="document")) == 2
    assert len(select_statements(st, duplicates="document", level="organization")) == 1


def test_actor_column_falls_back_to_speaker_for_empty_organization():
    st = make_statements([("unk:someone", "x", 1)])
    st.loc[0, "organization"] = ""
    assert actor_column(st, "organization").tolist() == ["unk:someone"]


@pytest.mark.parametrize("kwargs, match", [
    ({"duplicates": "month_only"}, "parameter duplicates"),
    ({"start": "2022-13-01"}, "parameter start"),
    ({"start": "2022-02-01", "end": "2022-01-01"}, "start 2022-02-01 is after end"),
    ({"source": "manual"}, "parameter source"),
    ({"min_confidence": 2}, "parameter min_confidence"),
    ({"level": "bloc"}, "parameter level"),
])
def test_bad_parameters(kwargs, match):
    with pytest.raises(ParameterError, match=match):
        select_statements(make_statements([("a", "x", 1)]), **kwargs)


def test_duplicate_index_labels_are_refused():
    st = make_statements([("a", "x", 1), ("b", "x", 1)])
    st.index = [0, 0]
    with pytest.raises(ParameterError, match="duplicate labels"):
        select_statements(st)


def test_select_from_parameters_names_the_filters_that_left_nothing(seeds_project):
    from crisisnet.errors import ParameterError
    from crisisnet.filters import select_from_parameters

    assert len(select_from_parameters(seeds_project, actors=["lavrov"])) > 0
    with pytest.raises(ParameterError, match=r"no statements of 'seeds' \(coded\) match the parameters "
                                             r"actors=\['lavrov'\], start='2022-01-01', end='2022-01-05'"):
        select_from_parameters(seeds_project, actors=["lavrov"], start="2022-01-01", end="2022-01-05")
