"""``python -m crisisnet brief``: render briefing reports (HTML, and PDF through headless Chromium).

Examples::

    python -m crisisnet brief --actor lavrov
    python -m crisisnet brief --concept nato_open_door --start 2022-01-10 --end 2022-01-31
    python -m crisisnet brief --all --no-pdf --out reports/

Every parameter is validated before the notebook runs (an unknown id names the
closest match). Reports go to ``reports/`` by default as ``actor-<id>.html``
and ``.pdf`` (file names are slugs of validated ids, never raw parameters);
``--all`` also writes ``index.html`` linking every brief. The interactive
network page of the same statements (:mod:`crisisnet.interactive`) is written
first as ``network.html`` in the output folder, and the index and every brief
link to it.
A failed brief leaves the previous good report in place.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import CrisisnetError
from ..fileio import atomic_write_text
from ..params import check_date_range
from ..project import REPORTS, SOURCES, load_project
from . import content
from .render import NETWORK_PAGE, network_link, page, relative, render_brief
from .sections import Html, esc

#: the actors ``--all`` briefs on (the principals of the January 2022 talks)
CORE_ACTORS = ("blinken", "sherman", "ryabkov", "peskov", "stoltenberg", "lavrov")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    focus = parser.add_mutually_exclusive_group(required=True)
    focus.add_argument("--actor", metavar="ID", help="brief on this actor (codebook id, e.g. lavrov)")
    focus.add_argument("--concept", metavar="ID", help="brief on this concept (e.g. nato_open_door)")
    focus.add_argument("--all", action="store_true",
                       help="one brief per core actor and per concept with statements, plus index.html")
    parser.add_argument("--corpus", default="seeds", help="bundled corpus name or project folder (default: seeds)")
    parser.add_argument("--source", default="coded", choices=SOURCES, help="statement source (default: coded)")
    parser.add_argument("--start", default="", help="first date YYYY-MM-DD (default: open)")
    parser.add_argument("--end", default="", help="last date YYYY-MM-DD (default: open)")
    parser.add_argument("--title", default="", help="report title (single brief only)")
    parser.add_argument("--pdf", dest="pdf", action=argparse.BooleanOptionalAction, default=True,
                        help="also print a PDF with headless Chromium (default: on)")
    parser.add_argument("--out", default=str(REPORTS), help="output folder (default: reports/)")


def targets(project, args) -> list[tuple[str, str]]:
    """(kind, id) pairs to brief on: one, or with ``--all`` the core actors and the concepts with
    statements in ``project`` (already restricted to the date range)."""
    if args.actor:
        return [("actor", args.actor)]
    if args.concept:
        return [("concept", args.concept)]
    cb, st = project.codebook, project.statements
    actors = [("actor", a) for a in CORE_ACTORS if a in cb.actors]
    concepts = [("concept", c) for c in cb.concepts if (st["concept"] == c).any()]
    return actors + concepts


def index_page(entries: list[tuple[content.BriefParams, list[Path]]], out: Path) -> str:
    """The index page: one line per brief (HTML and PDF links), and the network page if present."""
    items = []
    for params, paths in entries:
        links = " · ".join(f'<a href="{esc(p.name)}">{esc(p.suffix[1:].upper())}</a>' for p in paths)
        items.append(f"<li>{esc(params.title)} ({esc(params.kind)} <code>{esc(params.focus)}</code>): "
                     f"{links}</li>")
    network = network_link(out)
    body = Html('<header class="brief-header"><h1>Briefing reports</h1></header>'
                + (f"<p>{network}</p>" if network else "")
                + '<ul class="index-list">' + "".join(items) + "</ul>")
    return page("Briefing reports", body)


def write_network_page(project, source: str, start: str, end: str, out: Path) -> Path:
    """The interactive two-mode network of the briefed statements, as ``<out>/network.html``."""
    from ..explorer import Explorer, Selection
    sel = Selection(source=source, start=start, end=end, network="two-mode")
    path = out / NETWORK_PAGE
    atomic_write_text(path, Explorer({source: project}).page(sel))
    return path


def run(args) -> int:
    # validate every parameter of every brief before running anything
    project = load_project(args.corpus, args.source)
    start, end = check_date_range("start", args.start, "end", args.end)
    in_range = content.restrict(project, start, end)
    jobs = [content.check_params(project.codebook, focus=focus, kind=kind, start=args.start,
                                 end=args.end, source=args.source, corpus=args.corpus,
                                 title="" if args.all else args.title)
            for kind, focus in targets(in_range, args)]
    out = Path(args.out)
    write_network_page(project, args.source, args.start, args.end, out)
    done, failed = [], []
    for params in jobs:
        try:
            paths = render_brief(params, out, pdf=args.pdf)
        except CrisisnetError as e:
            if not args.all:
                raise
            failed.append(params)
            print(f"{params.slug}: FAILED: {e}", flush=True)
            continue
        done.append((params, paths))
        print(f"{params.slug}: " + ", ".join(relative(p) for p in paths), flush=True)
    if args.all:
        atomic_write_text(out / "index.html", index_page(done, out))
        print(f"index: {relative(out / 'index.html')}")
    if failed:
        raise CrisisnetError(f"{len(failed)} of {len(jobs)} briefs failed: "
                             + ", ".join(p.slug for p in failed))
    return 0
