"""Is it an article, and is it English? Cheap checks that become notes, never refusals."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from intake.article import Article

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
_MIN_SENTENCES = 3
# A brief: at least this many words, sentences of this many words on average, and mostly
# different words (chat repeats itself; a brief of 85 words has 60 or more distinct ones).
_BRIEF_MIN_WORDS = 40
_BRIEF_WORDS_PER_SENTENCE = 8
_BRIEF_DISTINCT_SHARE = 0.5
# Below this many letters no detector can tell ("ok", "too short"); a short Korean or
# Japanese sentence has more.
_MIN_LETTERS = 20
# The detector's normalised probability for its best language, below which we say "unsure".
_MIN_CONFIDENCE = 0.5
# The opening of the text is enough: a few thousand characters decide as well as the whole.
_SAMPLE_CHARS = 5_000
# py3langid labels a few regional varieties with ISO 639-3 codes; their ISO 639-1 languages.
# Labels with no ISO 639-1 code (pcm, grc, ...) are kept as they are; zxx means no language.
_ISO_639_1 = {
    "ary": "ar",
    "arz": "ar",
    "gug": "gn",
    "kik": "ki",
    "sdh": "ku",
    "uzs": "uz",
    "wuu": "zh",
    "yue": "zh",
}
_NOT_A_LANGUAGE = "zxx"


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


def looks_like_brief(text: str) -> bool:
    """Whether text reads as a short news brief rather than chat: a few dozen words or more in
    sentences of prose length, not one line repeated ("Lunch at noon? Lunch at noon? ...")."""
    words = text.casefold().split()
    sentences = sentence_count(text)
    if len(words) < _BRIEF_MIN_WORDS or sentences < _MIN_SENTENCES:
        return False
    prose = len(words) / sentences >= _BRIEF_WORDS_PER_SENTENCE
    return prose and len(set(words)) / len(words) >= _BRIEF_DISTINCT_SHARE


def detect_language(text: str) -> str | None:
    """The text's language by py3langid, as an ISO 639-1 code; None when too short or unsure."""
    sample = text[:_SAMPLE_CHARS]
    if sum(1 for ch in sample if ch.isalpha()) < _MIN_LETTERS:
        return None
    shares: dict[str, float] = {}
    for label, probability in language_identifier().rank(sample):
        language = _ISO_639_1.get(label, label)
        shares[language] = shares.get(language, 0.0) + probability
    best = max(shares, key=lambda language: shares[language])
    if best == _NOT_A_LANGUAGE or shares[best] < _MIN_CONFIDENCE:
        return None
    return best


@functools.cache
def language_identifier() -> LanguageIdentifier:
    """py3langid's bundled model with normalised probabilities, loaded once on first use (0.5 s)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
