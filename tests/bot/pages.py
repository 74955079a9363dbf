"""A loopback web server for the bot's link tests, and made-up articles of awkward shapes."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from pathlib import Path

from bot.demo import serve_files

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def serve_seeds() -> AbstractAsyncContextManager[str]:
    """Serve seeds/*.html on 127.0.0.1 with the demo's own server; other paths are a 404."""
    return serve_files(sorted(SEEDS.glob("*.html")))


GIVEN = ["Anna", "Boris", "Carla", "Dmitri", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
FAMILY = ["Berg", "Castell", "Dunmore", "Eklund", "Fairweather", "Gallo"]


def crowded_article(quotes: int = 40, people: int = 60) -> str:
    """An article with many quotes by many named people, to test Discord's limits."""
    names = [f"{g} {f}" for f in FAMILY for g in GIVEN][:people]
    paragraphs = ["Harbour towns count the cost of a long winter", ""]
    for index, name in enumerate(names):
        if index < quotes:
            paragraphs.append(
                f'"The harbour wall at berth {index} must be rebuilt before the spring tides, '
                f'and every family on the quay deserves to know when," said {name}, '
                f"a resident of the old town."
            )
        else:
            paragraphs.append(
                f"{name} attended the meeting at the town hall on Tuesday evening and "
                "listened to the engineers explain the plans for the new sea defences."
            )
    return "\n\n".join(paragraphs)
