"""Pipeline components that steer or correct spaCy's parse where news text misleads it."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from analysis.entities.names import is_family_name_first
from analysis.lexicon import CLOSING_QUOTE_MARKS, REPORTING_VERBS, SUBJECT_DEPS, word_set

PARAGRAPH_STARTS = "paragraph_starts"
MODAL_SURNAMES = "modal_surnames"
KNOWN_SURNAMES = "known_surnames"
NAMES_ON_VERBS = "names_on_verbs"

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
        if token.text not in _MODAL_NAMES or token.tag_ != "MD":
            continue
        # 'Will reported cases rise?' is a question with a mis-tagged verb, not a name.
        if following.tag_ not in _FINITE_TAGS or _asks(token):
            continue
        token.tag_ = "NNP"
        token.pos_ = "PROPN"
        token.lemma_ = token.text
        if token.head.i == following.i:
            _make_subject(token)
    return doc


def _asks(token: Token) -> bool:
    """Whether the token's sentence is a question."""
    words = [t for t in token.sent if not t.is_space and not t.is_quote]
    return bool(words) and words[-1].text == "?"


# Family names that are also English pronouns: never retagged as names out of context.
PRONOUN_SPELLINGS = word_set("he she it i we you they me him her us them")
# What stands before a name that closes a quote: the closing mark, or the comma before it.
_CLOSING_MARK_OR_COMMA = CLOSING_QUOTE_MARKS | {","}
# Links the parser gives a misread surname standing before its verb: "Early described it".
_MISREAD_SUBJECT_DEPS = {"advmod", "npadvmod", "compound", "amod", "nmod"}


@Language.component(KNOWN_SURNAMES)
def known_surnames(doc: Doc) -> Doc:
    """'Early described it as "…"' after 'Tim Early': a capitalised word spelled like the
    surname of a person named in full elsewhere is that person's name, and before its verb,
    the verb's subject."""
    # The last token of each person named in full, as the tokenizer split it ("hoon" of "Park
    # Ji-hoon", "'s" of "Bernie Sanders's"), not names.surname_word ("Park", "Sanders"): this
    # fix was tuned on the tokens, and the family names would change the words it retags.
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    surnames |= _family_names_first(doc)
    for token in doc:
        # Exact spelling with a capital: "McConnell" and "O'Malley" too, never "early".
        if token.pos_ == "PROPN" or token.text not in surnames or not token.text[:1].isupper():
            continue
        token.tag_ = "NNP"
        token.pos_ = "PROPN"
        if token.dep_ in _MISREAD_SUBJECT_DEPS:
            _make_subject(token)
    return doc


def _family_names_first(doc: Doc) -> set[str]:
    """ "Long" of "Long Meiling", "Ma" of "Ma Kai": family names written first, except those
    spelled like a pronoun ("He", "You"), which the speaker resolver reads in context."""
    names = set()
    for ent in doc.ents:
        words = tuple(t.text for t in ent)
        family_first = ent.label_ == "PERSON" and is_family_name_first(words)
        if family_first and ent[0].lower_ not in PRONOUN_SPELLINGS:
            names.add(ent[0].text)
    return names


@Language.component(NAMES_ON_VERBS)
def names_on_verbs(doc: Doc) -> Doc:
    """'…," Conway notes.': a reporting verb read as a plural noun after a name that closes a
    quote is a verb, and a name the parser hangs on a verb as a compound is its subject (a
    compound belongs to a noun, never to a verb)."""
    for token in doc:
        if _reporting_verb_read_as_noun(token):
            token.pos_ = "VERB"
            token.tag_ = "VBZ"
    for token in doc:
        if token.pos_ == "PROPN" and token.dep_ == "compound":
            _make_subject(token)
    return doc


def _reporting_verb_read_as_noun(token: Token) -> bool:
    """'”, Conway notes.': quote mark or comma, a name, then 'notes' ending the clause."""
    if token.tag_ != "NNS" or token.i < 2:
        return False
    doc = token.doc
    name, before = doc[token.i - 1], doc[token.i - 2]
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else "."  # the text may just stop
    if name.pos_ != "PROPN" or after not in {".", ","}:
        return False
    if before.text not in _CLOSING_MARK_OR_COMMA:
        return False
    return token.lemma_.lower() in REPORTING_VERBS  # "notes", "stresses", "replies"


def _make_subject(token: Token) -> None:
    """Make the token its head verb's subject when the verb follows it and has none."""
    head = token.head
    if (
        head.pos_ == "VERB"
        and head.i > token.i
        and not any(c.dep_ in SUBJECT_DEPS for c in head.children)
    ):
        token.dep_ = "nsubj"


def add_parse_fixes(nlp: Language) -> None:
    """Add the components around the parser (once; loading twice must not add them twice)."""
    if "parser" not in nlp.pipe_names:
        return
    if PARAGRAPH_STARTS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
    for name in (MODAL_SURNAMES, KNOWN_SURNAMES, NAMES_ON_VERBS):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
