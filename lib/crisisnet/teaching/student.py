"""Make the student version of a lesson notebook from the teacher's (single source).

The teacher's notebook holds the solutions in cells tagged ``solution``. The
student version is the same notebook with:

* every solution **code** cell replaced by a stub that keeps the answer
  variables the solution assigned, e.g. ``# Your answer here`` /
  ``answer_q1 = ...`` (so the ``check("q1", answer_q1)`` cell after it still
  runs and says "not answered yet");
* every solution **markdown** cell replaced by ``*Your answer here.*``;
* no outputs in solution cells or in cells that call ``check(`` (their output
  would say "correct"), and no execution counts anywhere;
* the tag ``solution`` replaced by ``exercise``.

A notebook with no ``solution`` cell is refused: it is either not a lesson or
its solutions are untagged, and handing it out would give the answers away.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from ..errors import CrisisnetError
from ..fileio import atomic_write_text
from ..notebooks import clean, dumps

SOLUTION_TAG = "solution"
EXERCISE_TAG = "exercise"
CODE_STUB = "# Your answer here"
MARKDOWN_STUB = "*Your answer here.*"
_ANSWER_NAME = re.compile(r"^answer\w*$")
_CHECK_CALL = re.compile(r"\bcheck\(")


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def answer_names(source: str) -> list[str]:
    """Names matching ``answer*`` assigned at the top level of ``source``, in order.

    >>> answer_names("x = 1\\nanswer_q1 = {x}\\nanswer_q1 |= {2}")
    ['answer_q1']
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return re.findall(r"^(answer\w*)\s*=", source, flags=re.M)
    names: list[str] = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else [])
        for t in targets:
            for n in ast.walk(t):
                if isinstance(n, ast.Name) and _ANSWER_NAME.match(n.id) and n.id not in names:
                    names.append(n.id)
    return names


def stub_source(cell: dict) -> str:
    """What a solution cell becomes in the student version."""
    if cell.get("cell_type") == "markdown":
        return MARKDOWN_STUB
    names = answer_names(_source(cell))
    return "\n".join([CODE_STUB, *(f"{n} = ..." for n in names)])


def student_version(nb: dict, name: str = "notebook") -> dict:
    """The student copy of a teacher notebook dict (the input is not modified)."""
    nb = json.loads(json.dumps(nb))
    cells = nb.get("cells", [])
    n_solutions = 0
    for cell in cells:
        tags = _tags(cell)
        is_solution = SOLUTION_TAG in tags
        if is_solution:
            n_solutions += 1
            cell["source"] = stub_source(cell)
            cell.setdefault("metadata", {})["tags"] = [t for t in tags if t != SOLUTION_TAG] + [EXERCISE_TAG]
            cell.pop("attachments", None)
        if cell.get("cell_type") == "code":
            if is_solution or _CHECK_CALL.search(_source(cell)):
                cell["outputs"] = []
            cell["execution_count"] = None
            for out in cell.get("outputs", []):
                if out.get("output_type") == "execute_result":
                    out["execution_count"] = None
    if n_solutions == 0:
        raise CrisisnetError(f"{name}: no cell is tagged {SOLUTION_TAG!r}, so there is nothing to remove; "
                             f"tag each solution cell {SOLUTION_TAG!r} (JupyterLab: Property Inspector > "
                             "Cell Tags) - refusing to write a student copy that may contain the answers")
    return clean(nb)


def make_student_notebook(source: str | Path, output: str | Path) -> Path:
    """Write the student version of the teacher notebook ``source`` to ``output`` (atomically)."""
    source, output = Path(source), Path(output)
    if source.resolve() == output.resolve():
        raise CrisisnetError(f"{source}: the student copy must not overwrite the teacher's notebook")
    try:
        nb = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CrisisnetError(f"{source}: notebook does not exist") from None
    except json.JSONDecodeError as e:
        raise CrisisnetError(f"{source}: line {e.lineno}: not a notebook (invalid JSON: {e.msg})") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise CrisisnetError(f"{source}: not a notebook (no 'cells' list)")
    atomic_write_text(output, dumps(student_version(nb, name=str(source))))
    return output


def solution_sources(nb: dict) -> list[str]:
    """The sources of the teacher notebook's solution cells (to check a student copy leaks none)."""
    return [_source(c) for c in nb.get("cells", []) if SOLUTION_TAG in _tags(c)]
