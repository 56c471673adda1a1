"""A small codebook and helpers for the extraction tests (independent of data/codebook.yaml)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

CODEBOOK_YAML = """
actors:
  - {id: usa, name: United States, kind: state, organization: usa, bloc: west,
     aliases: [US, U.S., the US, the United States, Washington, America]}
  - {id: russia, name: Russia, kind: state, organization: russia, bloc: russia,
     aliases: [Moscow, Russian Federation]}
  - {id: kremlin, name: Kremlin, kind: organization, organization: russia, bloc: russia,
     aliases: [the Kremlin]}
  - {id: nato, name: NATO, kind: organization, organization: nato, bloc: west,
     aliases: [North Atlantic Treaty Organization, the alliance, the Alliance]}
  - {id: ukraine, name: Ukraine, kind: state, organization: ukraine, bloc: ukraine, aliases: [Kyiv, Kiev]}
  - id: blinken
    name: Antony Blinken
    kind: person
    gender: male
    organization: usa
    bloc: west
    aliases: [Antony J. Blinken, Tony Blinken, Blinken]
    roles:
      - {title: Secretary of State, aliases: [the Secretary, US top diplomat], start: 2021-01-26, end: null}
  - id: sherman
    name: Wendy Sherman
    kind: person
    gender: female
    organization: usa
    bloc: west
    aliases: [Sherman]
    roles:
      - {title: Deputy Secretary of State, start: 2021-04-14, end: null}
  - id: stoltenberg
    name: Jens Stoltenberg
    kind: person
    gender: male
    organization: nato
    bloc: west
    aliases: [Stoltenberg]
    roles:
      - {title: NATO Secretary General, aliases: [Secretary General, Secretary-General, the NATO leader],
         start: 2014-10-01, end: 2024-10-01}
  - id: lavrov
    name: Sergei Lavrov
    kind: person
    gender: male
    organization: russia
    bloc: russia
    aliases: [Sergey Lavrov, Lavrov]
    roles:
      - {title: Foreign Minister, aliases: [the Russian foreign minister, Russia's top diplomat],
         start: 2004-03-09, end: null}
  - id: ryabkov
    name: Sergei Ryabkov
    kind: person
    gender: male
    organization: russia
    bloc: russia
    aliases: [Sergey Ryabkov, Ryabkov]
    roles:
      - {title: Deputy Foreign Minister, start: 2008-08-01, end: null}
  - id: grushko
    name: Alexander Grushko
    kind: person
    gender: male
    organization: russia
    bloc: russia
    aliases: [Grushko]
    roles:
      - {title: Deputy Foreign Minister, start: 2018-01-22, end: null}
  - id: peskov
    name: Dmitry Peskov
    kind: person
    gender: male
    organization: kremlin
    bloc: russia
    aliases: [Dmitri Peskov, Peskov]
    roles:
      - {title: Kremlin spokesman, start: 2012-05-22, end: null}
  - id: putin
    name: Vladimir Putin
    kind: person
    gender: male
    organization: russia
    bloc: russia
    aliases: [Putin]
    roles:
      - {title: President of Russia, aliases: [Russian President, the President], start: 2012-05-07, end: null}
  - id: biden
    name: Joe Biden
    kind: person
    gender: male
    organization: usa
    bloc: west
    aliases: [Biden, President Biden]
    roles:
      - {title: President of the United States, aliases: [the President, US President], start: 2021-01-20, end: null}
concepts:
  - id: nato_open_door
    label: Ukraine's path to NATO (the open door)
    definition: Whether Ukraine may join NATO.
    support: NATO's door stays open; states choose their alliances.
    oppose: Ukraine must be barred from NATO.
    cues: [open door, open-door, join NATO, joining NATO, NATO membership, choose their own security arrangements, right to choose, joining the alliance, bar Ukraine, non-expansion]
  - id: diplomacy
    label: Diplomacy and further talks
    definition: Whether to continue negotiating.
    support: Talks should continue.
    oppose: Talks are pointless.
    cues: [diplomacy, diplomatic, talks, dialogue, negotiations, engage]
  - id: sanctions
    label: Sanctions on Russia
    definition: Economic punishment if Russia attacks.
    support: Sanctions should be imposed.
    oppose: Sanctions are wrong.
    cues: [sanctions, economic punishments, economic consequences]
"""


def write_codebook(folder: Path) -> Path:
    """Write the test codebook into ``folder`` and return its path."""
    path = Path(folder) / "codebook.yaml"
    path.write_text(CODEBOOK_YAML, encoding="utf-8")
    return path


def make_codebook():
    """The test codebook as a :class:`Codebook` (written to a temporary folder)."""
    import tempfile

    from crisisnet.codebook import load_codebook
    folder = Path(tempfile.mkdtemp(prefix="crisisnet-cb-"))
    return load_codebook(write_codebook(folder))


DATE = _dt.date(2022, 1, 27)


def extract_texts(folder: Path, texts: dict[str, str]):
    """Write each ``{doc_id: text}`` as ``<doc_id>.txt`` into ``folder``; extract with the test codebook."""
    from crisisnet.corpus import load_corpus
    from crisisnet.extraction.pipeline import extract_corpus

    for doc_id, text in texts.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return extract_corpus(load_corpus(folder), make_codebook())
