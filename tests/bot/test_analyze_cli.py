"""`newsbot analyze --json` keeps DESIGN.md's contract, on good and bad input alike."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot import analyze_cmd
from bot.analyze_cmd import run_analyze
from bot.cli import main
from tests.bot.conftest import SEEDS, bot_settings

ENTITY_KEYS = {"name", "label", "mentions", "aliases", "description"}
QUOTE_KEYS = {"text", "speaker", "speaker_description", "cue", "start", "end", "rule"}


@pytest.fixture
async def site() -> AsyncIterator[str]:
    """Seeds, an empty page and an oversized page on loopback."""
    app = web.Application()

    async def seed(request: web.Request) -> web.Response:
        text = (SEEDS / request.match_info["name"]).read_text(encoding="utf-8")
        return web.Response(text=text, content_type="text/html")

    async def empty(request: web.Request) -> web.Response:
        return web.Response(text="", content_type="text/html")

    async def huge(request: web.Request) -> web.Response:
        return web.Response(text="<p>" + "word " * 2_000_000 + "</p>", content_type="text/html")

    app.router.add_get("/seed/{name}", seed)
    app.router.add_get("/empty", empty)
    app.router.add_get("/huge", huge)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    server = web.TCPSite(runner, "127.0.0.1", 0)
    await server.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    await runner.cleanup()


async def analyze_json(tmp_path: Path, sources: list[str]) -> tuple[int, list[dict[str, Any]]]:
    out = io.StringIO()
    status = await run_analyze(bot_settings(tmp_path), sources, as_json=True, out=out)
    return status, [json.loads(line) for line in out.getvalue().splitlines()]


async def test_good_inputs_follow_the_contract(tmp_path: Path, site: str) -> None:
    sources = [str(SEEDS / "port-strike.txt"), f"{site}/seed/court-ruling.html"]
    status, objects = await analyze_json(tmp_path, sources)

    assert status == 0
    assert [o["source"] for o in objects] == sources
    for obj in objects:
        assert {
            "title",
            "byline",
            "published",
            "url",
            "text",
            "entities",
            "quotes",
            "digest",
        } <= set(obj)
        assert obj["entities"] and all(set(e) == ENTITY_KEYS for e in obj["entities"])
        assert all(e["label"] not in ("DATE", "CARDINAL", "MONEY") for e in obj["entities"])
        for quote in obj["quotes"]:
            assert set(quote) == QUOTE_KEYS
            assert obj["text"][quote["start"] : quote["end"]] == quote["text"]
            # Every quote given a speaker says which attribution rule gave it.
            if quote["speaker"] or quote["speaker_description"]:
                assert isinstance(quote["rule"], str) and quote["rule"]
        cued = [q for q in obj["quotes"] if q["cue"]]
        assert cued and all(isinstance(q["rule"], str) and q["rule"] for q in cued)
        starts = [q["start"] for q in obj["quotes"]]
        assert starts == sorted(starts)
        assert 2 <= len(obj["digest"]) <= 4
    web_page = objects[1]
    assert web_page["published"] == "2025-09-18" and web_page["byline"] == "Lucia Ferrante"


async def test_bad_inputs_give_errors_and_the_rest_still_runs(tmp_path: Path, site: str) -> None:
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    no_quotes = str(SEEDS / "night-trains.txt")
    unbalanced = tmp_path / "unbalanced.txt"
    unbalanced.write_text(
        (SEEDS / "port-strike.txt").read_text(encoding="utf-8").replace('instead."', "instead."),
        encoding="utf-8",
    )
    sources = [
        str(tmp_path / "missing.txt"),
        str(binary),
        f"{site}/empty",
        f"{site}/nowhere",
        "http://10.0.0.1/internal",
        f"{site}/huge",
        no_quotes,
        str(unbalanced),
    ]
    status, objects = await analyze_json(tmp_path, sources)

    assert status == 1
    assert [o["source"] for o in objects] == sources
    for failed in objects[:6]:
        assert set(failed) == {"source", "error"} and failed["error"]
    assert "404" in objects[3]["error"]
    assert objects[6]["quotes"] == [] and objects[6]["entities"]
    assert objects[7]["quotes"], "an unbalanced mark does not stop the other quotes"


async def test_a_page_too_short_still_gets_its_object_with_a_note(tmp_path: Path) -> None:
    short = tmp_path / "brief.txt"
    short.write_text("Port reopens\n\nThe port reopened on Friday. Ships moved again. " * 3)
    status, [obj] = await analyze_json(tmp_path, [str(short)])

    assert status == 0
    assert any(note.startswith("too short to be an article") for note in obj["notes"])


def test_the_console_entry_point_prints_a_readable_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["analyze", str(SEEDS / "port-strike.txt")])
    printed = capsys.readouterr().out
    assert status == 0
    assert "Dockworkers walk out at Harbourton" in printed
    assert "Park Soo-ah: “We gave them every chance" in printed


def _long_article(chars: int) -> str:
    paragraph = (SEEDS / "port-strike.txt").read_text(encoding="utf-8").split("\n\n")[2]
    return "\n\n".join([paragraph] * (chars // len(paragraph) + 1))


async def test_a_text_over_spacys_limit_gets_an_error_line_and_the_rest_still_runs(
    tmp_path: Path,
) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text(_long_article(1_100_000), encoding="utf-8")
    seed = str(SEEDS / "port-strike.txt")

    status, objects = await analyze_json(tmp_path, [str(huge), seed])

    assert status == 1
    assert [o["source"] for o in objects] == [str(huge), seed]
    assert set(objects[0]) == {"source", "error"}
    assert "characters long" in objects[0]["error"] and "60,000" in objects[0]["error"]
    assert objects[1]["quotes"]


async def test_a_text_just_over_the_cap_is_refused_and_one_under_it_is_analysed(
    tmp_path: Path,
) -> None:
    over, under = tmp_path / "over.txt", tmp_path / "under.txt"
    text = _long_article(3_000)
    over.write_text(text, encoding="utf-8")
    under.write_text(text[:2_000], encoding="utf-8")
    settings = bot_settings(tmp_path).model_copy(update={"max_article_chars": 2_500})
    out = io.StringIO()

    status = await run_analyze(settings, [str(over), str(under)], as_json=True, out=out)

    refused, analysed = (json.loads(line) for line in out.getvalue().splitlines())
    assert status == 1
    assert "I analyse up to 2,500 characters" in refused["error"]
    assert "error" not in analysed and analysed["text"]


async def test_an_unforeseen_failure_is_an_error_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = analyze_cmd.analyze_source

    async def fails_on_the_first(reader: Any, source: str) -> Any:
        if source == "first":
            raise RuntimeError("boom")
        return await real(reader, source)

    monkeypatch.setattr(analyze_cmd, "analyze_source", fails_on_the_first)
    status, objects = await analyze_json(tmp_path, ["first", str(SEEDS / "port-strike.txt")])

    assert status == 1
    assert objects[0] == {"source": "first", "error": "the analysis failed (RuntimeError: boom)"}
    assert objects[1]["quotes"]
