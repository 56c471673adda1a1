"""A small, hand-made project folder for the briefing tests (corpus + codebook + statements).

Two documents, four speakers, two concepts. Hand-computed facts the tests use:

* Lavrov opposes ``nato_open_door`` (d1) and supports ``diplomacy`` (d1 and d2).
* Peskov opposes ``nato_open_door`` (d2)            -> Lavrov's ally on the open door.
* Blinken supports ``nato_open_door`` (d1) and ``diplomacy`` (d2)
                                                    -> opposes Lavrov on the open door, agrees on diplomacy.
* Stoltenberg supports ``nato_open_door`` (d1)      -> opposes Lavrov.
* Lavrov met Blinken in Geneva on 2022-01-21 (interaction in d2).
* No Ukrainian speaker: the ``ukraine`` side is under-represented.

With ``hostile=True`` Lavrov's first quote carries ``<script>`` and ``<img onerror>`` markup,
an outlet name and Peskov's codebook name carry HTML, and d1's URL is a ``javascript:`` URL.
"""

from __future__ import annotations

import csv
from pathlib import Path

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'

CODEBOOK = """\
actors:
  - id: lavrov
    name: Sergei Lavrov
    kind: person
    gender: male
    organization: russia
    country: RU
    bloc: russia
    aliases: [Lavrov]
    roles:
      - title: Foreign Minister
        aliases: [the Russian foreign minister]
        start: 2004-03-09
        end: null
  - id: peskov
    name: {peskov_name}
    kind: person
    gender: male
    organization: russia
    bloc: russia
    aliases: [Peskov]
  - id: blinken
    name: Antony Blinken
    kind: person
    gender: male
    organization: usa
    bloc: west
    aliases: [Blinken]
  - id: stoltenberg
    name: Jens Stoltenberg
    kind: person
    gender: male
    organization: nato
    bloc: west
    aliases: [Stoltenberg]
  - id: russia
    name: Russia
    kind: state
    organization: russia
    bloc: russia
  - id: usa
    name: United States
    kind: state
    organization: usa
    bloc: west
  - id: nato
    name: NATO
    kind: organization
    organization: nato
    bloc: west
concepts:
  - id: nato_open_door
    label: NATO open door
    definition: Ukraine's right to seek NATO membership
    support: keep the door open
    oppose: bar Ukraine
  - id: diplomacy
    label: Diplomacy
    definition: talks as the way out of the crisis
    support: wants talks
    oppose: rejects talks
"""


def _quote(text: str, quote: str, after: int = 0) -> tuple[int, int]:
    start = text.index(quote, after)
    return start, start + len(quote)


def make_project(folder: Path, hostile: bool = False) -> Path:
    """Write the mini project into ``folder`` and return it (a corpus a brief can use)."""
    folder.mkdir(parents=True, exist_ok=True)
    q1 = "NATO must stop its expansion to the east." + (f" {SCRIPT} {IMG}" if hostile else "")
    d1 = (f'Lavrov said "{q1}" Blinken said "NATO\'s door stays open." '
          'Stoltenberg said "We will not close the door." Lavrov added "We want talks."\n')
    d2 = ('Peskov said "Ukraine must never join NATO." Blinken said "We prefer diplomacy." '
          'Lavrov said "Dialogue is possible." Lavrov met Blinken in Geneva.\n')
    (folder / "d1.txt").write_text(d1, encoding="utf-8")
    (folder / "d2.txt").write_text(d2, encoding="utf-8")
    outlet = "Wire <b>A</b>" if hostile else "Wire A"
    url = "javascript:alert(1)" if hostile else "https://example.org/a"
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["doc_id", "title", "outlet", "date", "date_exact", "date_basis", "url",
                    "licence", "notes"])
        w.writerow(["d1", "Talks open", outlet, "2022-01-10", "true", "dateline", url, "test", ""])
        w.writerow(["d2", "Kremlin replies", "Wire B", "2022-01-20", "false", "inferred", "",
                    "test", ""])
    peskov = '"Dmitry <i>Peskov</i>"' if hostile else "Dmitry Peskov"
    (folder / "codebook.yaml").write_text(CODEBOOK.format(peskov_name=peskov), encoding="utf-8")
    rows = []

    def add(doc, text, quote, speaker, concept, stance, date, after=0):
        s, e = _quote(text, quote, after)
        rows.append([doc, s, e, quote, speaker, "", concept, stance, "direct", date, "coded",
                     "said", 1, ""])

    add("d1", d1, q1, "lavrov", "nato_open_door", -1, "2022-01-10")
    add("d1", d1, "NATO's door stays open.", "blinken", "nato_open_door", 1, "2022-01-10")
    add("d1", d1, "We will not close the door.", "stoltenberg", "nato_open_door", 1, "2022-01-10")
    add("d1", d1, "We want talks.", "lavrov", "diplomacy", 1, "2022-01-10")
    add("d2", d2, "Ukraine must never join NATO.", "peskov", "nato_open_door", -1, "2022-01-20")
    add("d2", d2, "We prefer diplomacy.", "blinken", "diplomacy", 1, "2022-01-20")
    add("d2", d2, "Dialogue is possible.", "lavrov", "diplomacy", 1, "2022-01-20")
    with open(folder / "statements.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["doc_id", "start", "end", "text", "speaker", "organization", "concept", "stance",
                    "mode", "date", "source", "cue", "confidence", "note"])
        w.writerows(rows)
    s, e = _quote(d2, "Lavrov met Blinken in Geneva")
    with open(folder / "interactions.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["doc_id", "start", "end", "text", "source_actor", "target_actor", "type", "date",
                    "place", "note"])
        w.writerow(["d2", s, e, "Lavrov met Blinken in Geneva", "lavrov", "blinken", "met",
                    "2022-01-21", "Geneva", ""])
    return folder
