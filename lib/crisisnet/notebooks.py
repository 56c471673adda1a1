"""Execute the notebook collection with papermill and keep committed notebooks clean.

``python -m crisisnet notebooks`` runs every ``notebooks/NN_*.ipynb`` in order
with its default parameters, from the ``notebooks/`` folder, with the
``python3`` kernel, and writes the executed notebook back in place only when
every cell succeeded (a failed run leaves the previous notebook untouched and
exits non-zero). Volatile metadata (papermill timings, execution timestamps) is
removed so a re-run leaves ``git status`` clean.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from .errors import CrisisnetError
from .fileio import atomic_write_text
from .project import ROOT

NOTEBOOKS = ROOT / "notebooks"
KERNEL = "python3"
_NOTEBOOK_NAME = re.compile(r"^\d\d_.*\.ipynb$")


def collection(folder: Path = NOTEBOOKS) -> list[Path]:
    """The numbered notebooks of the collection, in run order."""
    return sorted(p for p in folder.glob("*.ipynb") if _NOTEBOOK_NAME.match(p.name))


def clean(nb: dict) -> dict:
    """Remove volatile metadata from a notebook dict (idempotent); outputs are kept."""
    nb.get("metadata", {}).pop("papermill", None)
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {})
        for key in ("papermill", "execution", "ExecuteTime", "collapsed", "scrolled"):
            meta.pop(key, None)
    return nb


def dumps(nb: dict) -> str:
    """Serialise like Jupyter does (1-space indent, sorted keys, trailing newline)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def clean_file(path: Path) -> bool:
    """Clean a notebook file in place; True if it changed."""
    before = path.read_text(encoding="utf-8")
    after = dumps(clean(json.loads(before)))
    if after != before:
        atomic_write_text(path, after)
        return True
    return False


def execute(path: Path, output: Path | None = None, parameters: dict | None = None,
            cwd: Path | None = None) -> Path:
    """Execute ``path`` with papermill; write the cleaned result to ``output`` (default: in place).

    The result is written only if every cell succeeded; otherwise
    :class:`CrisisnetError` names the notebook and the failing cell, and the
    previous output file is left as it was.
    """
    import papermill as pm

    output = output or path
    with tempfile.TemporaryDirectory() as tmp:
        tmp_out = Path(tmp) / path.name
        try:
            pm.execute_notebook(str(path), str(tmp_out), parameters=parameters or {},
                                kernel_name=KERNEL, cwd=str(cwd or path.parent),
                                progress_bar=False, log_output=False)
        except pm.PapermillExecutionError as e:
            raise CrisisnetError(f"{path.name}: cell {e.exec_count} failed: {e.ename}: {e.evalue}") from None
        nb = clean(json.loads(tmp_out.read_text(encoding="utf-8")))
        atomic_write_text(output, dumps(nb))
    return output


def add_arguments(parser) -> None:
    parser.add_argument("names", nargs="*", help="notebook file names (default: the whole collection)")
    parser.add_argument("--clean-only", action="store_true",
                        help="only strip volatile metadata, do not execute")


def run(args) -> int:
    paths = [NOTEBOOKS / n for n in args.names] if args.names else collection()
    for p in paths:
        if not p.exists():
            raise CrisisnetError(f"no notebook {p.name} in {NOTEBOOKS.relative_to(ROOT)}/")
    for p in paths:
        if args.clean_only:
            changed = clean_file(p)
            print(f"{p.name}: {'cleaned' if changed else 'already clean'}")
        else:
            print(f"executing {p.name} ...", flush=True)
            execute(p)
    return 0

