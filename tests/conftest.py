"""Shared pytest fixtures: the bundled project data, loaded once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def seeds_project():
    """The seed corpus with the codebook and hand-coded statements/interactions."""
    from crisisnet.project import load_project
    return load_project("seeds", "coded")


@pytest.fixture(scope="session")
def codebook():
    from crisisnet.codebook import load_codebook
    from crisisnet.project import CODEBOOK
    return load_codebook(CODEBOOK)
