"""HTML extraction, wall notes and the article/language checks."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
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


def test_language_detection_of_an_article() -> None:
    assert detect_language(" ".join(ARTICLE_PARAGRAPHS)) == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Hafenbehörde hat am Montag beschlossen, das Terminal wieder zu öffnen. Der Streik "
            "dauerte vierzig Tage und die Schiffe warteten auf der Reede, wie die Zeitung "
            "berichtet, und es ist nicht klar, wann der Verkehr mit den anderen Häfen wieder "
            "normal wird.",
            "de",
        ),
        ("토요일 오후 항만 당국은 파업이 끝났다고 발표했다", "ko"),
        ("港湾当局は月曜日、ターミナルを再開することを決めた。ストライキは四十日間続いた。", "ja"),
        # Chinese is split between zh and its varieties (wuu, yue): together they are zh.
        ("港务局星期一决定重新开放码头。罢工持续了四十天，船只在锚地等待。", "zh"),
        # Cyrillic is not always Russian.
        ("Портовые власти в понедельник решили снова открыть терминал. Забастовка длилась.", "ru"),
        ("Портова адміністрація у понеділок вирішила знову відкрити термінал.", "uk"),
        ("Пристанищните власти решиха в понеделник отново да отворят терминала.", "bg"),
        ("قررت سلطة الميناء يوم الاثنين إعادة فتح المحطة. استمر الإضراب أربعين يوما.", "ar"),
        ("A autoridade portuária decidiu na segunda-feira reabrir o terminal.", "pt"),
        ("La autoridad portuaria decidió el lunes reabrir la terminal. La huelga duró.", "es"),
        ("Otoritas pelabuhan pada hari Senin memutuskan untuk membuka kembali terminal.", "id"),
        ("De havenautoriteit heeft maandag besloten de terminal weer te openen.", "nl"),
        ("Hamnmyndigheten beslutade på måndagen att öppna terminalen igen.", "sv"),
        ("THE PORT AUTHORITY SAID ON MONDAY THAT THE STRIKE HAD ENDED AFTER FORTY DAYS.", "en"),
        (
            'The mayor said the city would act. "Wir schaffen das," she told reporters in Berlin, '
            "and added that the harbour would reopen on Monday.",
            "en",
        ),
        # Too little text, or no language at all: unsure.
        ("too short", None),
        ("ok", None),
        ("", None),
        ("Palm Bay 18 20 15 17 - 70 Rockledge 14 11 6 15 - 46 Viera 21 19 12 - 52", None),
        ("def main(): return 0 if x else 1; import os; os.path.join(a, b)", None),
    ],
)
def test_language_detection(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_language_model_and_suffix_list_load_on_first_use_not_on_import() -> None:
    probe = (
        "import intake.extract, intake.quality, intake.urls;"
        "print(intake.quality.language_identifier.cache_info().currsize,"
        " intake.urls._suffix_extractor.cache_info().currsize)"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=root
    )
    assert done.stdout.split() == ["0", "0"]


def test_language_note() -> None:
    assert language_note(Article(text=" ".join(ARTICLE_PARAGRAPHS))) is None
    note = language_note(Article(text="ok", language="de"))
    assert note == "not in English (de): analysis is English-only"


def test_quality_notes_are_added_once() -> None:
    article = with_quality_notes(Article(text="Hello there."), min_words=120)
    again = with_quality_notes(article, min_words=120)
    assert again.notes == ("too short to be an article (2 words)",)
