"""Traps found on the study articles of tests/wire_study (never on the held-out set), each
written here afresh with a case the rule must not match: family names of Hong Kong and
Malaysia, generations of one name, descriptions standing for an organisation or an unnamed
source, a request inside the teller's clause, and the entity lines' kinds."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.text.boilerplate import is_boilerplate_line
from analysis.types import Report
from tests.analysis.reports import report_of, speakers


def labels(report: Report) -> dict[str, str]:
    """Each entity's name and label."""
    return {e.name: e.label for e in report.entities}


def test_a_cantonese_family_name_stands_for_the_full_name(nlp: Language) -> None:
    body = (
        "Chairman Low Wing-kit opened the meeting. Low, 61, said the port would reopen.\n\n"
        "“Low water is the least of our problems,” Low said."
    )
    report = report_of(nlp, body)
    assert speakers(report) == ["Low Wing-kit"]
    assert "Low" not in labels(report)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Harrow Savings Bank (HSB) raised its rates on Monday.\n\n"
            "“Savers deserve better,” the bank said in a statement.",
            ["Harrow Savings Bank"],
        ),
        # Must not match: no organisation named a lender.
        (
            "Harrow Savings Bank (HSB) raised its rates on Monday.\n\n"
            "“Savers deserve better,” the lender said in a statement.",
            ["the lender"],
        ),
    ],
)
def test_a_definite_description_names_the_one_organisation_it_fits(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    assert speakers(report_of(nlp, body)) == expected


def test_an_acronym_in_brackets_spells_out_its_organisation(nlp: Language) -> None:
    body = (
        "Bank Negara Malaysia (BNM) cut the overnight policy rate (OPR) on Thursday. "
        "BNM said growth had slowed."
    )
    found = labels(report_of(nlp, body))
    assert found.get("Bank Negara Malaysia") == "ORG"
    assert "BNM" not in found and "OPR" not in found


def test_an_acronym_after_or_takes_the_kind_of_the_name_it_spells(nlp: Language) -> None:
    body = (
        "The notice, required under the Health Insurance Portability and Accountability Act, "
        "or HIPAA, was late. The Coastal Safety Board, or CSB, said it would look into the "
        "delay."
    )
    found = labels(report_of(nlp, body))
    assert found.get("Coastal Safety Board") == "ORG"
    assert found.get("Health Insurance Portability and Accountability Act") == "LAW"
    assert "HIPAA" not in found and "CSB" not in found


def test_father_and_son_of_one_name_are_two_people(nlp: Language) -> None:
    body = (
        "The drought has emptied Lake Corran. Amos Kettering Sr., 79, has fished it since "
        "1961, and his son works the boat with him.\n\n"
        "“We have never seen it this low,” said Amos Kettering Jr., 50.\n\n"
        "“I saw the drought of 1988, and this is worse,” said the 79-year-old, who still "
        "mends his own nets.\n\nBoth Ketterings said they would sell the boat.\n\n"
        "“There is nothing left to catch,” Kettering said."
    )
    report = report_of(nlp, body)
    people = {e.name for e in report.entities if e.label == "PERSON"}
    assert {"Amos Kettering Sr.", "Amos Kettering Jr."} <= people
    assert speakers(report) == ["Amos Kettering Jr.", "Amos Kettering Sr.", None]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A request inside the teller's clause ('had asked the firm to wait') is not speech.
        (
            "A clinic spokeswoman, Hanne Roos, told reporters that the police had asked the "
            "clinic to wait before telling patients, adding, “We did what we were asked.”",
            ["Hanne Roos"],
        ),
        # Must not match: asked with no errand to run, the police are the ones speaking.
        (
            "Hanne Roos said the police had asked her, “Why did nobody call us?”",
            ["the police"],
        ),
    ],
)
def test_a_request_in_the_tellers_clause_leaves_the_teller_speaking(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    assert speakers(report_of(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # An unnamed lawyer introduced just before: "the lawyer" is that one, not Adler.
        (
            "Mira Adler, a lawyer for the families, filed the appeal.\n\n"
            "A lawyer in the city's legal department who was not authorized to speak publicly "
            "offered another view. “This appeal will fail,” the lawyer said.",
            ["a lawyer in the city's legal department who was not authorized to speak publicly"],
        ),
        # Must not match: the nearest lawyer is the named one.
        (
            "A lawyer in the city's legal department declined to comment.\n\n"
            "Mira Adler, a lawyer for the families, filed the appeal. “This appeal will "
            "succeed,” the lawyer said.",
            ["Mira Adler"],
        ),
    ],
)
def test_the_nearest_introduction_decides_who_a_description_is(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    assert speakers(report_of(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "name", "label"),
    [
        ("The mayor's late father, Edwin Marsh Sr., held the office.", "Edwin Marsh Sr.", "PERSON"),
        ("The county counts ballots on ClearVote 300 scanners.", "ClearVote 300", None),
        ("Nurses handed out N95 masks at the door.", "N95", "PRODUCT"),
        (
            "The strike breaks the Trade Union Act 2016, lawyers said.",
            "Trade Union Act 2016",
            "LAW",
        ),
        ("The recount in Fort Lee resumed on Friday.", "Fort Lee", "GPE"),
        ("The dam would flood the village of Karadere and its orchards.", "Karadere", "GPE"),
        ("Villagers in Sivas province protested.", "Sivas", "GPE"),
        ("Commuters from Sevenoaks waited two hours.", "Sevenoaks", "GPE"),
        ("The F.B.I. declined to comment.", "F.B.I.", "ORG"),
        ("Fans of Northgate Athletic marched on Saturday.", "Northgate Athletic", "ORG"),
        ("Roy Pruitt still drives a John Deere combine at harvest.", "John Deere", "PRODUCT"),
        ("The colony is one of the few in west Wales.", "Wales", "GPE"),
        ("SpaceX has set that price, analysts said.", "SpaceX", "ORG"),
        (
            "The protest was organised by Ngozi Okafor, whose novel was a finalist for the "
            "Newbery Medal last year.",
            "Newbery Medal",
            None,
        ),
        ("Lim spoke at the Web Summit in Lisbon last year.", "Web Summit", "EVENT"),
        # Must not match: a surname with a capital inside it.
        ("Marco DeSantis said no.", "Marco DeSantis", "PERSON"),
        ("Ships queued outside Kilindini Harbour on Monday.", "Kilindini Harbour", "LOC"),
        ("Hackers used the LockRiver ransomware on Monday.", "LockRiver", "PRODUCT"),
        ("Thieves took their Social Security numbers.", "Social Security", None),
        # Must not match: the maker as a person, the agency by its full name.
        ("Jane Deere said her truck had broken down.", "Jane Deere", "PERSON"),
        (
            "The Social Security Administration declined to comment.",
            "Social Security Administration",
            "ORG",
        ),
    ],
)
def test_entity_kinds_follow_the_words(
    nlp: Language, body: str, name: str, label: str | None
) -> None:
    assert labels(report_of(nlp, body)).get(name) == label


def test_a_known_town_without_words_of_place_keeps_its_label(nlp: Language) -> None:
    body = "Orange said its profits rose, and Orange shares gained 3 percent."
    assert labels(report_of(nlp, body)).get("Orange") != "GPE"


def test_a_dateline_is_a_place(nlp: Language) -> None:
    report = report_of(nlp, "HACKENSACK, N.J. — The recount ended its first week on Friday.")
    assert labels(report).get("Hackensack") == "GPE"


def test_a_place_before_a_possessive_is_not_part_of_the_ministry(nlp: Language) -> None:
    body = "A spokesman for Iraq’s Water Resources Ministry said the river was falling."
    found = labels(report_of(nlp, body))
    assert found.get("Water Resources Ministry") == "ORG"
    assert "Iraq’s Water Resources Ministry" not in found


def test_a_lone_word_opening_a_grounds_name_is_the_ground(nlp: Language) -> None:
    body = (
        "Crowds filled Brackley Park for the last match. Fans stood on the terrace at "
        "Brackley, as their fathers had."
    )
    assert labels(report_of(nlp, body)).get("Brackley") != "PERSON"


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Rosa Ibarra contributed reporting.", True),
        ("Tom Ng and Ada Holm contributed reporting from Newark, N.J.", True),
        ("Ada Holm contributed additional reporting.", True),
        # Must not match: a sentence of the story.
        ("Officials contributed reporting money to the fund last year.", False),
    ],
)
def test_a_contributed_reporting_line_is_a_credit(line: str, credit: bool) -> None:
    assert is_boilerplate_line(line) is credit


def test_a_vietnamese_family_name_stands_for_the_full_name(nlp: Language) -> None:
    body = (
        "“He took that from us,” said Mai Van Duc, 71, a retired shrimper.\n\n"
        "Mai was one of six residents who spoke.\n\n"
        "“Nine years is fine. The pipes are what I want,” Mai said."
    )
    report = report_of(nlp, body)
    assert speakers(report) == ["Mai Van Duc", "Mai Van Duc"]
    assert "Mai" not in labels(report)


def test_a_retired_marine_is_the_one_the_article_described_so(nlp: Language) -> None:
    body = (
        "“This is not a ban,” said Thomas Greer III, the board’s chairman. Mr. Greer, 66, a "
        "retired Marine colonel, said parents had been shut out.\n\n"
        "Nadia Rahman voted to keep the book.\n\n"
        "“We will follow the law,” the retired Marine said."
    )
    assert speakers(report_of(nlp, body)) == ["Thomas Greer III", "Thomas Greer III"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "her" in the relative clause on Ray's name is someone else: Ray's sex stays unknown.
        (
            "Carla Mullins, captain of the rescue team, said her crew had crawled for hours. "
            "Ray Mullins, a union director who is not related to her, has been at the mine "
            "since Monday.\n\n“We could hear them before we could see them,” she said.",
            ["Carla Mullins"],
        ),
        # Must not match: her own possessive in her relative clause still says she is a woman.
        (
            "Ray Holm, who drives the ambulance, waited outside. Dana Mullins, who lost her "
            "brother in the collapse, has been at the mine since Monday.\n\n"
            "“We could hear them before we could see them,” she said.",
            ["Dana Mullins"],
        ),
    ],
)
def test_an_object_pronoun_in_a_relative_clause_is_someone_else(
    nlp: Language, body: str, expected: list[str]
) -> None:
    assert speakers(report_of(nlp, body)) == expected


def test_a_persons_surname_tagged_a_place_is_the_person(nlp: Language) -> None:
    body = (
        "Rodrigo Villanueva Jr. pleaded guilty. Judge Lorraine Beckett ordered Villanueva to "
        "repay the district. Villanueva was flown to Houston."
    )
    found = labels(report_of(nlp, body))
    assert found.get("Rodrigo Villanueva Jr.") == "PERSON"
    assert "Villanueva" not in found
    assert found.get("Houston") == "GPE"


@pytest.mark.parametrize(
    ("body", "description"),
    [
        (
            "Kwame Adjei, who runs the depot, said the pumps had failed.\n\n"
            "A senior harbour engineer, who did not want to be named because he was not "
            "authorised to speak to the media, said the barriers were too low.\n\n"
            "“We have known for years they would not cope,” he said.",
            "a senior harbour engineer",
        ),
        (
            "Two current employees who spoke on the condition of anonymity said managers had "
            "ranked their teams.\n\n"
            "“It was a spreadsheet, and nobody pretended otherwise,” one of them said.",
            "two current employees who spoke on the condition of anonymity",
        ),
    ],
)
def test_a_pronoun_after_an_unnamed_source_is_that_source(
    nlp: Language, body: str, description: str
) -> None:
    quote = report_of(nlp, body).quotes[-1]
    assert quote.speaker is None
    assert quote.speaker_description == description


def test_a_named_subject_above_still_takes_the_pronoun(nlp: Language) -> None:
    body = (
        "A senior harbour engineer said the barriers were too low. Kwame Adjei, who runs the "
        "depot, said the pumps had failed.\n\n“We have known for years,” he said."
    )
    assert speakers(report_of(nlp, body)) == ["Kwame Adjei"]


def test_a_name_in_the_pronouns_own_sentence_outranks_an_unnamed_source_above(
    nlp: Language,
) -> None:
    body = (
        "A senior port official said the harbour would close.\n\n"
        "Nils Berg said that he had told the council “we will not pay for this.”"
    )
    assert speakers(report_of(nlp, body)) == ["Nils Berg"]
