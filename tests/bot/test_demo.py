"""`newsbot demo`: the real bot in a simulated server, with a transcript a newsroom can read."""

from __future__ import annotations

import importlib
import io
import json
import sys
from pathlib import Path

import pytest

from bot.cli import demo_import_failure, main
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
        "/entity",
        "/history",
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
    assert "Latest articles" in titles
    answers = [embed for embed in embeds if embed.get("title", "").startswith("What happened")]
    assert answers and "Nothing in the history" not in answers[0]["description"]


def _import_error_of(module: str) -> ImportError:
    try:
        importlib.import_module(module)
    except ImportError as error:
        return error
    raise AssertionError(f"{module} imported")


def test_a_dependency_failing_inside_its_import_is_named_not_the_demo_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As lxml.html.clean does when lxml_html_clean is absent: a bare ImportError, name None.
    (tmp_path / "half_installed.py").write_text('raise ImportError("a separate project now")\n')
    (tmp_path / "uses_it.py").write_text("import half_installed\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    message = demo_import_failure(_import_error_of("uses_it"))

    assert "half_installed" in message and "a separate project now" in message
    assert "demo extra" not in message


def test_only_a_missing_simcord_is_reported_as_the_missing_demo_extra() -> None:
    simcord_missing = ModuleNotFoundError("No module named 'simcord'", name="simcord")
    other_missing = ModuleNotFoundError("No module named 'yarl'", name="yarl")

    assert "demo extra (simcord is missing)" in demo_import_failure(simcord_missing)
    assert "yarl" in demo_import_failure(other_missing)
    assert "demo extra" not in demo_import_failure(other_missing)


def test_the_demo_command_prints_the_failed_module(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "bot.demo", None)  # importing it now fails

    assert main(["demo"]) == 2
    assert "could not import bot.demo" in capsys.readouterr().err
