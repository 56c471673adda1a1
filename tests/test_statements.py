"""Statement and interaction validation: every bad input names the file, line and field."""

from pathlib import Path

import pytest

from crisisnet.codebook import load_codebook
from crisisnet.corpus import load_corpus
from crisisnet.errors import ValidationError
from crisisnet.statements import STATEMENT_COLUMNS, load_interactions, load_statements, write_statements

FIX = Path(__file__).parent / "fixtures"
BAD = FIX / "bad_tables"


@pytest.fixture(scope="module")
def mini():
    return load_corpus(FIX / "mini"), load_codebook(FIX / "mini_codebook.yaml")


def test_good_table_loads_typed_and_fills_organization(mini):
    df = load_statements(FIX / "mini" / "statements.csv", *mini)
    assert list(df.columns) == STATEMENT_COLUMNS
    assert df["stance"].tolist() == [1, 1, 0]
    assert df["organization"].tolist() == ["nato", "russia", "russia"]
    assert df["start"].dtype.kind == "i" and df["confidence"].dtype.kind == "f"


@pytest.mark.parametrize("name, line, message", [
    ("text_mismatch.csv", 3, "field text does not equal the document span"),
    ("offsets_outside.csv", 4, "span 5-9999 outside document 'b_reply'"),
    ("unknown_speaker.csv", 2, "field speaker: unknown actor 'stoltenburg'; did you mean 'stoltenberg'?"),
    ("unknown_concept.csv", 3, "field concept: unknown concept 'security_guarantee'; did you mean 'security_guarantees'?"),
    ("bad_stance.csv", 4, "field stance is '2', expected 1, 0 or -1"),
    ("bad_date.csv", 2, "field date: bad date '2022-02-30'"),
    ("unknown_doc.csv", 2, "field doc_id: unknown document 'c_missing'"),
    ("bad_mode.csv", 2, "field mode is 'quote'"),
    ("unk_speaker_coded.csv", 2, "field speaker: unknown actor 'unk:jane_doe'"),
])
def test_bad_statement_tables(mini, name, line, message):
    with pytest.raises(ValidationError) as info:
        load_statements(BAD / name, *mini)
    msg = str(info.value)
    assert msg.startswith(f"tests/fixtures/bad_tables/{name}: line {line}: "), msg  # no machine path
    assert message in msg, msg


def test_uncatalogued_speakers_are_allowed_for_extracted_rows(mini, tmp_path):
    path = tmp_path / "extracted.csv"
    rows = (BAD / "unk_speaker_coded.csv").read_text(encoding="utf-8").replace(",coded,", ",extracted,")
    path.write_text(rows, encoding="utf-8")
    df = load_statements(path, *mini)
    assert df.loc[0, "speaker"] == "unk:jane_doe" and df.loc[0, "organization"] == ""


def test_all_problems_are_reported_at_once(mini, tmp_path):
    text = (FIX / "mini" / "statements.csv").read_text(encoding="utf-8")
    bad = text.replace(",stoltenberg,", ",nobody,").replace(",-1,", ",7,").replace(",0,mixed", ",5,mixed")
    (tmp_path / "s.csv").write_text(bad, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_statements(tmp_path / "s.csv", *mini)
    assert len(info.value.problems) == 2


def test_missing_columns_and_empty_file(mini, tmp_path):
    (tmp_path / "cols.csv").write_text("doc_id,start,end\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="line 1: missing column"):
        load_statements(tmp_path / "cols.csv", *mini)
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(ValidationError, match="empty file"):
        load_statements(tmp_path / "empty.csv", *mini)


def test_write_then_load_round_trip(mini, tmp_path):
    df = load_statements(FIX / "mini" / "statements.csv", *mini)
    write_statements(df, tmp_path / "out.csv")
    again = load_statements(tmp_path / "out.csv", *mini)
    assert again.equals(df)


def test_interactions_load_and_bad_type(mini):
    df = load_interactions(FIX / "mini" / "interactions.csv", *mini)
    assert df.loc[0, "type"] == "responded_to"
    with pytest.raises(ValidationError, match=r"interaction_bad_type.csv: line 2: field type is 'hugged'"):
        load_interactions(BAD / "interaction_bad_type.csv", *mini)


def test_hand_coded_seed_statements_validate(seeds_project):
    """The gold standard itself: loads, every span verbatim, every id known."""
    st = seeds_project.statements
    assert len(st) >= 40
    assert set(st["doc_id"]) == set(seeds_project.corpus.ids)
    for row in st.itertuples():
        assert seeds_project.corpus[row.doc_id].text[row.start:row.end] == row.text
    core = {"blinken", "sherman", "ryabkov", "peskov", "stoltenberg", "lavrov"}
    assert core <= set(st["speaker"])
    assert len(seeds_project.interactions) >= 5
