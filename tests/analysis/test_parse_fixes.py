"""Components around the parser: line breaks start sentences, modal-spelled surnames are names."""

from __future__ import annotations

import pytest
from conftest import SpeakersOf
from spacy.language import Language

from analysis.nlp import load_pipeline
from analysis.parse_fixes import (
    KNOWN_SURNAMES,
    MODAL_SURNAMES,
    NAMES_ON_VERBS,
    PARAGRAPH_STARTS,
)


def test_the_components_sit_around_the_parser_once(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(PARAGRAPH_STARTS) < names.index("parser")
    assert names[-3:] == [MODAL_SURNAMES, KNOWN_SURNAMES, NAMES_ON_VERBS]
    assert load_pipeline().pipe_names.count(PARAGRAPH_STARTS) == 1


def test_a_headline_line_is_its_own_sentence(nlp: Language) -> None:
    doc = nlp(
        "Holm keeps up her attack on rivals before the vote \n"
        "Ada Holm, in Lindholm, said Tuesday that Nils Berg was “a total lightweight.”"
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Holm keeps up her attack on rivals before the vote"
    assert sentences[1].startswith("Ada Holm, in Lindholm, said")


def test_a_headline_line_does_not_lend_its_subject(speakers_of: SpeakersOf) -> None:
    text = (
        "Holm keeps up her attack on rivals before the vote \n"
        "Ada Holm, in Lindholm, said Tuesday that Nils Berg was “a total lightweight” while "
        "Lars Dahl is “a basket case.”"
    )
    assert speakers_of(text) == ["Ada Holm", "Ada Holm"]


def test_a_surname_spelled_like_a_modal_speaks(speakers_of: SpeakersOf) -> None:
    text = (
        "George Will, the columnist, wrote about the race on Monday.\n\n"
        "“The eruption of war is a reminder of what the office is for,” Will wrote. "
        "Will described the front-runner as “a caricature of our worst possibilities.”"
    )
    assert speakers_of(text) == ["George Will", "George Will"]


@pytest.mark.parametrize(
    "text",
    ["Will voters decide? “We hope so,” she said.", "Will reported cases rise next year?"],
)
def test_a_real_modal_stays_a_verb(nlp: Language, text: str) -> None:
    assert nlp(text)[0].pos_ == "AUX"


def test_an_organisation_subject_speaks_before_a_dateline_city(speakers_of: SpeakersOf) -> None:
    text = (
        "LINDHOLM, May 4 (NTB) — The Harbour Workers Union released a statement on Monday, "
        "offering “a deep and sincere apology” to the families after the spill."
    )
    assert speakers_of(text) == ["Harbour Workers Union"]


def test_a_surname_the_tagger_reads_as_another_word_is_the_subject(
    speakers_of: SpeakersOf,
) -> None:
    text = (
        "County chairman Tim Early backed Ada Holm last year.\n\n"
        "Informed of the district’s lean toward Holm, Early described it as “news to me.”"
    )
    assert speakers_of(text) == ["Tim Early"]


def test_a_word_that_is_no_one_s_surname_keeps_its_tag(nlp: Language) -> None:
    doc = nlp("County chairman Tim Early backed Ada Holm. Early voting starts on Monday.")
    early = [t for t in doc if t.text == "Early"][1]
    assert early.pos_ != "PROPN" or early.dep_ != "nsubj"


def test_a_name_hung_on_a_verb_as_a_compound_is_its_subject(speakers_of: SpeakersOf) -> None:
    text = (
        "Kellyanne Conway, the campaign manager, spoke to reporters on Monday.\n\n"
        "“Look at the statement Mr. Holm put out after the storm,” Conway notes."
    )
    assert speakers_of(text) == ["Kellyanne Conway"]


def test_any_reporting_verb_read_as_a_noun_is_a_verb(speakers_of: SpeakersOf) -> None:
    text = "Ada Holm spoke on Monday. “The levy stays,” Holm stresses."
    assert speakers_of(text) == ["Ada Holm"]
