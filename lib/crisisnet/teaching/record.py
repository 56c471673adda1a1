"""Run a lesson notebook's code in-process and collect its answers (for tests and for the answer key).

Convention in a teacher notebook: the solution of question ``q3`` assigns
``answer_q3``; a solution may also compute a typical wrong answer as
``mistake_q3`` (e.g. the positions "imputed from the bloc"), whose hash and
hint go in the answer key so that :func:`~crisisnet.teaching.check.check`
recognises that mistake.

``python -m crisisnet.teaching.record notebooks/07_lesson_crisis_diplomacy.ipynb``
re-computes every ``sha256`` (and ``size``) in ``answers.yaml`` from the
notebook's own solutions, keeping the hints. Run it only after checking, by
reading the solutions, that they are right: the key is exactly as honest as the
solution cells it was recorded from. The hash of a changed answer shows up in
``git diff``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path

import yaml

from ..errors import CrisisnetError
from ..fileio import atomic_write_text
from .check import ANSWERS, _size, answer_hash, load_questions

_HEADER = """\
# Answer key of the lesson notebooks (07_lesson_crisis_diplomacy.ipynb).
# Each question stores the KIND of answer, a salted SHA-256 of the normalised right answer
# (crisisnet.teaching.check.answer_hash), hints, and hashes of known mistakes with their own hint.
# The right answers are not here on purpose. sha256/size are written by
#   .venv/bin/python -m crisisnet.teaching.record notebooks/07_lesson_crisis_diplomacy.ipynb
# from the teacher notebook's solution cells (answer_<id>, mistake_<id>); edit kinds and hints by hand.
"""


def run_code_cells(notebook: str | Path, cwd: str | Path | None = None) -> dict:
    """Execute the notebook's code cells in order in one namespace (stdout swallowed); return it.

    Runs with matplotlib's non-interactive ``Agg`` backend, from ``cwd``
    (default: the notebook's folder, as papermill would). A failing cell is
    reported with its number and the error.
    """
    import matplotlib
    matplotlib.use("Agg")
    notebook = Path(notebook)
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    namespace: dict = {"__name__": "__lesson__"}
    old = os.getcwd()
    os.chdir(cwd or notebook.parent)
    try:
        n = 0
        for cell in nb["cells"]:
            if cell.get("cell_type") != "code":
                continue
            n += 1
            src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            src = "\n".join(line for line in src.splitlines() if not line.lstrip().startswith(("%", "!")))
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(src, f"{notebook.name} code cell {n}", "exec"), namespace)
            except Exception as e:
                raise CrisisnetError(f"{notebook.name}: code cell {n} failed: {type(e).__name__}: {e}") from e
    finally:
        os.chdir(old)
        import matplotlib.pyplot as plt
        plt.close("all")
    return namespace


def collected(namespace: dict, prefix: str) -> dict:
    """``{question id: value}`` of the variables ``<prefix>_<id>`` in ``namespace``."""
    pat = re.compile(rf"^{prefix}_(\w+)$")
    return {m.group(1): v for k, v in namespace.items() if (m := pat.match(k))}


def record(notebook: str | Path, answers: str | Path = ANSWERS) -> list[str]:
    """Re-hash every question's answer (and known mistake) from the notebook; returns a change log."""
    answers = Path(answers)
    questions = load_questions(answers)
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    ns = run_code_cells(notebook)
    right, wrong = collected(ns, "answer"), collected(ns, "mistake")
    missing = sorted(set(questions) - set(right))
    if missing:
        raise CrisisnetError(f"{notebook}: no answer_<id> variable for question(s) {', '.join(missing)}")
    log = []
    for qid, q in questions.items():
        entry = data["questions"][qid]
        digest = answer_hash(qid, right[qid], q.kind, q.digits)
        if digest != entry.get("sha256"):
            log.append(f"{qid}: answer hash changed")
        entry["sha256"] = digest
        size = _size(right[qid], q.kind)
        if size is not None:
            entry["size"] = size
        if qid in wrong:
            if not entry.get("mistakes"):
                raise CrisisnetError(f"{answers}: question {qid!r}: the notebook computes mistake_{qid} "
                                     "but the key has no mistakes: [{hint: ...}] entry for it")
            entry["mistakes"][0]["sha256"] = answer_hash(qid, wrong[qid], q.kind, q.digits)
    text = _HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    atomic_write_text(answers, text)
    load_questions(answers)  # what was written must load
    return log


def main(argv: list[str] | None = None) -> int:
    import sys
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m crisisnet.teaching.record TEACHER_NOTEBOOK.ipynb", file=sys.stderr)
        return 2
    try:
        for line in record(argv[0]) or ["no answer changed"]:
            print(line)
    except CrisisnetError as e:
        print(f"record: error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
