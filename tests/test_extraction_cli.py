"""``crisisnet extract`` on a folder of real bad files: the run finishes, bad files are named."""

import pandas as pd
import pytest

from crisisnet.cli import main
from extraction_helpers import write_codebook

GOOD = "“We prefer diplomacy and further talks,” Blinken said.\n"


@pytest.fixture
def messy(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("Déclaration: «la diplomatie».".encode("latin-1"))
    (folder / "unbalanced.txt").write_text(
        "Blinken said “the talks will go on. And on.\nLavrov said” nothing \" at all.\n", encoding="utf-8")
    (folder / "russian.txt").write_text("Лавров заявил, что «переговоры продолжатся».\n", encoding="utf-8")
    # 1 MB: long lines of filler (cheap to parse), then one real statement near the end
    (folder / "big.txt").write_text(("x" * 999 + "\n") * 1000 + GOOD, encoding="utf-8")
    return folder


def test_bad_files_are_reported_and_skipped_the_rest_extracted(messy, tmp_path, capsys):
    out = tmp_path / "out.csv"
    code = main(["extract", str(messy), "-o", str(out), "--codebook", str(write_codebook(tmp_path)),
                 "--progress", "always"])
    err = capsys.readouterr().err
    assert code == 0
    for name in ("empty.txt", "binary.txt", "latin1.txt"):
        assert f"skipped {name}" in err
    for name in ("good.txt", "unbalanced.txt", "russian.txt", "big.txt"):
        assert f"skipped {name}" not in err
    df = pd.read_csv(out)
    assert {"good", "big"} <= set(df.doc_id)
    big = df[df.doc_id == "big"].iloc[0]
    assert big.start >= 1_000_000 and big.speaker == "blinken"
    assert "extracting" in err   # the tqdm bar went to stderr


def test_bare_folder_without_metadata_and_bad_parameter(tmp_path, capsys):
    folder = tmp_path / "bare"
    folder.mkdir()
    (folder / "one.txt").write_text(GOOD, encoding="utf-8")
    cb = str(write_codebook(tmp_path))
    assert main(["extract", str(folder), "-o", str(tmp_path / "o.csv"), "--codebook", cb]) == 0
    assert pd.read_csv(tmp_path / "o.csv").speaker.tolist() == ["blinken"]
    assert main(["extract", str(folder), "-o", str(tmp_path / "o.csv"), "--codebook", cb,
                 "--n-process", "0"]) == 2
    assert "parameter --n-process" in capsys.readouterr().err


def test_rules_only_switches_the_learned_model_off(tmp_path, capsys):
    """With the project codebook the learned model is on by default; --rules-only turns it off
    (a cue-less position is then no statement)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Blinken said that words alone would not convince Washington.\n"
        "“We prefer diplomacy and further talks,” Blinken said.\n", encoding="utf-8")
    runs = {}
    for flag in ([], ["--rules-only"]):
        out = tmp_path / f"out{len(flag)}.csv"
        assert main(["extract", str(folder), "-o", str(out), "--progress", "never", *flag]) == 0
        runs[bool(flag)] = (pd.read_csv(out), capsys.readouterr().err)
    (learned, err_learned), (rules, err_rules) = runs[False], runs[True]
    assert "rules + learned model" in err_learned and "rules only" in err_rules
    assert not rules["note"].str.contains("learned").any()
    assert set(zip(rules.start, rules.end)) <= set(zip(learned.start, learned.end))


def test_score_command_reports_the_evaluation_of_two_tables(tmp_path, capsys):
    """``crisisnet score`` prints the scores :func:`evaluate` gives, writes the disagreements,
    and names the file and line of a bad table."""
    from crisisnet.codebook import load_codebook
    from crisisnet.corpus import load_corpus
    from crisisnet.extraction import evaluate
    from crisisnet.project import CODEBOOK, DATA, ROOT
    from crisisnet.statements import load_statements

    corpus = load_corpus(ROOT / "seeds")
    gold = load_statements(DATA / "statements.csv", corpus, load_codebook(CODEBOOK))
    pred = gold[gold["doc_id"] != gold["doc_id"].iloc[0]].copy()  # drop one document's statements
    pred.to_csv(tmp_path / "pred.csv", index=False)
    expected = evaluate(pred, gold)
    assert 0 < expected.recall < 1
    out = tmp_path / "dis.csv"
    assert main(["score", str(tmp_path / "pred.csv"), str(DATA / "statements.csv"),
                 "--corpus", str(ROOT / "seeds"), "--disagreements", str(out)]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert f"recall {expected.recall:.3f}" in printed
    assert f"F1 (span overlap + speaker) {expected.f1:.3f}" in printed
    dis = pd.read_csv(out)
    assert len(dis) == len(expected.disagreements) and set(dis["kind"]) == {"missed"}

    bad = pred.copy()
    bad.loc[bad.index[0], "speaker"] = "nobody_known"
    bad.to_csv(tmp_path / "bad.csv", index=False)
    assert main(["score", str(tmp_path / "bad.csv"), str(DATA / "statements.csv"),
                 "--corpus", str(ROOT / "seeds")]) == 2
    err = capsys.readouterr().err
    assert "bad.csv" in err and "line 2" in err and "nobody_known" in err
