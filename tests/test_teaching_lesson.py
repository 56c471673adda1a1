"""The lesson notebook's exercises: every solution passes its check, plausible wrong answers do not,
and the student copy has no solution but still runs from top to bottom."""

from __future__ import annotations

import json

import pytest

from crisisnet.notebooks import NOTEBOOKS
from crisisnet.teaching.check import Checker, load_questions
from crisisnet.teaching.record import collected, run_code_cells
from crisisnet.teaching.student import SOLUTION_TAG, make_student_notebook, solution_sources

LESSON = NOTEBOOKS / "07_lesson_crisis_diplomacy.ipynb"


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    """The teacher notebook's namespace after running every code cell (figures go to a tmp dir)."""
    mp = pytest.MonkeyPatch()
    mp.setattr("crisisnet.project.FIGURES", tmp_path_factory.mktemp("figures"))
    try:
        yield run_code_cells(LESSON)
    finally:
        mp.undo()


def perturbed(answer, kind: str):
    """A plausible near miss: one item fewer (or more), the order reversed, off by one or by 0.1."""
    if kind == "set":
        items = sorted(answer)
        return set(items[1:]) if len(items) > 1 else set(items) | {"nato"}
    if kind == "list":
        alt = list(reversed(answer))
        if alt == list(answer):  # a palindrome: change the last item instead
            alt = list(answer[:-1]) + ["mixed" if answer[-1] != "mixed" else "oppose"]
        return alt
    if kind == "integer":
        return int(answer) + 1
    if kind == "number":
        return float(answer) + 0.1
    if kind == "text":
        return answer + "s"
    raise AssertionError(f"no perturbation for kind {kind}")


def test_every_question_has_a_solution_in_the_notebook(lesson):
    assert set(collected(lesson, "answer")) == set(load_questions())


@pytest.mark.parametrize("qid", sorted(load_questions()))
def test_solution_passes_and_wrong_answers_fail(lesson, qid):
    q = load_questions()[qid]
    check = Checker()
    answer = collected(lesson, "answer")[qid]
    assert check(qid, answer), f"the teacher's solution of {qid} does not pass check"
    near_miss = check(qid, perturbed(answer, q.kind))
    assert not near_miss and "Hint:" in near_miss.message
    mistake = collected(lesson, "mistake").get(qid)
    if mistake is not None:
        fb = check(qid, mistake)
        assert not fb, f"the typical mistake of {qid} is accepted"
        assert q.mistakes and fb.message.endswith(next(iter(q.mistakes.values()))), \
            "the typical mistake does not get its own hint"


def test_student_copy_has_no_solutions_and_runs(tmp_path):
    teacher = json.loads(LESSON.read_text(encoding="utf-8"))
    out = make_student_notebook(LESSON, tmp_path / "lesson.ipynb")
    text = out.read_text(encoding="utf-8")
    student = json.loads(text)
    assert len(student["cells"]) == len(teacher["cells"])
    assert not any(SOLUTION_TAG in c["metadata"].get("tags", []) for c in student["cells"])
    for src in solution_sources(teacher):
        for line in src.splitlines():
            if line.strip() and not line.startswith("#") and not line.strip().isidentifier():
                assert json.dumps(line)[1:-1] not in text, f"solution line leaked: {line}"
    assert text.count("answer_q") >= 2 * len(load_questions())   # stubs and check cells
    mp = pytest.MonkeyPatch()
    mp.setattr("crisisnet.project.FIGURES", tmp_path)
    try:
        ns = run_code_cells(out, cwd=LESSON.parent)
    finally:
        mp.undo()
    assert all(v is Ellipsis for v in collected(ns, "answer").values())
    assert not collected(ns, "mistake")
