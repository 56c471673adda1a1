"""The student-version generator: solutions out, stubs in, nothing else changed."""

from __future__ import annotations

import json

import nbformat
import pytest

from crisisnet.cli import main as cli_main
from crisisnet.errors import CrisisnetError
from crisisnet.teaching.student import (answer_names, make_student_notebook, solution_sources,
                                        student_version)

SOLUTION = "top = st.groupby('speaker').size().idxmax()\nanswer_q1 = {top, 'ryabkov'}"


def teacher_notebook() -> dict:
    """A small lesson: question, tagged solution (code + markdown), check cell, free cell."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    sol = nbformat.v4.new_code_cell(SOLUTION, metadata={"tags": ["solution"]}, execution_count=3)
    sol.outputs = [nbformat.v4.new_output("stream", name="stdout", text="lavrov\n")]
    chk = nbformat.v4.new_code_cell('check("q1", answer_q1)', execution_count=4)
    chk.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "q1: correct."},
                                          execution_count=4)]
    other = nbformat.v4.new_code_cell("print(1 + 1)", execution_count=5)
    other.outputs = [nbformat.v4.new_output("stream", name="stdout", text="2\n")]
    nb.cells = [nbformat.v4.new_markdown_cell("## Q1: who spoke most?"), sol, chk,
                nbformat.v4.new_markdown_cell("Because Lavrov gave the press conference.",
                                              metadata={"tags": ["solution"]}),
                other]
    return json.loads(nbformat.writes(nb))


def test_answer_names_finds_top_level_answer_assignments():
    assert answer_names(SOLUTION) == ["answer_q1"]
    assert answer_names("answer_a, answer_b = 1, 2\nfor x in y:\n    answer_c = 3") == ["answer_a", "answer_b"]
    assert answer_names("x = 1") == []


def test_solutions_become_stubs_and_lose_their_outputs():
    teacher = teacher_notebook()
    student = student_version(teacher)
    code, md = student["cells"][1], student["cells"][3]
    assert code["source"] == "# Your answer here\nanswer_q1 = ..."
    assert code["outputs"] == [] and code["metadata"]["tags"] == ["exercise"]
    assert md["source"] == "*Your answer here.*"
    # the check cell's "correct." output is gone; other outputs stay, without execution counts
    assert student["cells"][2]["outputs"] == []
    assert "".join(student["cells"][4]["outputs"][0]["text"]) == "2\n"
    assert all(c.get("execution_count") is None for c in student["cells"] if c["cell_type"] == "code")
    # no solution text anywhere, and the teacher's dict is untouched
    dumped = json.dumps(student)
    for src in solution_sources(teacher):
        for line in src.splitlines():
            assert line not in dumped
    assert '"solution"' not in dumped
    assert "".join(teacher["cells"][1]["source"]) == SOLUTION
    nbformat.validate(nbformat.reads(json.dumps(student), as_version=4))


def test_notebook_without_tagged_solutions_is_refused(tmp_path):
    nb = teacher_notebook()
    for cell in nb["cells"]:
        cell["metadata"].pop("tags", None)
    src = tmp_path / "lesson.ipynb"
    src.write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(CrisisnetError, match="no cell is tagged 'solution'"):
        make_student_notebook(src, tmp_path / "student.ipynb")
    assert not (tmp_path / "student.ipynb").exists()


def test_cli_writes_student_copy_and_refuses_overwriting_the_teacher(tmp_path, capsys):
    src = tmp_path / "lesson.ipynb"
    src.write_text(json.dumps(teacher_notebook()), encoding="utf-8")
    out = tmp_path / "out" / "lesson.ipynb"
    assert cli_main(["student", str(src), "-o", str(out)]) == 0
    assert "answer_q1 = ..." in out.read_text(encoding="utf-8")
    assert cli_main(["student", str(src), "-o", str(src)]) == 2
    assert "must not overwrite" in capsys.readouterr().err
    assert cli_main(["student", str(tmp_path / "missing.ipynb"), "-o", str(out)]) == 2
    (tmp_path / "bad.ipynb").write_text("{not json", encoding="utf-8")
    assert cli_main(["student", str(tmp_path / "bad.ipynb"), "-o", str(out)]) == 2
    assert "line 1: not a notebook" in capsys.readouterr().err
