"""The logic behind the explorer notebook (``notebooks/08_explorer.ipynb``), testable without a browser.

A :class:`Selection` says what to look at: actors, concepts, a date window,
the statement source (hand ``coded`` or automatically ``extracted``), outlets,
the kind of network and its normalization. An :class:`Explorer` turns a
selection into

* :meth:`Explorer.statements` - the statements that pass the filters
  (:func:`crisisnet.filters.select_statements`, plus an outlet filter), with
  the document's outlet and title attached;
* :meth:`Explorer.network` - the network (:mod:`crisisnet.networks`);
* :meth:`Explorer.heatmap_figure` / :meth:`Explorer.network_figure` -
  matplotlib figures (:mod:`crisisnet.figures`);
* :meth:`Explorer.statements_behind` - the verbatim statements behind one
  actor (what the explorer shows when an actor is picked);
* :meth:`Explorer.page` - the standalone interactive page
  (:mod:`crisisnet.interactive`).

:class:`ExplorerApp` wires these to ipywidgets; its callbacks only call the
methods above, so the notebook also runs headless (papermill, nbval) with the
default selection.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

import pandas as pd

from .errors import ParameterError, ValidationError
from .filters import DUPLICATES, LEVELS, parse_dates, select_statements
from .networks import (AGREEMENTS, ONE_MODE_NORMALIZATIONS, TWO_MODE_NORMALIZATIONS, Network,
                       actor_network, concept_network, two_mode_network)
from .params import check_choice, check_date_range, check_ids
from .project import Project, load_project

NETWORK_KINDS = ("actor", "two-mode", "concept")
#: columns of the statements-behind-an-actor table
BEHIND_COLUMNS = ["date", "outlet", "doc_id", "speaker", "concept", "stance", "mode", "text"]


def normalizations(kind: str) -> tuple[str, ...]:
    """The normalizations that make sense for a network kind."""
    return TWO_MODE_NORMALIZATIONS if kind == "two-mode" else ONE_MODE_NORMALIZATIONS


@dataclass(frozen=True)
class Selection:
    """What the explorer shows. Empty ``actors``/``concepts``/``outlets`` mean all; dates are inclusive.

    ``agreement`` is the tie type of one-mode networks; for the two-mode
    network, ``subtract`` shows net stances (support minus oppose) and any
    other value shows statement counts (DNA's ``ignore`` aggregation).
    """

    actors: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    start: str = ""
    end: str = ""
    source: str = "coded"
    outlets: tuple[str, ...] = ()
    network: str = "actor"
    agreement: str = "subtract"
    normalization: str = "none"
    level: str = "speaker"
    duplicates: str = "keep"

    def changed(self, **kwargs) -> "Selection":
        """A copy with some fields replaced (lists become tuples)."""
        return replace(self, **{k: tuple(v) if isinstance(v, list) else v for k, v in kwargs.items()})


@dataclass
class Explorer:
    """Selections -> statements, networks, figures and evidence, for one corpus.

    ``projects`` maps a statement source (``coded``, ``extracted``) to the
    loaded :class:`~crisisnet.project.Project`; only those sources can be selected.
    """

    projects: dict[str, Project]
    #: sources that could not be loaded -> why (missing file, or validation problems)
    skipped: dict[str, str] = field(default_factory=dict)
    _outlets: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        if not self.projects:
            raise ParameterError("Explorer: no statement source loaded")
        corpus = self.any_project.corpus
        self._outlets = {d.id: (d.outlet or "(unknown outlet)") for d in corpus}
        self._titles = {d.id: d.title for d in corpus}

    @classmethod
    def load(cls, corpus: str = "seeds", sources=("coded", "extracted")) -> "Explorer":
        """Load a bundled corpus with every listed source that loads (at least one must).

        A source whose statements are missing or fail validation is left out and
        listed in :attr:`skipped` with the reason, so that a broken extraction
        does not stop anyone from exploring the hand-coded statements.
        """
        projects, skipped = {}, {}
        for s in sources:
            try:
                projects[s] = load_project(corpus, s)
            except (ParameterError, ValidationError) as e:
                skipped[s] = str(e)
        if not projects:
            raise ParameterError(f"Explorer: no statements for corpus {corpus!r}: "
                                 + "; ".join(f"{k}: {v}" for k, v in skipped.items()))
        return cls(projects, skipped)

    # -- what can be selected ---------------------------------------------------------------
    @property
    def any_project(self) -> Project:
        return next(iter(self.projects.values()))

    @property
    def codebook(self):
        return self.any_project.codebook

    @property
    def sources(self) -> list[str]:
        return list(self.projects)

    @property
    def outlets(self) -> list[str]:
        return sorted(set(self._outlets.values()))

    def actors(self, source: str = "coded") -> list[str]:
        """Actor ids (speakers and organizations) that have statements in ``source``."""
        st = self._project(source).statements
        return sorted((set(st["speaker"].astype(str)) | set(st["organization"].astype(str))) - {""})

    def concepts(self, source: str = "coded") -> list[str]:
        return sorted(set(self._project(source).statements["concept"].astype(str)))

    def date_range(self, source: str = "coded") -> tuple[str, str]:
        d = parse_dates(self._project(source).statements["date"]).dropna()
        return (d.min().date().isoformat(), d.max().date().isoformat()) if len(d) else ("", "")

    def _project(self, source: str) -> Project:
        check_choice("source", source, self.sources)
        return self.projects[source]

    def validate(self, sel: Selection) -> Selection:
        """Check every field of ``sel``; raise :class:`ParameterError` naming the bad one."""
        check_choice("source", sel.source, self.sources)
        check_ids("actors", list(sel.actors), self.codebook, "actor")
        check_ids("concepts", list(sel.concepts), self.codebook, "concept")
        check_date_range("start", sel.start, "end", sel.end)
        for o in sel.outlets:
            check_choice("outlets", o, self.outlets)
        check_choice("network", sel.network, NETWORK_KINDS)
        check_choice("agreement", sel.agreement, AGREEMENTS)
        check_choice("normalization", sel.normalization, normalizations(sel.network))
        check_choice("level", sel.level, LEVELS)
        check_choice("duplicates", sel.duplicates, DUPLICATES)
        return sel

    # -- selections -> results ----------------------------------------------------------------
    def statements(self, sel: Selection) -> pd.DataFrame:
        """The statements passing every filter, with ``outlet`` and ``title`` columns; input index kept."""
        self.validate(sel)
        st = self._project(sel.source).statements
        if sel.outlets:
            st = st[st["doc_id"].map(self._outlets).isin(sel.outlets)]
        out = select_statements(st, start=sel.start or None, end=sel.end or None,
                                actors=list(sel.actors), concepts=list(sel.concepts),
                                duplicates=sel.duplicates, level=sel.level)
        out = out.copy()
        out["outlet"] = out["doc_id"].map(self._outlets)
        out["title"] = out["doc_id"].map(self._titles)
        return out

    def network(self, sel: Selection) -> Network:
        """The network of the selected statements (kind, agreement, normalization, level)."""
        st = self.statements(sel)
        if sel.network == "two-mode":
            return two_mode_network(st, "subtract" if sel.agreement == "subtract" else "ignore",
                                    sel.normalization, sel.level, codebook=self.codebook)
        build = actor_network if sel.network == "actor" else concept_network
        return build(st, sel.agreement, sel.normalization, sel.level, codebook=self.codebook)

    def statements_behind(self, sel: Selection, actor: str) -> pd.DataFrame:
        """The selected statements made by ``actor`` (as speaker, or for it as organization).

        One row per statement, sorted by date, document and position, with the
        verbatim ``text``: the evidence behind the actor's node.
        """
        check_ids("actor", [actor], self.codebook, "actor")
        st = self.statements(sel)
        mine = st[(st["speaker"].astype(str) == actor) | (st["organization"].astype(str) == actor)]
        return (mine.sort_values(["date", "doc_id", "start"], kind="stable")
                .reindex(columns=BEHIND_COLUMNS).reset_index(drop=True))

    def positions(self, sel: Selection) -> pd.DataFrame:
        """The actor x concept positions the heatmap shows (support/oppose/mixed/neutral/none)."""
        from .figures import heatmap_data
        return heatmap_data(self.statements(sel), sel.level, codebook=self.codebook)[0]

    def heatmap_figure(self, sel: Selection):
        """Actor x concept heatmap of stated positions (:func:`crisisnet.figures.stance_heatmap`)."""
        from .figures import stance_heatmap
        return stance_heatmap(self.statements(sel), self.codebook, sel.level)

    def network_figure(self, sel: Selection):
        """The selected network drawn with matplotlib (:mod:`crisisnet.figures`).

        One-mode networks show congruence and conflict ties together (with the
        selected normalization); the two-mode network is drawn as a bipartite graph.
        """
        from .figures import actor_network_figure, two_mode_figure
        st = self.statements(sel)
        if sel.network == "two-mode":
            return two_mode_figure(st, self.codebook, sel.level)
        build = actor_network if sel.network == "actor" else concept_network
        nets = [build(st, kind, sel.normalization, sel.level, codebook=self.codebook)
                for kind in ("congruence", "conflict")]
        return actor_network_figure(*nets, title=describe(sel))

    def page(self, sel: Selection, title: str | None = None) -> str:
        """The standalone interactive HTML page of the selected network (quotes on every edge)."""
        from .interactive import network_graph, network_html
        net = self.network(sel)
        return network_html(network_graph(net, self.codebook), title or describe(sel),
                            subtitle=subtitle(sel, net), legend=legend(net))


def describe(sel: Selection) -> str:
    """A one-line title for a selection.

    >>> describe(Selection())
    'Actor network (subtract, none), coded statements'
    """
    kind = {"actor": "Actor network", "two-mode": "Actor x concept network",
            "concept": "Concept network"}[sel.network]
    return f"{kind} ({sel.agreement}, {sel.normalization}), {sel.source} statements"


def subtitle(sel: Selection, net: Network) -> str:
    parts = [f"{len(net.statements)} statements", f"{len(net.nodes)} nodes", f"{len(net.edges())} ties"]
    if sel.start or sel.end:
        parts.append(f"dates {sel.start or '...'} to {sel.end or '...'}")
    for name in ("actors", "concepts", "outlets"):
        if getattr(sel, name):
            parts.append(f"{name}: {', '.join(getattr(sel, name))}")
    return "; ".join(parts)


def legend(net: Network) -> dict[str, str]:
    """Legend entries (label -> colour) matching :func:`crisisnet.interactive.network_graph`."""
    from .plotting import BLOC_COLORS, OKABE_ITO, STANCE_COLORS, TIE_COLORS
    out = {f"{b} (bloc)": c for b, c in BLOC_COLORS.items()}
    if net.kind == "two-mode":
        out.update({"support": STANCE_COLORS[1], "oppose": STANCE_COLORS[-1],
                    "both": OKABE_ITO["purple"], "concept (box)": "#DDDDDD"})
    else:
        out.update({"agreement": TIE_COLORS["congruence"], "conflict": TIE_COLORS["conflict"]})
    return out


_APPS = 0  # explorer apps created in this Python session


class ExplorerApp:
    """The ipywidgets front end: pick a selection, see the network, heatmap and evidence.

    ``ExplorerApp(explorer, selection).widget`` is the box to display. Every
    control calls :meth:`update`, which rebuilds the selection from the
    controls and redraws; the actor picker shows :meth:`Explorer.statements_behind`.
    Nothing here is needed to compute results: use :class:`Explorer` in scripts.
    """

    def __init__(self, explorer: Explorer, selection: Selection = Selection()):
        import ipywidgets as w

        self.explorer = explorer
        self.selection = explorer.validate(selection)
        src = selection.source
        first, last = explorer.date_range(src)
        self.controls = {
            "actors": w.SelectMultiple(options=explorer.actors(src), value=selection.actors,
                                       description="Actors", rows=8),
            "concepts": w.SelectMultiple(options=explorer.concepts(src), value=selection.concepts,
                                         description="Concepts", rows=8),
            "start": w.Text(value=selection.start, placeholder=first, description="From"),
            "end": w.Text(value=selection.end, placeholder=last, description="To"),
            "source": w.Dropdown(options=explorer.sources, value=src, description="Source"),
            "outlets": w.SelectMultiple(options=explorer.outlets, value=selection.outlets,
                                        description="Outlets", rows=4),
            "network": w.Dropdown(options=NETWORK_KINDS, value=selection.network, description="Network"),
            "agreement": w.Dropdown(options=AGREEMENTS, value=selection.agreement, description="Ties"),
            "normalization": w.Dropdown(options=normalizations(selection.network),
                                        value=selection.normalization, description="Normalize"),
            "level": w.Dropdown(options=LEVELS, value=selection.level, description="Level"),
        }
        self.actor_picker = w.Dropdown(options=[""] + explorer.actors(src), value="",
                                       description="Evidence")
        self.message = w.HTML()
        self.figures = w.Output()
        self.evidence = w.Output()
        for name, control in self.controls.items():
            control.observe(self._on_change, names="value")
        self.actor_picker.observe(lambda change: self.show_actor(change["new"]), names="value")
        left = w.VBox([self.controls[k] for k in ("actors", "concepts", "start", "end", "outlets")])
        right = w.VBox([self.controls[k] for k in ("source", "network", "agreement", "normalization",
                                                   "level")] + [self.actor_picker])
        # A fixed model id (numbered per kernel session) instead of a random uuid, so the output of
        # the cell that displays the app is the same on every run of the notebook.
        global _APPS
        _APPS += 1
        self.widget = w.VBox([w.HBox([left, right]), self.message, self.figures, self.evidence],
                             model_id=f"crisisnet-explorer-{_APPS}")

    def selection_from_controls(self) -> Selection:
        c = {k: v.value for k, v in self.controls.items()}
        return Selection(**{k: tuple(v) if isinstance(v, (list, tuple)) else v for k, v in c.items()},
                         duplicates=self.selection.duplicates)

    def _on_change(self, change) -> None:
        if change["owner"] is self.controls["network"]:
            norm = self.controls["normalization"]
            norm.options = normalizations(change["new"])
            norm.value = "none"
        self.update()

    def update(self) -> bool:
        """Redraw for the current controls; a bad value shows a message instead. True if redrawn."""
        try:
            sel = self.explorer.validate(self.selection_from_controls())
        except ParameterError as e:
            self.message.value = f"<b>Not redrawn:</b> {_escape(str(e))}"
            return False
        self.selection = sel
        n = len(self.explorer.statements(sel))
        self.message.value = _escape(f"{describe(sel)}: {n} statements selected")
        shown = []
        for draw in (self.explorer.network_figure, self.explorer.heatmap_figure):
            try:
                shown.append(_figure_image(draw(sel)))
            except ParameterError as e:
                shown.append(f"Nothing to draw: {e}")
        _show(self.figures, shown)
        if self.actor_picker.value:
            self.show_actor(self.actor_picker.value)
        return True

    def show_actor(self, actor: str) -> pd.DataFrame | None:
        """Show (and return) the statements behind ``actor`` for the current selection."""
        if not actor:
            _show(self.evidence, [])
            return None
        table = self.explorer.statements_behind(self.selection, actor)
        _show(self.evidence, [f"{len(table)} statement(s) by {actor}", table])
        return table


def _figure_image(fig):
    """A matplotlib figure as a PNG image object (closed afterwards)."""
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    return Image(data=buf.getvalue(), format="png")


def _show(output, items) -> None:
    """Replace an Output widget's content by ``items`` (text, tables, images).

    The widget's ``outputs`` are set directly instead of printing inside
    ``with output:``, so nothing leaks into the notebook cell that created the
    app when no browser is attached (papermill, nbval).
    """
    output.outputs = ()
    for item in items:
        if isinstance(item, str):
            output.append_stdout(item + "\n")
        else:
            output.append_display_data(item)


def _escape(text: str) -> str:
    import html
    return html.escape(text)


def selection_dict(sel: Selection) -> dict:
    """A selection as a plain dict (lists), e.g. to print or to pass as notebook parameters."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(sel).items()}
