"""Safe file writing: nothing half-written is ever left where a good file is expected."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: the project's root folder (the checkout)
ROOT = Path(__file__).resolve().parents[2]


def display_path(path: str | Path) -> str:
    """A path as messages and outputs show it: relative to the project root when inside it.

    Error messages end up in notebook outputs and reports, which must not carry
    this machine's absolute paths.
    """
    path = Path(path)
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def atomic_write_text(path: str | Path, content: str | bytes) -> None:
    """Write a file so that readers see the old file or the whole new one, never a half-written one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
