"""`newsbot analyze`: read and analyse one file or URL, storing nothing."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from analysis.pipeline import analyze
from analysis.types import Report
from handlers.errors import CannotRead
from handlers.input_cap import DEFAULT_MAX_ARTICLE_CHARS, check_article_length
from intake.article import Article
from intake.errors import IntakeError
from intake.fetch import Fetcher
from intake.files import read_article_file
from intake.pages import article_from_page
from intake.quality import language_note, with_quality_notes


@dataclass(frozen=True)
class Reader:
    """What analysing outside Discord needs: no database."""

    nlp: Language
    fetcher: Fetcher
    min_article_words: int = 120
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS


async def analyze_source(reader: Reader, source: str) -> Report:
    """Read a path or URL and analyse it; notes say where the bot itself would decline."""
    try:
        article = await _read(reader.fetcher, source)
    except IntakeError as error:
        raise CannotRead(error.message) from error
    check_article_length(article, reader.max_article_chars)
    article = with_quality_notes(article, reader.min_article_words)
    if language_note(article) is not None:
        # English-only analysis of another language would invent people and quotes.
        return Report(article=article, entities=(), quotes=(), digest=(), notes=article.notes)
    return await asyncio.to_thread(analyze, reader.nlp, article)


async def _read(fetcher: Fetcher, source: str) -> Article:
    if source.startswith(("http://", "https://")):
        return article_from_page(await fetcher.fetch(source))
    return read_article_file(Path(source))
