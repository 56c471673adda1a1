"""Command line: ``python -m crisisnet COMMAND ...`` (also installed as ``crisisnet``).

Each command lives in its own module, which provides ``add_arguments(parser)``
and ``run(args) -> int``; this file only dispatches, importing a command's
module when that command is used (so ``--help`` is fast and light).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import CrisisnetError

#: command name -> (module, one-line help)
COMMANDS = {
    "validate": ("crisisnet.validate", "validate the codebook, corpus, statements and interactions"),
    "notebooks": ("crisisnet.notebooks", "execute the notebook collection with papermill (in place)"),
    "extract": ("crisisnet.extraction.cli", "extract who-said-what statements from a folder of .txt files"),
    "score": ("crisisnet.extraction.score",
              "score a statement table against a hand-coded one (precision, recall, F1, stance)"),
    "train-model": ("crisisnet.extraction.training",
                    "fit the extractor's learned statement model on the development gold sets"),
    "brief": ("crisisnet.briefing.cli", "render briefing reports (HTML/PDF) on an actor or a concept"),
    "student": ("crisisnet.teaching.cli", "make the student version of a lesson notebook (solutions removed)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crisisnet", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, (module, help_) in COMMANDS.items():
        sub.add_parser(name, help=help_, description=help_)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # Parse the command name first, then let its module define its own options.
    if argv and argv[0] in COMMANDS:
        module = importlib.import_module(COMMANDS[argv[0]][0])
        sub = argparse.ArgumentParser(prog=f"crisisnet {argv[0]}", description=COMMANDS[argv[0]][1])
        module.add_arguments(sub)
        args = sub.parse_args(argv[1:])
        try:
            return int(module.run(args) or 0)
        except CrisisnetError as e:
            print(f"crisisnet {argv[0]}: error: {e}", file=sys.stderr)
            return 2
    parser.parse_args(argv)  # prints help or the usage error and exits
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
