"""Corpus loading: offsets on the text as stored, metadata, and clear errors for bad files."""

from pathlib import Path

import pytest

from crisisnet.corpus import Corpus, Document, load_corpus
from crisisnet.errors import ValidationError

FIX = Path(__file__).parent / "fixtures"


def test_mini_corpus_ids_metadata_and_dates():
    corpus = load_corpus(FIX / "mini")
    assert corpus.ids == ["a_talks", "b_reply"]
    a, b = corpus["a_talks"], corpus["b_reply"]
    assert (a.title, a.outlet, a.date.isoformat(), a.date_exact) == ("Talks", "Test Wire", "2022-01-12", True)
    assert b.date_exact is False and "on Thursday" in b.date_basis


def test_crlf_kept_and_bom_removed_so_offsets_match_the_file():
    """The file is BOM + 'First line.\\r\\n“Quoted words,” ...': the BOM is not text, CRLF is two chars."""
    doc = load_corpus(FIX / "crlf_bom")["doc"]
    assert doc.text.startswith("First line.\r\n")
    start = doc.text.index("Quoted words")
    assert start == len("First line.\r\n“")
    raw = (FIX / "crlf_bom" / "doc.txt").read_bytes().decode("utf-8")
    assert raw[1:][start:start + 12] == "Quoted words"  # same offset in the file minus its BOM


def test_header_block_is_metadata_and_text_starts_after_it():
    corpus = load_corpus(FIX / "header")
    doc = corpus["2022-02-01_call"]
    assert doc.text == "The Secretary emphasized diplomacy.\n"
    assert doc.title == "A call" and doc.outlet == "U.S. Department of State"
    assert doc.date.isoformat() == "2022-02-01" and doc.url == "https://example.org/call"


def test_colon_in_first_line_without_separator_is_text():
    doc = load_corpus(FIX / "header")["bare_colon"]
    assert doc.text.startswith("NOTE: this first line") and doc.header == {}


@pytest.mark.parametrize("folder, message", [
    ("empty", "empty.txt: empty file"),
    ("binary", "junk.txt: binary file"),
    ("latin1", "doc.txt: line 2: not valid UTF-8"),
    ("dup_metadata", "metadata.csv: line 3: duplicate doc_id 'x'"),
    ("bad_meta_date", "metadata.csv: line 2: field date: bad date '13/01/2022'"),
])
def test_bad_corpus_files_raise_naming_file_and_line(folder, message):
    with pytest.raises(ValidationError, match=message.replace(".", r"\.").replace("(", r"\(")):
        load_corpus(FIX / "bad_corpora" / folder)


def test_non_strict_loading_skips_and_reports_bad_files():
    corpus = load_corpus(FIX / "bad_corpora" / "empty", strict=False)
    assert corpus.ids == ["ok"]
    assert corpus.skipped == [("empty.txt", "tests/fixtures/bad_corpora/empty/empty.txt: empty file")]


def test_duplicate_document_ids_are_rejected():
    doc = Document(id="x", text="a", path="one/x.txt")
    with pytest.raises(ValidationError, match="duplicate document id 'x'"):
        Corpus([doc, Document(id="x", text="b", path="two/x.txt")])


def test_missing_folder_and_folder_without_texts(tmp_path):
    with pytest.raises(ValidationError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(ValidationError, match="no .txt files"):
        load_corpus(tmp_path)


def test_seed_corpus_loads_with_metadata(seeds_project):
    corpus = seeds_project.corpus
    assert len(corpus) == 5
    assert all(d.date is not None for d in corpus), "every seed has an (exact or inferred) date"
    assert corpus["002_3cb07f66a77ee739"].outlet == "The Moscow Times"
