"""Moving time windows: a reproducible sequence of networks over time.

Public API
----------
KERNELS
    ``uniform``, ``triangular``, ``epanechnikov``, ``gaussian``.
kernel_weights(dates, center, window_days, kernel) -> ndarray
    The weight of each statement date in a window centred on ``center``.
moving_windows(statements, window_days=7, step_days=1, *, start=None, end=None,
               kernel="uniform", network="actor", isolates=True, **network_kwargs) -> list[Window]
    One :class:`Window` (dates, statements, network) per step.
windows_summary(windows) -> DataFrame
    One row per window: dates, statements, edges, total positive and negative weight.

Definitions
-----------
A window of ``w`` days starting on day ``s`` covers the calendar days ``s .. s + w - 1``
(inclusive); its centre is ``s + (w - 1) / 2`` days. Window starts run from ``start`` (default:
the first statement date) in steps of ``step_days`` while the window's last day is on or before
``end`` (default: the last statement date); when the data span is shorter than one window there is
exactly one window starting at ``start``. The distance of a statement dated ``t`` from the centre,
scaled to the half-width, is ``d = (t - centre) / (w / 2)``, in (-1, 1) inside the window. Kernel
weights, all 1 at the centre and 0 outside the window:

* uniform        1
* triangular     1 - |d|
* epanechnikov   1 - d^2           (the Epanechnikov shape scaled to peak 1)
* gaussian       exp(-d^2 / (2 sigma^2)) with sigma = 1/2 (the window edge is 2 sigma), truncated

With ``uniform`` the network counts statements exactly like a network built from the window's
statements. Nothing is random (DNA's event windows break ties at random; these windows have no
ties to break), so the same input always gives the same sequence. By default (``isolates=True``)
every window network has the same node set: all actors of the whole selection, so that windows
can be compared position by position.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import ParameterError
from .filters import date_parameter, parse_dates
from .networks import Network, actor_column, actor_network, concept_network, two_mode_network

KERNELS = ("uniform", "triangular", "epanechnikov", "gaussian")
_BUILDERS = {"actor": actor_network, "concept": concept_network, "two-mode": two_mode_network}


@dataclass
class Window:
    """One time window: inclusive first/last day, centre, its statements and network."""

    start: pd.Timestamp
    end: pd.Timestamp
    center: pd.Timestamp
    statements: pd.DataFrame
    weights: pd.Series
    network: Network

    @property
    def label(self) -> str:
        return f"{self.start.date()}..{self.end.date()}"


def kernel_weights(dates, center: pd.Timestamp, window_days: int, kernel: str = "uniform") -> np.ndarray:
    """Weights of ``dates`` for a window of ``window_days`` centred on ``center`` (module docstring)."""
    if kernel not in KERNELS:
        raise ParameterError(f"parameter kernel: {kernel!r} is not one of {', '.join(KERNELS)}")
    t = parse_dates(pd.Series(dates))
    days = ((t - center) / pd.Timedelta(days=1)).to_numpy(dtype=float)
    d = days / (window_days / 2.0)
    inside = np.abs(d) < 1.0 + 1e-12
    # a uniform window covers exactly its whole days: |t - centre| <= (w - 1) / 2
    inside &= np.abs(days) <= (window_days - 1) / 2.0 + 1e-9
    if kernel == "uniform":
        w = np.ones_like(d)
    elif kernel == "triangular":
        w = 1.0 - np.abs(d)
    elif kernel == "epanechnikov":
        w = 1.0 - d ** 2
    else:
        w = np.exp(-(d ** 2) / (2 * 0.5 ** 2))
    return np.where(inside & ~np.isnan(d), w, 0.0)


def _int_param(name: str, value, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ParameterError(f"parameter {name}: expected an integer >= {low}, got {value!r}")
    return int(value)


def moving_windows(statements: pd.DataFrame, window_days: int = 7, step_days: int = 1, *,
                   start=None, end=None, kernel: str = "uniform", network: str = "actor",
                   isolates: bool = True, **network_kwargs) -> list[Window]:
    """A network per moving window (see the module docstring for the window rules).

    ``network`` is ``actor``, ``concept`` or ``two-mode``; ``network_kwargs`` go to the builder
    (``agreement``, ``normalization``, ``aggregation``, ``level``, ``codebook``...). Undated
    statements are left out.
    """
    window_days = _int_param("window_days", window_days, 1)
    step_days = _int_param("step_days", step_days, 1)
    if kernel not in KERNELS:
        raise ParameterError(f"parameter kernel: {kernel!r} is not one of {', '.join(KERNELS)}")
    if network not in _BUILDERS:
        raise ParameterError(f"parameter network: {network!r} is not one of {', '.join(_BUILDERS)}")
    dates = parse_dates(statements["date"]) if len(statements) else pd.Series([], dtype="datetime64[ns]")
    dated = statements.loc[dates.notna().to_numpy()] if len(statements) else statements
    dates = dates[dates.notna()]
    first = date_parameter("start", start) if start not in (None, "") else (dates.min() if len(dates) else None)
    last = date_parameter("end", end) if end not in (None, "") else (dates.max() if len(dates) else None)
    if first is None or last is None:
        return []
    if first > last:
        raise ParameterError(f"parameters start/end: start {first.date()} is after end {last.date()}")
    level = network_kwargs.get("level", "speaker")
    if isolates and "nodes" not in network_kwargs and network != "concept":
        network_kwargs["nodes"] = sorted(set(actor_column(dated, level))) if len(dated) else []
    if isolates and network != "actor" and "concepts" not in network_kwargs and network == "two-mode":
        network_kwargs["concepts"] = sorted(set(dated["concept"].astype(str)))
    if isolates and network == "concept" and "nodes" not in network_kwargs:
        network_kwargs["nodes"] = sorted(set(dated["concept"].astype(str)))
    builder = _BUILDERS[network]
    span = pd.Timedelta(days=window_days - 1)
    starts = pd.date_range(first, max(first, last - span), freq=f"{step_days}D")
    out = []
    for s in starts:
        e = s + span
        center = s + span / 2
        inside = ((dates >= s) & (dates <= e)).to_numpy()
        st = dated.loc[inside]
        w = pd.Series(kernel_weights(dates[inside], center, window_days, kernel), index=st.index)
        keep = (w > 0).to_numpy()
        st, w = st.loc[keep], w[keep]
        net = builder(st, isolates=isolates, weights=w, **network_kwargs)
        net.params.update({"window_start": str(s.date()), "window_end": str(e.date()),
                           "kernel": kernel, "window_days": window_days, "step_days": step_days})
        out.append(Window(s, e, center, st, w, net))
    return out


def windows_summary(windows: list[Window]) -> pd.DataFrame:
    """One row per window: start, end, statements, weighted statements, edges, positive and negative weight."""
    rows = []
    for win in windows:
        e = win.network.edges()
        rows.append({"start": str(win.start.date()), "end": str(win.end.date()),
                     "statements": len(win.statements), "weighted": float(win.weights.sum()),
                     "edges": int((e["weight"] != 0).sum()),
                     "positive": float(e.loc[e["weight"] > 0, "weight"].sum()),
                     "negative": float(-e.loc[e["weight"] < 0, "weight"].sum()) + 0.0})
    return pd.DataFrame(rows, columns=["start", "end", "statements", "weighted", "edges",
                                       "positive", "negative"])


def phase_table(statements: pd.DataFrame, phases: dict, *, normalization: str = "average",
                level: str = "speaker", codebook=None, groups: dict | None = None) -> pd.DataFrame:
    """One row per named phase ``{name: (first day, last day)}``: statements, actors, ties, polarization.

    ``groups`` (actor -> group, e.g. the codebook blocs) is the fixed partition
    the polarization quality is scored on (see :func:`crisisnet.analysis.polarization`).
    """
    from .analysis import polarization
    from .filters import select_statements

    rows = []
    for name, (first, last) in phases.items():
        part = select_statements(statements, start=first, end=last)
        cong = actor_network(part, "congruence", normalization, level, codebook=codebook)
        conf = actor_network(part, "conflict", normalization, level, codebook=codebook)
        rows.append({"phase": name, "from": first, "to": last, "statements": len(part),
                     "actors": actor_column(part, level).replace("", pd.NA).nunique(),
                     "congruence ties": len(cong.edges()), "conflict ties": len(conf.edges()),
                     "bloc polarization": polarization(cong, conf, groups).quality})
    return pd.DataFrame(rows).set_index("phase")
