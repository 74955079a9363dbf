"""Is it an article, and is it English? Cheap checks that become notes, never refusals."""

from __future__ import annotations

import re
from dataclasses import replace

from intake.article import Article

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
_MIN_SENTENCES = 3
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Enough running text for a stopword count to mean something.
_MIN_WORDS_TO_DETECT = 20
_MIN_STOPWORD_SHARE = 0.12


def _words(spaced: str) -> frozenset[str]:
    """A word set from a space-separated list."""
    return frozenset(spaced.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to a in is that for it was on with as he she said his her at by from "
        "be have has are were this which but not they their an or had will would who"
    ),
    "de": _words(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch "
        "es an als wie bei wird sind nach aus"
    ),
    "fr": _words(
        "le la les et des est un une du dans que qui pour pas sur au avec il elle ce sont "
        "par plus ont été aux"
    ),
    "es": _words(
        "el la los las y de que en un una es por con para del se no su al lo como más "
        "pero sus fue ha"
    ),
    "pt": _words(
        "o a os as e de que em um uma do da dos das para com não no na por se mais foi "
        "ao pelo pela são"
    ),
    "it": _words(
        "il lo la gli le e di che in un una è per con non del della dei si al sono anche "
        "ha più come nel"
    ),
    "nl": _words(
        "de het een en van in is dat op te zijn voor met niet aan er ook als bij door maar om heeft"
    ),
    "id": _words(
        "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh "
        "karena mereka adalah sudah bisa"
    ),
}
# Scripts that name their language outright (counted by character).
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
)


def sentence_count(text: str) -> int:
    """Roughly how many sentences `text` has (a final unpunctuated run counts as one)."""
    ends = len(_SENTENCE_END.findall(text))
    tail = _SENTENCE_END.split(text)[-1].strip() if text.strip() else ""
    return ends + (1 if tail else 0)


def shortness_note(article: Article, min_words: int) -> str | None:
    """A note when the text is not long enough to be an article, else None."""
    words = article.word_count
    if words >= min_words and sentence_count(article.text) >= _MIN_SENTENCES:
        return None
    return f"too short to be an article ({words} words)"


def detect_language(text: str) -> str | None:
    """The text's language from its script or its stopwords; None when unsure."""
    sample = text[:20_000]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters == 0:
        return None
    for language, script in _SCRIPTS:
        if len(script.findall(sample)) > 0.3 * letters:
            return language
    words = [word.lower() for word in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS_TO_DETECT:
        return None
    shares = {
        language: sum(1 for word in words if word in stopwords) / len(words)
        for language, stopwords in _STOPWORDS.items()
    }
    best = max(shares, key=lambda language: shares[language])
    return best if shares[best] >= _MIN_STOPWORD_SHARE else None


def article_language(article: Article) -> str | None:
    """The language of the text where it can tell, else what the page declared."""
    return detect_language(article.text) or article.language


def language_note(article: Article) -> str | None:
    """A note when the article is not in English, else None."""
    language = article_language(article)
    if language is None or language == "en":
        return None
    return f"not in English ({language}): analysis is English-only"


def with_quality_notes(article: Article, min_words: int) -> Article:
    """The article with its shortness and language notes added (each once)."""
    extra = [note for note in (shortness_note(article, min_words), language_note(article)) if note]
    notes = tuple(dict.fromkeys((*article.notes, *extra)))
    return replace(article, notes=notes, language=article_language(article))
