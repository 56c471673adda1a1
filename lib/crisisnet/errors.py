"""Exceptions with messages that name the file, row and field at fault."""

from __future__ import annotations


class CrisisnetError(Exception):
    """Base class of every error this package raises on purpose."""


class ValidationError(CrisisnetError, ValueError):
    """Bad input data: the message says where (file, row or line, field) and what is wrong.

    ``problems`` holds every problem found, not only the first, so that a
    coder can fix a whole file in one pass.
    """

    def __init__(self, problems: list[str] | str):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        head = self.problems[0] if len(self.problems) == 1 else (
            f"{len(self.problems)} problems:\n  " + "\n  ".join(self.problems[:50])
            + ("\n  ..." if len(self.problems) > 50 else ""))
        super().__init__(head)


class ParameterError(CrisisnetError, ValueError):
    """A notebook or command-line parameter is invalid."""
