"""The held-out gold standards load and validate against their corpora and the codebook."""

import pytest

from crisisnet.codebook import load_codebook
from crisisnet.corpus import load_corpus
from crisisnet.fileio import ROOT
from crisisnet.statements import load_statements

HELDOUT = ROOT / "data" / "heldout"
#: gold file -> the corpus its offsets index
GOLD = {"dev": "official-2022", "dev2": "official-2022", "dev3": "official-2022",
        "test": "official-2022", "synthetic-news": "synthetic-news",
        "synthetic-transcripts": "synthetic-transcripts", "synthetic-news-2": "synthetic-news-2",
        "synthetic-transcripts-2": "synthetic-transcripts-2", "synthetic-news-3": "synthetic-news-3",
        "synthetic-transcripts-3": "synthetic-transcripts-3", "synthetic-news-4": "synthetic-news-4",
        "synthetic-transcripts-4": "synthetic-transcripts-4", "synthetic-news-5": "synthetic-news-5",
        "synthetic-transcripts-5": "synthetic-transcripts-5", "synthetic-news-6": "synthetic-news-6",
        "synthetic-transcripts-6": "synthetic-transcripts-6", "synthetic-news-7": "synthetic-news-7",
        "synthetic-transcripts-7": "synthetic-transcripts-7", "synthetic-news-8": "synthetic-news-8",
        "synthetic-transcripts-8": "synthetic-transcripts-8"}
#: sets coded a second time, independently, to measure inter-coder agreement
SECOND_CODER = ("synthetic-news-6", "synthetic-transcripts-6", "synthetic-transcripts-7")


@pytest.mark.parametrize("path", [f"{n}.csv" for n in sorted(GOLD)]
                         + [f"second-coder/{n}.csv" for n in SECOND_CODER])
def test_gold_standard_validates(path):
    name = path.split("/")[-1].removesuffix(".csv")
    corpus = load_corpus(ROOT / "corpora" / GOLD[name])
    table = load_statements(HELDOUT / path, corpus, load_codebook(ROOT / "data" / "codebook.yaml"))
    assert len(table) > 0 and set(table["source"]) == {"coded"}
    assert set(table["doc_id"]) <= set(corpus.ids)
    for r in table.itertuples():
        assert corpus[r.doc_id].text[r.start:r.end] == r.text


def test_test_corpora_are_documented_and_complete():
    for name in sorted(n for n in GOLD if n.startswith("synthetic")):
        folder = ROOT / "corpora" / name
        assert (folder / "README.md").is_file() and (HELDOUT / f"{name}.md").is_file()
        assert len(load_corpus(folder)) == len(list(folder.glob("*.txt")))


def test_second_codings_are_documented():
    for name in SECOND_CODER:
        assert (HELDOUT / "second-coder" / f"{name}.md").is_file()
    assert (HELDOUT / "second-coder" / "README.md").is_file()
