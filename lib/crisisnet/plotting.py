"""Shared figure style and deterministic figure files.

Colours are the Okabe-Ito palette (safe for the common colour-vision
deficiencies). :func:`save_figure` writes SVG and PNG with no timestamps and a
fixed SVG id salt, so re-running a notebook leaves ``git status`` clean.
"""

from __future__ import annotations

from pathlib import Path

import io

import matplotlib.pyplot as plt

#: Okabe-Ito colour-blind-safe palette
OKABE_ITO = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
             "grey": "#999999"}
#: stance colours: support, oppose, neutral/mentioned
STANCE_COLORS = {1: OKABE_ITO["blue"], -1: OKABE_ITO["vermillion"], 0: OKABE_ITO["grey"]}
#: tie colours in one-mode networks
TIE_COLORS = {"congruence": OKABE_ITO["blue"], "conflict": OKABE_ITO["vermillion"]}
#: node colours by bloc
BLOC_COLORS = {"west": OKABE_ITO["sky"], "russia": OKABE_ITO["orange"],
               "ukraine": OKABE_ITO["yellow"], "other": OKABE_ITO["grey"]}

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "crisisnet",
    "svg.fonttype": "none",
    "path.simplify": True,
}


def use_style() -> None:
    """Apply the project's matplotlib style (idempotent)."""
    plt.rcParams.update(STYLE)


def save_figure(fig, name: str, outdir: str | Path | None = None) -> list[Path]:
    """Save ``fig`` as ``<outdir>/<name>.svg`` and ``.png`` deterministically; returns the paths.

    ``outdir`` defaults to the project's ``figures/`` folder.
    """
    from .fileio import atomic_write_text
    from .project import FIGURES

    outdir = Path(outdir) if outdir is not None else FIGURES
    with plt.rc_context({"svg.hashsalt": "crisisnet"}):
        paths = []
        for fmt, meta in (("svg", {"Date": None, "Creator": None}),
                          ("png", {"Software": None})):
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, metadata=meta, bbox_inches="tight")
            path = outdir / f"{name}.{fmt}"
            atomic_write_text(path, buf.getvalue())
            paths.append(path)
    return paths
