"""Rules from fresh wire copy: names NER cuts short, sex and shared surnames, places inside a
cue's clause, dash signatures, unnamed sources and the entity lines, each with cases they must
not match."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.reports import report_of, speakers


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # NER left out the given name at a sentence start; the suffix stays in the name.
        (
            "Curtis Lamb Jr., a spokesman for the union, called the plan “a slow abandonment "
            "of the countryside.” “Nobody voted for this,” Mr. Lamb said.",
            ["Curtis Lamb Jr.", "Curtis Lamb Jr."],
        ),
        (
            "Marcus Whitfield III, the former minister, said the plan was wrong. “I warned "
            "them,” the former minister said.",
            ["Marcus Whitfield III"],
        ),
        # A family name spelled like an English word opens the name, and "Mr He" is a name.
        (
            "He Jianxiong, an investor, spoke first. “The numbers must add up,” Mr He said.",
            ["He Jianxiong"],
        ),
        # Must not match: a capitalised title before a full name is not its given name.
        ("Leader Ada Holm spoke first. “We will vote no,” Holm said.", ["Ada Holm"]),
        # Must not match: "He" opening a sentence after a named man is the pronoun.
        (
            "Tomas Berg, an economist, spoke first. He said, “The numbers must add up.”",
            ["Tomas Berg"],
        ),
    ],
)
def test_names_ner_cut_short(nlp: Language, body: str, expected: list[str | None]) -> None:
    assert speakers(report_of(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Two people of one surname: the honorific's sex decides, as kinship nouns tell it.
        (
            "Emeka Delacroix, a farmer, and his sister Rania Delacroix, a teacher, both "
            "signed. “This is our home,” Mr. Delacroix said. “We will not leave,” "
            "Ms. Delacroix said.",
            ["Emeka Delacroix", "Rania Delacroix"],
        ),
        # An honorific that contradicts the only person of that surname joins no one.
        (
            "Mette Halvorsen, who runs the pharmacy, said she was worried. “It is bad,” "
            "Mr. Halvorsen said.",
            ["Halvorsen"],
        ),
        # A name NER tagged an organisation, but which speaks and is described, is a person.
        (
            "Sofia Petrakis, a nurse at the clinic, said the closures hurt. “Patients "
            "wait for weeks,” she said.",
            ["Sofia Petrakis"],
        ),
    ],
)
def test_sex_and_shared_surnames(nlp: Language, body: str, expected: list[str | None]) -> None:
    assert speakers(report_of(nlp, body)) == expected


def test_a_bare_shared_surname_named_alike_stays_unsettled(nlp: Language) -> None:
    body = (
        "Daniel Marsh and Petra Marsh run the farm.\n\n"
        "Prices have fallen for two years, and the farm has cut its herd by a third.\n\n"
        "“We cannot go on like this,” Marsh said."
    )
    assert speakers(report_of(nlp, body)) == [None]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A place inside the clause that leads to the quote is not its speaker.
        (
            "A senior official acknowledged to the news agency that Seoul is watching the "
            "border closely, adding, “We are ready for anything.”",
            ["A senior official"],
        ),
        # Must not match: a place that is the subject of a reporting verb speaks.
        ("Seoul said in a statement that it “regrets the decision.”", ["Seoul"]),
        # A full name NER missed, described and speaking, is a person.
        (
            "Moon Jae-kyung, the unification minister, told lawmakers that the North had "
            "rejected the offer, saying, “They did not even read it.”",
            ["Moon Jae-kyung"],
        ),
    ],
)
def test_places_and_missed_names(nlp: Language, body: str, expected: list[str | None]) -> None:
    assert speakers(report_of(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "“We will win this state.” ― Republican presidential candidate Ben Carson",
            ["Ben Carson"],
        ),
        ("“I have a plan for that.” ― former Florida Gov. Jeb Bush", ["Jeb Bush"]),
        ("“We will win it big”. ― Donald Trump", ["Donald Trump"]),
        (
            "“We need a president who fights.”  ― Hillary Clinton, in Philadelphia",
            ["Hillary Clinton"],
        ),
        (
            "“It is a disgrace to the party.” ― a senior Republican aide",
            ["a senior Republican aide"],
        ),
        # Must not match: a dash inside the reporter's own sentence signs nothing.
        (
            "Hillary Clinton said the plan was “a reckless waste of money” — a view few shared.",
            ["Hillary Clinton"],
        ),
    ],
)
def test_dash_signatures(nlp: Language, body: str, expected: list[str | None]) -> None:
    assert speakers(report_of(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "“The books are a mess,” said a person familiar with the company's finances, who "
            "asked not to be named.",
            "a person familiar with the company's finances",
        ),
        (
            "“We were not told,” a senior diplomat in Brussels said.",
            "a senior diplomat in Brussels",
        ),
        # Must not run on into the verb the parser hung on the noun.
        (
            "A senior official acknowledged that talks had stalled, adding, “We are ready.”",
            "A senior official",
        ),
    ],
)
def test_unnamed_source_is_the_whole_noun_phrase(nlp: Language, body: str, expected: str) -> None:
    quote = report_of(nlp, body).quotes[0]
    assert (quote.speaker, quote.speaker_description) == (None, expected)


def test_a_quote_over_paragraphs_takes_its_own_cue(nlp: Language) -> None:
    body = (
        "“We are pleased,” said Rui Matos, the port director.\n\n"
        "“The terminal will double its capacity by 2028. It will hire 400 people.\n\n"
        "“And it will do so without public money,” said Ana Ferreira, the finance minister."
    )
    assert speakers(report_of(nlp, body)) == ["Rui Matos", "Ana Ferreira", "Ana Ferreira"]


ENTITY_TEXT = (
    "HULLNESS, Scotland (AP) — Westmar Lines will stop its ferry to Hullness in May, leaving "
    "the islanders of Skerry Isles without a boat. Westmar blamed fuel costs.\n\n"
    "The U.S. Department of Defense, which runs a radar station on the islands, said the cuts "
    "would not affect its work. Defense officials declined to comment. South Korea's "
    "Unification Ministry said its research vessel would no longer call.\n\n"
    "Residents on Mill Lane gathered outside the harbour office. “We are being cut off,” said "
    "Moira Keith, who runs the post office. She said measles and Covid had shown how much the "
    "islands depend on the boat.\n\n"
    "Photo Gallery\n\n"
    "Ferries are a lifeline for the islands."
)


def test_entity_lines_hold_only_people_organisations_and_places(nlp: Language) -> None:
    report = report_of(nlp, ENTITY_TEXT)
    by_label: dict[str, set[str]] = {}
    for entity in report.entities:
        by_label.setdefault(entity.label, set()).add(entity.name)
    assert by_label["PERSON"] == {"Moira Keith"}
    assert "Unification Ministry" in by_label["ORG"]
    assert "Defense" not in by_label["ORG"]  # one organisation, "Department of Defense"
    assert "South Korea" in by_label["GPE"]
    assert "Skerry Isles" in by_label.get("LOC", set())
    everything = {name for names in by_label.values() for name in names}
    assert not everything & {
        "Mill Lane",
        "Covid",
        "Photo Gallery",
        "South Korea's Unification Ministry",
    }
    assert all(e.label in {"GPE", "LOC"} for e in report.entities if e.name == "Hullness")


ENTITY_TEXT_2 = (
    "OSLO, March 3 (Reuters) - Pieter Jansen and Karin Jansen, who fish out of Urk, said the "
    "Jansens would sell their boat. The KCNA news agency and the Unite union said nothing.\n\n"
    "The International Council for the Exploration of the Sea (ICES) advised a cut under the "
    "Common Fisheries Policy. The MV Solan Goose sails from the Valmoura Bridge, near the Rua "
    "do Almada, every Olympic summer.\n\n"
    "Our Standards: The Thomson Reuters Trust Principles."
)


def test_entity_lines_drop_families_laws_ships_and_footers(nlp: Language) -> None:
    report = report_of(nlp, ENTITY_TEXT_2)
    names = {(e.name, e.label) for e in report.entities}
    everything = {name for name, _ in names}
    organisations = {name for name, label in names if label == "ORG"}
    assert not everything & {
        "Jansens",
        "Rua do Almada",
        "Olympic",
        "Thomson Reuters Trust Principles",
    }
    assert not organisations & {"Common Fisheries Policy", "MV Solan Goose", "Valmoura Bridge"}
    assert "KCNA news agency" not in organisations and "Unite union" not in organisations
    assert not any("(" in name for name in everything)


def test_a_family_name_tagged_a_pronoun_opens_a_described_name(nlp: Language) -> None:
    body = (
        "He Yuming, a former speed skater who coaches at the arena, told the council that he "
        "needed ice.\n\n“My skaters practice at 5 in the morning,” He said."
    )
    report = report_of(nlp, body)
    assert "He Yuming" in {e.name for e in report.entities if e.label == "PERSON"}
    assert speakers(report) == ["He Yuming"]


def test_contributor_and_print_lines_name_no_one(nlp: Language) -> None:
    body = (
        "BOISE, Idaho (AP) — Idaho had asked for more vaccine, officials said on Tuesday.\n\n"
        "Idaho will decide next week, the governor said.\n\n"
        "Associated Press writer Dana Whitcomb in Seattle contributed to this report.\n\n"
        "A version of this article appears in print on page C1 of the New York edition."
    )
    report = report_of(nlp, body)
    everything = {e.name for e in report.entities}
    assert not everything & {"Dana Whitcomb", "Seattle", "New York"}
    assert all(e.label == "GPE" for e in report.entities if e.name == "Idaho")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A full name beside an organisation noun the parse hung it on is still a person.
        (
            "The owner of the Harbour Golf Club, Neville Prentiss, faced a revolt from members "
            "over the sale. “There is always resistance,” Mr. Prentiss said.",
            ["Neville Prentiss"],
        ),
        (
            "The film's producer Charles Wexford met the board on Monday. “We will finish the "
            "shoot in May,” Wexford said.",
            ["Charles Wexford"],
        ),
        # A surname that is also a law word, after a given name, is a surname.
        (
            "“The race is local,” said Steven Law, who runs the Crossroads group. Law's group "
            "spent heavily in the state. “We are not done,” Law said.",
            ["Steven Law", "Steven Law"],
        ),
        # Must not match: an organisation noun before a one-word name, a statute.
        (
            "The power company Westgrid said the lines were down. “We need a week,” Westgrid "
            "said. The Clean Water Act was cited.",
            ["Westgrid"],
        ),
    ],
)
def test_full_names_are_not_relabelled_as_things(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    report = report_of(nlp, body)
    assert speakers(report) == expected
    people = {e.name for e in report.entities if e.label == "PERSON"}
    assert set(expected) - {"Westgrid"} <= people
    assert "Westgrid" not in people and "Clean Water Act" not in people


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A surname tagged a title, a nationality or a place where it speaks is the person
        # the article names in full.
        (
            "The mayor, Denise Okafor-Bright, met the council on Monday. “We will not raise "
            "taxes,” Okafor-Bright said.",
            ["Denise Okafor-Bright"],
        ),
        (
            "Marcus Cuban, the owner of the team, spoke on Sunday. “It is too early to tell,” "
            "Cuban said.",
            ["Marcus Cuban"],
        ),
        (
            "Governor Paul Kasich spoke in Dayton. Kasich joked that he liked “a good, peaceful "
            "protest every once in a while.”",
            ["Paul Kasich"],
        ),
        # Must not match: a place that speaks, with no one of that surname in the story.
        (
            "The ministers met in Jordan on Tuesday. “We agreed on the border,” Jordan said in "
            "a statement.",
            ["Jordan"],
        ),
    ],
)
def test_a_surname_tagged_a_thing_is_the_person_named_in_full(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    report = report_of(nlp, body)
    assert speakers(report) == expected
    people = {e.name for e in report.entities if e.label == "PERSON"}
    assert "Jordan" not in people and set(expected) - {"Jordan"} <= people


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The tokenizer splits the stop off "Sr."; the name keeps it, inside a sentence or at
        # its end.
        (
            "Earl Haskins Sr. has run the diner for forty years. “I never thought I would see "
            "this,” Haskins said.",
            ["Earl Haskins Sr."],
        ),
        (
            "“I never thought I would see this,” said Earl Haskins Sr. He has run the diner "
            "for forty years.",
            ["Earl Haskins Sr."],
        ),
        # Must not match: a suffix written without a stop, and a stop that ends the sentence.
        (
            "Earl Haskins Sr, who has run the diner for forty years, spoke to reporters. “I "
            "never thought I would see this,” Haskins said.",
            ["Earl Haskins Sr"],
        ),
        (
            "“We will appeal,” said Marcus Whitfield III. He spoke on Friday.",
            ["Marcus Whitfield III"],
        ),
    ],
)
def test_a_suffix_keeps_its_stop(nlp: Language, body: str, expected: list[str | None]) -> None:
    report = report_of(nlp, body)
    assert speakers(report) == expected
    assert set(expected) <= {e.name for e in report.entities if e.label == "PERSON"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # '…, adding' after a reported clause: the teller adds, not the clause's subject, be it
        # a place, an organisation or a name passive in it.
        (
            "A senior official at the Interior Ministry told the agency that Berlin was "
            "watching closely, adding, “We are ready for anything.”",
            ["A senior official at the Interior Ministry"],
        ),
        (
            "Officials at the Harbour Authority said on Monday that Westmar Lines was losing "
            "money, adding that “the ferries cannot run at a loss forever.”",
            ["Officials at the Harbour Authority"],
        ),
        (
            "Tomas Berg said the Treasury had been warned, adding, “They knew in March.”",
            ["Tomas Berg"],
        ),
        # Must not match: a reporting verb of its own inside the clause speaks.
        (
            "“Comey cannot say that,” Lewandowski added, saying it should be “up to the "
            "prosecutor to move forward or not.”",
            ["Lewandowski", "Lewandowski"],
        ),
        (
            "Greta Marsh said that Oslo was watching, and Berlin agreed, adding, “We stand "
            "together.”",
            ["Berlin"],
        ),
    ],
)
def test_a_participle_after_a_reported_clause_is_the_tellers(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    assert speakers(report_of(nlp, body)) == expected
