"""The self-check helper: normalisation, hashing, hints, and the answer-key file format."""

from __future__ import annotations

import numpy as np
import pytest
import yaml

from crisisnet.errors import ParameterError, ValidationError
from crisisnet.teaching.check import ANSWERS, Checker, answer_hash, load_questions, normalise


@pytest.mark.parametrize("kind, a, b", [
    ("text", "  Lavrov ", "lavrov"),
    ("text", "Open   Door", "open door"),
    ("set", ["b", "A", "a"], {"a", "b"}),
    ("set", ("lavrov",), np.array(["Lavrov"])),
    ("integer", 3, 3.0),
    ("integer", np.int64(3), 3),
    ("number", 0.3333, 1 / 3),             # both round to 0.33
    ("number", -0.001, 0.0),               # -0.00 is 0.00
    ("bool", True, np.bool_(True)),
    ("partition", [["b", "a"], ["c"]], [{"c"}, ("a", "b")]),
])
def test_harmless_differences_normalise_alike(kind, a, b):
    assert normalise(a, kind) == normalise(b, kind)


@pytest.mark.parametrize("kind, a, b", [
    ("list", ["a", "b"], ["b", "a"]),         # order matters in a list
    ("number", 0.334, 0.346),                 # 0.33 vs 0.35
    ("set", ["a"], ["a", "b"]),
    ("partition", [["a", "b"], ["c"]], [["a"], ["b", "c"]]),
    ("text", "nato", "natp"),
])
def test_real_differences_stay_different(kind, a, b):
    assert normalise(a, kind) != normalise(b, kind)


def test_worked_example_normalised_text():
    """The module docstring's example, by hand: casefold, strip, de-duplicate, sort."""
    assert normalise({"Lavrov ", "ryabkov", "lavrov"}, "set") == "lavrov\nryabkov"
    assert normalise(0.4999, "number", digits=2) == "0.50"
    assert normalise(0.4999, "number", digits=3) == "0.500"


def test_hash_is_salted_by_question():
    assert answer_hash("q1", 3, "integer") != answer_hash("q2", 3, "integer")
    assert answer_hash("q1", 3, "integer") == answer_hash("q1", 3.0, "integer")


@pytest.fixture
def key(tmp_path):
    """A two-question answer key: q_set = {lavrov, ryabkov}; q_num = 0.25 (2 digits)."""
    data = {"questions": {
        "q_set": {"kind": "set", "sha256": answer_hash("q_set", ["lavrov", "ryabkov"], "set"), "size": 2,
                  "hints": ["first hint", "second hint"],
                  "mistakes": [{"sha256": answer_hash("q_set", ["lavrov", "peskov"], "set"),
                                "hint": "Peskov speaks for the Kremlin, not at the talks."}]},
        "q_num": {"kind": "number", "digits": 2, "sha256": answer_hash("q_num", 0.25, "number"),
                  "hints": ["divide by the number of statements"]},
    }}
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return Checker(path)


def test_right_answer_is_accepted_in_any_form(key):
    assert key("q_set", {"Ryabkov", "lavrov"})
    assert key("q_set", ["lavrov", "ryabkov", "lavrov"])
    assert key("q_num", 0.2500001)
    assert key("q_num", 1 / 4).message == "q_num: correct."


def test_wrong_answer_gets_hints_never_the_answer(key):
    first = key("q_set", {"lavrov", "grushko"})
    second = key("q_set", {"lavrov", "grushko"})
    third = key("q_set", {"lavrov", "grushko"})
    assert not first and not second and not third
    assert "first hint" in first.message and "second hint" in second.message
    assert "second hint" in third.message            # the last hint repeats
    for fb in (first, second, third):
        assert "ryabkov" not in fb.message.lower()


def test_known_mistake_gets_its_own_hint(key):
    fb = key("q_set", ["peskov", "lavrov"])
    assert not fb and "Kremlin" in fb.message


def test_wrong_size_is_pointed_out(key):
    fb = key("q_set", ["lavrov"])
    assert not fb and "1 item(s)" in fb.message and "has 2" in fb.message


def test_wrong_type_and_unanswered(key):
    assert "expected a collection" in key("q_set", "lavrov, ryabkov").message
    assert "expected a number" in key("q_num", "0.25").message
    assert "not answered yet" in key("q_num", ...).message
    assert not key("q_num", float("nan"))


def test_unknown_question_is_a_clear_error(key):
    with pytest.raises(ParameterError, match="unknown question 'q_nmu'.*q_num, q_set"):
        key("q_nmu", 1)


def test_bad_answer_key_names_file_and_question(tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text("questions:\n  q1: {kind: sets, sha256: abc, hints: []}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as e:
        load_questions(path)
    text = "\n".join(e.value.problems)
    assert "question 'q1': field kind is 'sets'" in text
    assert "sha256 must be 64" in text and "hints must be a non-empty list" in text


def test_bundled_answer_key_is_valid_and_holds_no_plain_answers():
    questions = load_questions(ANSWERS)
    assert questions, "the lesson's answer key is empty"
    raw = ANSWERS.read_text(encoding="utf-8")
    assert "answer:" not in raw and "solution:" not in raw
