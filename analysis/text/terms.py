"""The words search matches on: sentences with their lemmas at ingest, a question's terms.

Both sides go through spaCy: an article's sentences and lemmas come from its parse, a
question's from the same pipeline, and stop words are spaCy's own list. The databases' English
stemmers then meet the regular forms ("city"/"cities"); the lemmas meet the irregular ones
("lose"/"lost") that no stemmer joins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token

from analysis.types import Sentence

STOPWORDS = frozenset(STOP_WORDS)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_QUOTED = re.compile(r'"([^"]*)"')
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})
# A noun and its verb may end in -y and -e ("injury"/"injure"): stemmers and lemmas leave
# them apart, so a question's lemma of at least this length also asks for the other ending.
_FOLD_MIN_LENGTH = 6
_FOLDS = {"e": "y", "y": "e"}


def sentences_of(doc: Doc) -> list[Sentence]:
    """The parse's sentences, whitespace trimmed, each with the lemmas its words differ from."""
    found: list[Sentence] = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        lemmas = dict.fromkeys(_lemma(t) for t in words if t.is_alpha and _lemma(t) != t.lower_)
        found.append(Sentence(words[0].idx, words[-1].idx + len(words[-1]), " ".join(lemmas)))
    return found


def question_terms(nlp: Language | None, question: str) -> list[tuple[str, ...]]:
    """The question's content words, each with the forms that may stand for it (the word, its
    lemma, the other ending); without a pipeline, the words alone."""
    if nlp is None:
        return [(w,) for w in dict.fromkeys(content_words(question))]
    groups: dict[str, tuple[str, ...]] = {}
    for token in nlp(question):
        word, lemma = token.lower_.replace("’", "'"), _lemma(token)
        if not _is_content(word) or lemma in STOPWORDS:
            continue
        groups.setdefault(word, tuple(dict.fromkeys([word, lemma, *_folded(lemma)])))
    return list(groups.values())


def query_parts(query: str) -> tuple[list[str], list[str]]:
    """A search query's quoted phrases (straight or curly marks) and its other content words;
    a query of stop words only ("to be or not to be") is one phrase."""
    straight = query.translate(_MARKS)
    phrases = [p.strip() for p in _QUOTED.findall(straight) if p.strip()]
    rest = _QUOTED.sub(" ", straight).replace('"', " ")
    words = list(dict.fromkeys(content_words(rest)))
    if not phrases and not words and _WORD.search(rest):
        phrases = [" ".join(rest.split())]
    return phrases, words


def content_words(text: str) -> list[str]:
    """The words of a text that carry meaning, lower-cased, spaCy's stop words left out."""
    words = (w.casefold().replace("’", "'") for w in _WORD.findall(text))
    return [w for w in words if _is_content(w)]


def sentence_words(text: str, lemmas: str) -> set[str]:
    """Every form a stored sentence offers a question: its words and their lemmas."""
    return {w.casefold().replace("’", "'") for w in _WORD.findall(text)} | set(lemmas.split())


def matches(forms: Iterable[str], words: set[str]) -> bool:
    """Whether a question term (any of its forms) is among a sentence's words."""
    return any(form in words for form in forms)


def _is_content(word: str) -> bool:
    return len(word) > 1 and word not in STOPWORDS and word.removesuffix("'s") not in STOPWORDS


def _lemma(token: Token) -> str:
    return token.lemma_.casefold()


def _folded(lemma: str) -> list[str]:
    other = _FOLDS.get(lemma[-1:])
    if other is None or len(lemma) < _FOLD_MIN_LENGTH or not lemma.isalpha():
        return []
    return [lemma[:-1] + other]
