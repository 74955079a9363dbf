"""`newsbot demo`: the real bot in a simulated server, with a transcript a newsroom can read."""

from __future__ import annotations

import io
import json

from bot.demo import default_articles, run_demo
from tests.bot.conftest import SEEDS


def test_default_articles_alternate_pasted_text_and_links() -> None:
    articles = default_articles()
    assert len(articles) == len(list(SEEDS.glob("*.txt")))
    assert [p.suffix for p in articles[:4]] == [".txt", ".html", ".txt", ".html"]


async def test_demo_posts_articles_and_answers_the_questions() -> None:
    out = io.StringIO()
    articles = [SEEDS / "port-strike.txt", SEEDS / "city-budget.html"]
    status = await run_demo(articles, as_json=True, out=out)

    transcript = json.loads(out.getvalue())
    assert status == 0
    said = [(e["author"], e["content"]) for e in transcript]
    assert said[0] == ("editor", "/watch")
    commands = [content for author, content in said if content.startswith("/")]
    assert [c.split()[0] for c in commands] == [
        "/watch",
        "/who-said",
        "/who-said",
        "/ask",
        "/digest-channel",
        "/digest",
    ]
    digest_posts = [e for e in transcript if e["channel"] == "digest"]
    assert digest_posts[0]["attachments"] == ["digest-2026-01-01.png"]
    assert digest_posts[0]["embeds"][0]["title"] == "Daily digest · Thursday 1 January 2026"
    clock = [e["content"] for e in transcript if e["author"] == "simcord"]
    assert clock == ["time moves on to 2026-01-01 18:01 UTC"]
    assert any(e["attachments"] == ["message.txt"] for e in transcript)  # the long paste
    assert any(e["content"].startswith("http://127.0.0.1:") for e in transcript)  # the link
    embeds = [embed for e in transcript for embed in e["embeds"]]
    titles = [embed.get("title", "") for embed in embeds]
    assert "Dockworkers walk out at Harbourton as pay talks collapse" in titles
    assert any(t.startswith("What ") and t.endswith(" said") for t in titles)
    answers = [embed for embed in embeds if embed.get("title", "").startswith("What happened")]
    assert answers and "Nothing in the history" not in answers[0]["description"]
