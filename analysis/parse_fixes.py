"""Pipeline components that steer or correct spaCy's parse where news text misleads it."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_STARTS = "paragraph_starts"
MODAL_SURNAMES = "modal_surnames"

# Surnames spelled like modal verbs: "Will wrote", "May said".
_MODAL_NAMES = {"Will", "May"}
# A modal takes a bare verb, never a past, participle or third-person form: "Will wrote" is a name.
_FINITE_TAGS = {"VBD", "VBN", "VBZ"}


@Language.component(PARAGRAPH_STARTS)
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break: a headline or dateline line is not one sentence
    with the paragraph below it, and the parser keeps the boundaries it is given."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.component(MODAL_SURNAMES)
def modal_surnames(doc: Doc) -> Doc:
    """'…," Will wrote': a capitalised modal before a past-tense verb is a surname, the subject."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.text in _MODAL_NAMES and token.tag_ == "MD" and following.tag_ in _FINITE_TAGS:
            token.tag_ = "NNP"
            token.pos_ = "PROPN"
            token.dep_ = "nsubj"
    return doc


def add_parse_fixes(nlp: Language) -> None:
    """Add the components around the parser (once; loading twice must not add them twice)."""
    if "parser" not in nlp.pipe_names:
        return
    if PARAGRAPH_STARTS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
    if MODAL_SURNAMES not in nlp.pipe_names:
        nlp.add_pipe(MODAL_SURNAMES, last=True)
