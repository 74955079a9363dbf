"""A busy day made by hand: 40 unrelated articles with long titles, quotes and people."""

from __future__ import annotations

from datetime import datetime, timedelta

from analysis.types import Entity, Quote, Report
from intake.article import Article

WORDS = [
    "harbour",
    "council",
    "budget",
    "ferry",
    "strike",
    "levy",
    "court",
    "ruling",
    "school",
    "board",
    "storm",
    "trains",
]


def busy_day_reports(count: int = 40) -> list[Report]:
    """`count` reports, each its own story: its own people, organisation and quotes."""
    return [_report(number) for number in range(count)]


def _report(number: int) -> Report:
    topic = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(6))
    title = f"Story {number:02d}: {topic} " + "and the long consequences of it all " * 4
    speaker, other = f"Speaker{number} Person{number}", f"Witness{number} Resident{number}"
    lead = (
        f"Story {number:02d} began on Monday, when the {topic} came before the council and the "
        "public gallery filled long before the doors opened, as residents waited to be heard. "
    )
    text = lead
    quotes = []
    for who, words in ((speaker, "We will keep working on this"), (other, "Nobody told us")):
        text += "\u201c"
        start = len(text)
        said = f"{words} until the whole of {topic} is settled for every family here"
        text += said
        quotes.append(Quote(said, start, len(text), who, cue="said"))
        text += f",\u201d said {who}. "
    entities = (
        Entity(speaker, "PERSON", 5 + number % 7, (f"Mr. Person{number}",)),
        Entity(other, "PERSON", 2),
        Entity(f"Organisation Number {number}", "ORG", 3),
    )
    article = Article(text=text, title=title, language="en")
    return Report(article=article, entities=entities, quotes=tuple(quotes), digest=(lead.strip(),))


def posting_times(start: datetime, count: int) -> list[datetime]:
    """One article every ten minutes from `start`."""
    return [start + timedelta(minutes=10 * i) for i in range(count)]
