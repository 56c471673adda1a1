"""Parameter validation used by every notebook and command."""

from pathlib import Path

import pytest

from crisisnet import params
from crisisnet.codebook import load_codebook
from crisisnet.errors import ParameterError

CB = load_codebook(Path(__file__).parent / "fixtures" / "mini_codebook.yaml")


def test_ids_accept_lists_and_comma_strings():
    assert params.check_ids("actors", ["lavrov", "peskov"], CB) == ["lavrov", "peskov"]
    assert params.check_ids("actors", "lavrov, peskov", CB) == ["lavrov", "peskov"]
    assert params.check_ids("actors", [], CB) == []


def test_unknown_id_names_parameter_and_closest_match():
    with pytest.raises(ParameterError, match=r"parameter focus: unknown actor 'lavorv'; did you mean 'lavrov'\?"):
        params.check_id("focus", "lavorv", CB)
    with pytest.raises(ParameterError, match="parameter concepts: unknown concept 'sanctions'.*valid concept ids: nato_open_door, security_guarantees"):
        params.check_ids("concepts", ["sanctions"], CB, kind="concept")


def test_papermill_coerced_values_are_rejected():
    """papermill turns `-p focus 007` into the int 7: that is not an id."""
    with pytest.raises(ParameterError, match="parameter focus: expected an actor id, got 7"):
        params.check_id("focus", 7, CB)
    with pytest.raises(ParameterError, match="expected an integer, got '3'"):
        params.check_number("seed", "3", integer=True)
    with pytest.raises(ParameterError, match="expected a number, got True"):
        params.check_number("min_confidence", True, 0, 1)


def test_dates_and_ranges():
    assert params.check_date("start", "") is None
    with pytest.raises(ParameterError, match="parameter start: '2022-13-01' is not a date"):
        params.check_date("start", "2022-13-01")
    with pytest.raises(ParameterError, match="start 2022-02-01 is after end 2022-01-01"):
        params.check_date_range("start", "2022-02-01", "end", "2022-01-01")


def test_choice_and_unknown_parameters():
    assert params.check_choice("normalization", "cosine", ["none", "cosine"]) == "cosine"
    with pytest.raises(ParameterError, match="parameter normalization: 'cos' is not one of none, cosine"):
        params.check_choice("normalization", "cos", ["none", "cosine"])
    with pytest.raises(ParameterError, match="unknown parameter\\(s\\) colour; valid: actor, seed"):
        params.check_unknown({"actor": 1, "colour": 2}, ["actor", "seed"])


def test_run_tag_is_empty_for_defaults_and_stable_otherwise():
    """Figures of a parameterized run get a suffix, so the default run's files are never replaced."""
    defaults = {"corpus": "seeds", "source": "coded", "actors": [], "concepts": []}
    assert params.run_tag("01_corpus_overview.ipynb", defaults) == ""
    changed = {**defaults, "source": "extracted"}
    tag = params.run_tag("01_corpus_overview.ipynb", changed)
    assert len(tag) == 9 and tag.startswith("_")
    assert params.run_tag("01_corpus_overview.ipynb", dict(changed)) == tag
    assert params.run_tag("01_corpus_overview.ipynb", {**defaults, "actors": ["lavrov"]}) not in ("", tag)


def test_string_lists_accept_comma_strings_and_refuse_other_types():
    assert params.check_list("outlets", "Press TV, The Moscow Times") == ["Press TV", "The Moscow Times"]
    with pytest.raises(ParameterError, match="parameter outlets: expected a list of strings, got 3"):
        params.check_list("outlets", 3)
