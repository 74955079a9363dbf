"""Property tests of hostile input through the handlers: whatever is pasted or attached, the
outcome is a stored article or a domain error the bot turns into a clear reply (never another
exception), and nothing is stored from what failed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from analysis.types import Report
from handlers.analysis_pool import AnalysisCrashed
from handlers.errors import HandlerError
from handlers.ingest import IngestResult, Origin, ingest_attachment, ingest_text
from handlers.services import Services
from intake.article import Article
from storage.models import ArticleRow, QuoteRow
from tests.bot.conftest import seed_text

BODY = seed_text("port-strike")
# Right-to-left and bidi controls, zero-width marks, quotation marks and brackets spaCy's
# tokenizer is slow on in runs, control characters, HTML, mentions.
HOSTILE = [
    "\u202e", "\u202b", "\u2067", "\u2069", "\u200b", "\u200d", "\ufeff", "\u0000", "\u0007",
    "\ufffd", '"', "“", "”", "«", "'", "(", "!", "<div><p>", "</i></b>", "&amp;&#x0;",
    "שלום ", "لا ", "@everyone ", "<@&123>", "\n\n",
]  # fmt: skip
hostile_piece = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.builds(lambda mark, n: mark * n, st.sampled_from(HOSTILE[10:17]), st.integers(1, 3_000)),
)
# A seed article with hostile pieces spliced in: long enough to be analysed, so the analysis
# itself meets them, not only the checks before it.
spliced_article = st.builds(
    lambda cuts: _splice(BODY, cuts),
    st.lists(st.tuples(st.integers(0, len(BODY)), hostile_piece), max_size=8),
)
any_text = st.one_of(st.text(max_size=3_000), st.lists(hostile_piece, max_size=30).map("".join))
HOSTILE_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
_messages = iter(range(1, 10**9))


def _splice(text: str, cuts: list[tuple[int, str]]) -> str:
    for at, piece in sorted(cuts, reverse=True):
        text = text[:at] + piece + text[at:]
    return text


def _origin() -> Origin:
    return Origin(guild_id=3, channel_id=1, message_id=next(_messages), author_id=5)


async def _stored(services: Services) -> tuple[int, int]:
    async with services.sessionmaker() as session:
        articles = await session.scalar(select(func.count()).select_from(ArticleRow))
        quotes = await session.scalar(select(func.count()).select_from(QuoteRow))
    return int(articles or 0), int(quotes or 0)


async def _check_outcome(services: Services, read: object) -> None:
    before = await _stored(services)
    try:
        result = await read  # type: ignore[misc]
    except HandlerError as error:
        event(f"refused: {type(error).__name__}")  # --hypothesis-show-statistics counts them
        assert error.message  # a clear reply for the user
        assert await _stored(services) == before  # nothing kept of what failed
        return
    assert isinstance(result, IngestResult)
    event("stored")
    articles, _ = await _stored(services)
    assert articles == before[0] + (0 if result.duplicate else 1)


@HOSTILE_SETTINGS
@given(text=st.one_of(spliced_article, any_text))
@example(text="\u201c" * 10_000 + "\n\n" + BODY)
@example(text="word " * 200_000)  # a single paragraph of a million characters
@example(text="\u202e\u2066\u200b" * 3_000)
async def test_any_pasted_text_is_stored_or_refused_clearly(services: Services, text: str) -> None:
    await _check_outcome(services, ingest_text(services, _origin(), text))


@HOSTILE_SETTINGS
@given(
    name=st.sampled_from(["message.txt", "notes.md", "page.html", "scan.pdf", "`odd*name`.txt"]),
    data=st.one_of(
        st.binary(max_size=20_000),
        spliced_article.map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(HOSTILE), max_size=200).map(lambda p: "".join(p).encode()),
    ),
)
@example(name="scan.pdf", data=b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
@example(name="page.html", data=b"<html><body>" + b"<div><p>" * 5_000 + b"</body>")
async def test_any_attached_file_is_stored_or_refused_clearly(
    services: Services, name: str, data: bytes
) -> None:
    await _check_outcome(services, ingest_attachment(services, _origin(), name, data))


async def test_an_analysis_that_fails_stores_nothing(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def crash(self: Services, article: Article) -> Report:
        raise AnalysisCrashed("IndexError: a worker's analysis failed")

    monkeypatch.setattr(Services, "analyze_in_turn", crash)
    with pytest.raises(AnalysisCrashed):
        await ingest_text(services, _origin(), BODY)
    assert await _stored(services) == (0, 0)
