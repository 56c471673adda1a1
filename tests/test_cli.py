"""The command line dispatcher and the validate command."""

import subprocess
import sys
from pathlib import Path

from crisisnet.cli import main

FIX = Path(__file__).parent / "fixtures"


def test_validate_reports_good_files(capsys):
    code = main(["validate", "--corpus", str(FIX / "mini"), "--codebook", str(FIX / "mini_codebook.yaml"),
                 "--statements", str(FIX / "mini" / "statements.csv"),
                 "--interactions", str(FIX / "mini" / "interactions.csv")])
    out = capsys.readouterr().out
    assert code == 0 and "3 statement rows" in out and "all valid" in out


def test_validate_bad_file_exits_2_naming_file_line_field(capsys):
    code = main(["validate", "--corpus", str(FIX / "mini"), "--codebook", str(FIX / "mini_codebook.yaml"),
                 "--statements", str(FIX / "bad_tables" / "bad_stance.csv"), "--interactions"])
    err = capsys.readouterr().err
    assert code == 2
    assert "bad_stance.csv: line 4: field stance is '2'" in err


def test_module_entry_point_help():
    out = subprocess.run([sys.executable, "-m", "crisisnet", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "extract" in out.stdout and "brief" in out.stdout
