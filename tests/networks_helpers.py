"""Small hand-made statement tables for the network, filter, window and analysis tests.

The worked example used throughout (actors a, b, c; concepts x, y)::

    a: x +1 (twice), y -1        P_a = [2, 0]  N_a = [0, 1]  Z_a = [0, 0]
    b: x +1,        y +1         P_b = [1, 1]  N_b = [0, 0]  Z_b = [0, 0]
    c: x -1,        y  0         P_c = [0, 0]  N_c = [1, 0]  Z_c = [0, 1]
"""

from __future__ import annotations

import pandas as pd

from crisisnet.statements import STATEMENT_COLUMNS


def make_statements(rows) -> pd.DataFrame:
    """rows: (speaker, concept, stance[, date[, doc_id[, organization[, source[, confidence]]]]])."""
    recs = []
    for i, r in enumerate(rows):
        r = list(r) + [None] * (8 - len(r))
        speaker, concept, stance, date, doc, org, source, conf = r
        recs.append({"doc_id": doc or "d1", "start": 10 * i, "end": 10 * i + 5, "text": f"s{i}",
                     "speaker": speaker, "organization": org or speaker, "concept": concept,
                     "stance": stance, "mode": "direct", "date": date or "2022-01-10",
                     "source": source or "coded", "cue": "said",
                     "confidence": 1.0 if conf is None else conf, "note": ""})
    return pd.DataFrame(recs, columns=STATEMENT_COLUMNS)


def worked_example() -> pd.DataFrame:
    """The module docstring's example: 7 statements by a, b, c on x and y."""
    return make_statements([
        ("a", "x", 1), ("a", "x", 1), ("a", "y", -1),
        ("b", "x", 1), ("b", "y", 1),
        ("c", "x", -1), ("c", "y", 0),
    ])
