"""The longest text the bot analyses, so one paste cannot hold every server up."""

from __future__ import annotations

from handlers.errors import CannotRead
from intake.article import Article

# Set from bench/input_cost.py (README, Limits): analysis time and memory grow with the text.
DEFAULT_MAX_ARTICLE_CHARS = 60_000
# spaCy refuses longer texts outright (nlp.max_length); the cap must stay below it.
SPACY_MAX_CHARS = 1_000_000
# English prose runs about six characters a word, spaces included: a figure people know.
CHARS_PER_WORD = 6


def check_article_length(article: Article, max_chars: int) -> None:
    """Refuse an article longer than the cap, before any analysis, with the sizes in words."""
    length = len(article.text)
    if length > max_chars:
        raise CannotRead(too_long_message(length, max_chars))


def too_long_message(length: int, max_chars: int) -> str:
    """What a user reads about a text over the cap."""
    return (
        f"this text is {length:,} characters long (about {length // CHARS_PER_WORD:,} words); "
        f"I analyse up to {max_chars:,} characters (about {max_chars // CHARS_PER_WORD:,} "
        "words), so I didn't read it. Post it in parts."
    )
