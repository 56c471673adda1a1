"""The notebook collection: cleaning is idempotent and committed notebooks are clean and executed."""

import copy
import json

import pytest

from crisisnet import notebooks
from crisisnet.project import ROOT


def _nb():
    return {"cells": [{"cell_type": "code", "source": "1", "execution_count": 1, "outputs": [],
                       "metadata": {"papermill": {"duration": 0.1}, "execution": {"iopub.status.busy": "x"},
                                    "tags": ["parameters"]}}],
            "metadata": {"papermill": {"start_time": "x"}, "kernelspec": {"name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}


def test_clean_removes_volatile_metadata_and_keeps_tags():
    nb = notebooks.clean(_nb())
    assert nb["metadata"] == {"kernelspec": {"name": "python3"}}
    assert nb["cells"][0]["metadata"] == {"tags": ["parameters"]}
    assert notebooks.clean(copy.deepcopy(nb)) == nb


@pytest.mark.parametrize("path", notebooks.collection(), ids=lambda p: p.name)
def test_committed_notebooks_are_clean_executed_and_parameterized(path):
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    assert notebooks.dumps(notebooks.clean(json.loads(text))) == text, "run `python -m crisisnet notebooks --clean-only`"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert sum("parameters" in c["metadata"].get("tags", []) for c in code) == 1
    assert all(c.get("execution_count") for c in code if "".join(c["source"]).strip()), "unexecuted cell"
    assert not any(o.get("output_type") == "error" for c in code for o in c.get("outputs", []))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert str(ROOT) not in text, "a machine path in the notebook"


@pytest.mark.parametrize("path", notebooks.collection(), ids=lambda p: p.name)
def test_papermill_documents_every_parameter(path):
    """`papermill --help-notebook` must see every parameter (a comment containing '=' hides one)."""
    import ast

    import papermill as pm

    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    assigned = [n.target.id if isinstance(n, ast.AnnAssign) else n.targets[0].id
                for n in ast.parse("".join(cell["source"])).body if isinstance(n, (ast.Assign, ast.AnnAssign))]
    assert sorted(pm.inspect_notebook(str(path))) == sorted(assigned)
