"""``python -m crisisnet student TEACHER.ipynb [-o STUDENT.ipynb]``: the copy to hand out.

Writes the student version (solutions replaced by stubs, see
:mod:`crisisnet.teaching.student`) to ``students/<same name>`` under the
project root unless ``-o`` says otherwise. ``students/`` is generated, not
committed.
"""

from __future__ import annotations

from pathlib import Path

from ..fileio import display_path
from ..project import ROOT
from .student import make_student_notebook

STUDENTS = ROOT / "students"


def add_arguments(parser) -> None:
    parser.add_argument("notebook", help="the teacher's notebook (solution cells tagged 'solution')")
    parser.add_argument("-o", "--output", default=None,
                        help="where to write the student copy (default: students/<notebook name>)")


def run(args) -> int:
    source = Path(args.notebook)
    output = Path(args.output) if args.output else STUDENTS / source.name
    make_student_notebook(source, output)
    print(f"wrote {display_path(output)}")
    return 0
