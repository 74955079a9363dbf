"""The digest: lead first, body sentences only, no boilerplate, about 90 words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from analysis.pipeline import analyze
from analysis.text.digest import make_digest
from intake.article import Article

ROOT = Path(__file__).resolve().parents[3]
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))

ARTICLE = """Dockworkers strike at Harbourton port

By Anna Kowalczyk

HARBOURTON, March 3 (Northwire) — Thousands of dockworkers walked off the job at the port \
on Monday after pay talks collapsed.
Photo: Freya Lund/Northwire

The union called the strike after the port authority rejected its demand for a 9 percent \
raise. It is the first stoppage since 2009.

"We gave them every chance," said Park Soo-ah, the union's general secretary.

More than 40 container ships were waiting at anchor on Monday evening, the port authority said.

Contact the reporter: a.kowalczyk@example-news.org
Comments are moderated. Read more: port coverage
"""


def test_lead_comes_first_without_its_dateline(nlp: Language) -> None:
    digest = make_digest(nlp(ARTICLE), "Dockworkers strike at Harbourton port")
    assert digest[0] == (
        "Thousands of dockworkers walked off the job at the port on Monday after pay talks "
        "collapsed."
    )
    assert 2 <= len(digest) <= 4


def test_every_sentence_is_verbatim_from_the_body_in_text_order(nlp: Language) -> None:
    digest = make_digest(nlp(ARTICLE), None)
    positions = [ARTICLE.index(sentence) for sentence in digest]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "forbidden",
    [
        "Dockworkers strike at Harbourton port",
        "By Anna Kowalczyk",
        "HARBOURTON, March 3",
        "Photo:",
        "example-news.org",
        "Comments are moderated",
        "Read more",
    ],
)
def test_boilerplate_never_reaches_the_digest(nlp: Language, forbidden: str) -> None:
    joined = " ".join(make_digest(nlp(ARTICLE), "Dockworkers strike at Harbourton port"))
    assert forbidden not in joined


def test_word_budget_is_respected(nlp: Language) -> None:
    digest = make_digest(nlp(ARTICLE), None, max_words=35)
    assert len(digest) >= 2
    assert sum(len(s.split()) for s in digest) <= 35


def test_a_long_lead_still_gets_a_second_sentence(nlp: Language) -> None:
    digest = make_digest(nlp(ARTICLE), None, max_words=10)
    assert len(digest) == 2
    assert digest[1] == "It is the first stoppage since 2009."


def test_a_body_with_one_sentence_gives_that_sentence(nlp: Language) -> None:
    text = "Council approves budget\n\nThe city council approved the budget on Tuesday night.\n"
    assert make_digest(nlp(text), None) == [
        "The city council approved the budget on Tuesday night."
    ]


def test_a_body_with_no_sentences_gives_nothing(nlp: Language) -> None:
    assert make_digest(nlp("By Anna Kowalczyk\nPhoto: Freya Lund\n"), None) == []


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_seed_digests_avoid_gold_forbidden_text(nlp: Language, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
    # The whole analysis: the digest leaves out what the quote finder found inside quotations.
    digest = analyze(nlp, Article(text=text, title=text.splitlines()[0])).digest
    assert 2 <= len(digest) <= 4
    assert sum(len(s.split()) for s in digest) <= 90
    joined = " ".join(digest)
    for forbidden in gold.get("digest_forbidden", []):
        assert forbidden not in joined
    assert all(sentence in text for sentence in digest)


def test_no_sentence_from_inside_a_quotation(nlp: Language) -> None:
    text = (
        "Ferry operator cuts winter timetable\n\n"
        "The ferry operator Westmar Lines will cut its winter timetable to the outer islands by a"
        " third from November, the company said on Friday.\n\n"
        "\u201cNobody at this company wanted to make this decision. It is the least bad of the"
        " choices we had for the islands,\u201d said Ingrid Halvorsen, the operations director.\n\n"
        "Island councillors said the decision would leave older residents cut off from hospital"
        " appointments on the mainland."
    )
    start = text.index("Nobody")
    end = text.index("\u201d said")
    digest = make_digest(nlp(text), text.splitlines()[0], [(start, end)])
    assert digest and not any("least bad" in sentence for sentence in digest)


@pytest.mark.parametrize(
    "dateline",
    ["Port Avery, Nov. 14 (Coastline Press) \u2014", "March 14 (Coastline Press) \u2014"],
)
def test_no_sentence_cut_from_a_dateline(nlp: Language, dateline: str) -> None:
    text = (
        "Ferry operator cuts winter timetable\n\n"
        f"{dateline} The ferry operator Westmar Lines will cut its winter timetable to the outer"
        " islands by a third from November, the company said on Friday.\n\n"
        "The cuts will hit the twice-daily service to Skerry, which will fall to one sailing a day"
        " on weekdays."
    )
    digest = make_digest(nlp(text), text.splitlines()[0])
    assert digest[0].startswith("The ferry operator Westmar Lines")
    assert not any("Coastline Press" in sentence for sentence in digest)
