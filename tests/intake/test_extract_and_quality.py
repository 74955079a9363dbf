"""HTML extraction, wall notes and the article/language checks."""

from __future__ import annotations

from datetime import date

from intake_samples import ARTICLE_PARAGRAPHS, article_html

from intake.article import Article
from intake.extract import article_from_html, fallback_text, published_date
from intake.quality import detect_language, language_note, shortness_note, with_quality_notes


def test_article_body_and_metadata() -> None:
    article = article_from_html(article_html(), "https://news.test.example/x?utm_source=a")
    assert article.title == "Port strike ends after forty days"
    assert article.byline == "Lena Okafor"
    assert article.published == date(2024, 3, 11)
    assert article.site_name == "Harbour Gazette"
    assert article.url == "https://news.test.example/2024/03/port-strike-ends"
    assert article.language == "en"
    assert article.text.split("\n\n")[-1] == ARTICLE_PARAGRAPHS[-1]
    assert "Port strike ends after forty days" not in article.text  # headline not repeated
    for clutter in ("Boat World", "disgrace", "All rights reserved"):
        assert clutter not in article.text
    assert article.notes == ()


def test_future_dates_are_dropped() -> None:
    assert published_date("2024-03-11", today=date(2024, 3, 12)) == date(2024, 3, 11)
    assert published_date("2030-01-01", today=date(2024, 3, 12)) is None
    assert published_date("not a date") is None


def test_fallback_reads_article_paragraphs() -> None:
    html = "<html><body><main>" + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    assert fallback_text(html + "</main></body></html>") == "\n\n".join(ARTICLE_PARAGRAPHS)


def test_paywall_teaser_is_noted() -> None:
    teaser = [ARTICLE_PARAGRAPHS[0], "Subscribe to continue reading. Already a subscriber?"]
    article = article_from_html(article_html(teaser))
    assert article.notes and article.notes[0].startswith("this looks paywalled:")


def test_consent_wall_is_noted() -> None:
    page = "<html><body><div><p>We value your privacy. Accept all cookies to continue.</p>"
    article = article_from_html(page + "<p>Reject</p></div></body></html>")
    assert any("consent wall" in note for note in article.notes)


def test_full_article_mentioning_subscriptions_is_not_a_wall() -> None:
    paragraphs = ARTICLE_PARAGRAPHS * 3 + ["Already a subscriber? Thanks for reading."]
    assert article_from_html(article_html(paragraphs)).notes == ()


def test_shortness_needs_words_and_sentences() -> None:
    long_text = " ".join(ARTICLE_PARAGRAPHS)
    assert shortness_note(Article(text=long_text), min_words=100) is None
    short = Article(text="Only a few words here. And two sentences.")
    assert shortness_note(short, min_words=120) == "too short to be an article (8 words)"
    one_sentence = Article(text="word " * 200)
    assert shortness_note(one_sentence, min_words=120) == "too short to be an article (200 words)"


def test_language_detection() -> None:
    assert detect_language(" ".join(ARTICLE_PARAGRAPHS)) == "en"
    german = (
        "Die Hafenbehörde hat am Montag beschlossen, das Terminal wieder zu öffnen. Der Streik "
        "dauerte vierzig Tage und die Schiffe warteten auf der Reede, wie die Zeitung berichtet, "
        "und es ist nicht klar, wann der Verkehr mit den anderen Häfen wieder normal wird."
    )
    assert detect_language(german) == "de"
    assert detect_language("토요일 오후 항만 당국은 파업이 끝났다고 발표했다") == "ko"
    assert detect_language("too short") is None


def test_language_note() -> None:
    assert language_note(Article(text=" ".join(ARTICLE_PARAGRAPHS))) is None
    note = language_note(Article(text="ok", language="de"))
    assert note == "not in English (de): analysis is English-only"


def test_quality_notes_are_added_once() -> None:
    article = with_quality_notes(Article(text="Hello there."), min_words=120)
    again = with_quality_notes(article, min_words=120)
    assert again.notes == ("too short to be an article (2 words)",)
