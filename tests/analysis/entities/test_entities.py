"""Entity clusters: alias merging, NER slips, bylines, descriptions; and their ranking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from analysis.entities import cluster_entities
from analysis.entities.ranking import rank_entities
from analysis.types import EntityCluster, Quote

ROOT = Path(__file__).resolve().parents[3]
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))

TWO_PARKS = (
    "HARBOURTON, March 3 (Northwire) — The port authority's director, Park Ji-hoon, said on "
    "Monday that talks had failed. Park Soo-ah, the union's general secretary, said she would "
    "not back down. Mr. Park said he regretted the walkout. Ms. Park said she did not. "
    "Tomas Berg, a labour economist at the Baltic Institute, said the dispute was costly. "
    "Mr. Berg said the Baltic Institute expected a deal within a week.\n\n"
    "Reporting by Anna Kowalczyk; editing by Tom Reyes\n"
)


def clusters_of(nlp: Language, text: str) -> list[EntityCluster]:
    return cluster_entities(nlp(text))


def people_of(nlp: Language, text: str) -> dict[str, EntityCluster]:
    return {c.name: c for c in clusters_of(nlp, text) if c.label == "PERSON"}


def test_two_parks_stay_two_people_and_get_their_honorifics(nlp: Language) -> None:
    people = people_of(nlp, TWO_PARKS)
    assert set(people) == {"Park Ji-hoon", "Park Soo-ah", "Tomas Berg"}
    ji_hoon, soo_ah = people["Park Ji-hoon"], people["Park Soo-ah"]
    assert [TWO_PARKS[s:e] for s, e in ji_hoon.spans] == ["Park Ji-hoon", "Mr. Park"]
    assert [TWO_PARKS[s:e] for s, e in soo_ah.spans] == ["Park Soo-ah", "Ms. Park"]
    assert people["Tomas Berg"].surfaces == ["Tomas Berg", "Mr. Berg"]


def test_descriptions_from_appositions_before_and_after(nlp: Language) -> None:
    people = people_of(nlp, TWO_PARKS)
    assert people["Park Ji-hoon"].description == "the port authority's director"
    assert people["Park Soo-ah"].description == "the union's general secretary"
    assert people["Tomas Berg"].description == "a labour economist at the Baltic Institute"


def test_bylines_and_wire_agency_are_not_in_the_story(nlp: Language) -> None:
    names = {c.name for c in clusters_of(nlp, TWO_PARKS)}
    assert not names & {"Anna Kowalczyk", "Tom Reyes", "Northwire"}


@pytest.mark.parametrize(
    ("text", "name", "surfaces"),
    [
        (
            "Maria Alvarez, who leads the tenants' group, spoke first. Ms. Alvarez said rents "
            "had doubled. Alvarez added that nobody had listened.",
            "Maria Alvarez",
            ["Maria Alvarez", "Ms. Alvarez", "Alvarez"],
        ),
        (
            "The case was brought by Nadia Haddad, a lawyer for the Civil Liberties Forum. "
            "Ms. Haddad told reporters it was a good day.",
            "Nadia Haddad",
            ["Nadia Haddad", "Ms. Haddad"],
        ),
        (
            "Superintendent Marcus Delgado, who recommended the closures, spoke at length. "
            "The board asked Mr. Delgado to report in the autumn.",
            "Marcus Delgado",
            ["Marcus Delgado", "Mr. Delgado"],
        ),
    ],
)
def test_aliases_merge_into_the_fullest_name(
    nlp: Language, text: str, name: str, surfaces: list[str]
) -> None:
    people = people_of(nlp, text)
    assert list(people) == [name]
    assert people[name].surfaces == surfaces


def test_jordan_the_country_is_not_michael_jordan(nlp: Language) -> None:
    text = (
        "Michael Jordan visited Jordan last year. He said Jordan had been generous to him, "
        "and officials in Amman agreed."
    )
    clusters = clusters_of(nlp, text)
    jordans = {c.name: c.label for c in clusters if "Jordan" in c.name}
    assert jordans.get("Michael Jordan") == "PERSON"
    assert jordans.get("Jordan") == "GPE"


def test_a_city_tagged_as_a_person_becomes_a_place(nlp: Language) -> None:
    text = (
        "The trains will run four nights a week between Kessling and Harbourton, the company "
        "said on Wednesday. Test runs will begin in August on the line to Harbourton."
    )
    people = people_of(nlp, text)
    assert "Harbourton" not in people


def test_acronym_and_the_merge_with_the_full_organisation(nlp: Language) -> None:
    text = (
        "The Baltic Institute for Labour Studies (BILS) published the figures on Monday. "
        "A BILS spokesman said the Baltic Institute for Labour Studies stood by them."
    )
    orgs = [c for c in clusters_of(nlp, text) if c.label == "ORG"]
    assert [c.name for c in orgs] == ["Baltic Institute for Labour Studies"]


def test_dates_numbers_and_money_are_not_entities(nlp: Language) -> None:
    text = "On Monday the council spent 40 million dollars, about 12 percent of its budget."
    labels = {c.label for c in clusters_of(nlp, text)}
    assert not labels & {"DATE", "MONEY", "PERCENT", "CARDINAL", "TIME"}


def test_ranking_counts_quotes_attributed_through_pronouns(nlp: Language) -> None:
    text = TWO_PARKS
    clusters = cluster_entities(nlp(text))
    far = len(text) - 5
    quotes = [Quote("We will not move.", far, far + 3, "Park Soo-ah")]
    ranked = rank_entities(clusters, quotes, len(text), "Park Soo-ah leads port strike")
    assert ranked[0].name == "Park Soo-ah"
    soo_ah = ranked[0]
    assert soo_ah.mentions == 3  # two spans and one pronoun-attributed quote
    assert soo_ah.aliases == ("Ms. Park",)
    assert soo_ah.description == "the union's general secretary"


def test_ranking_counts_a_joint_quote_for_each_speaker(nlp: Language) -> None:
    text = TWO_PARKS
    clusters = cluster_entities(nlp(text))
    far = len(text) - 5
    quotes = [Quote("We will not move.", far, far + 3, "Park Soo-ah and Tomas Berg")]
    ranked = {e.name: e.mentions for e in rank_entities(clusters, quotes, len(text), None)}
    assert ranked["Park Soo-ah"] == 3  # two spans and the quote they gave together
    assert ranked["Tomas Berg"] == 3


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_seed_people_and_descriptions_match_gold(nlp: Language, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
    clusters = clusters_of(nlp, text)
    people = {c.name: c for c in clusters if c.label == "PERSON"}
    assert set(people) == {p["name"] for p in gold["people"]}
    for person in gold["people"]:
        assert set(person["aliases"]) <= set(people[person["name"]].surfaces)
    for name, description in gold.get("descriptions", {}).items():
        assert people[name].description == description
    all_forms = {form for c in clusters for form in (c.name, *c.surfaces)}
    assert not all_forms & set(gold.get("not_people", []))


def _labels(nlp: Language, text: str) -> dict[str, str]:
    return {c.name: c.label for c in clusters_of(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # An acronym of a common noun is no place; a real abbreviation still is.
        (
            "Lumenar said it would shift spending to AI. Its rivals in the US did the same.",
            {"US": "GPE"},
            {"AI"},
        ),
        # A wire agency that saw a memo is an organisation; the city is still a place.
        (
            "Chief executive Rebecca Thornbury told staff in a memo, seen by Northwire, that "
            "the company would open a centre in Lisbon.",
            {"Northwire": "ORG", "Lisbon": "GPE"},
            set(),
        ),
        # "The power company Westgrid" and "a Westgrid engineer": an organisation.
        (
            "The power company Westgrid said most homes would be reconnected by Saturday. "
            "A Westgrid engineer said poles had snapped near the village of Loughmore.",
            {"Westgrid": "ORG", "Loughmore": "GPE"},
            set(),
        ),
        # A plural common noun opening a sentence is not an organisation; the union is.
        (
            "Nurses' representatives were cautious. Sarah Lindqvist, regional secretary of "
            "the Nurses' Federation, said staff wanted written assurances.",
            {"Nurses' Federation": "ORG", "Sarah Lindqvist": "PERSON"},
            {"Nurses"},
        ),
        # A fragment of an organisation already named is that organisation.
        (
            "Esterby General Hospital and the St. Brigid's Hospital Group agreed to merge. "
            "Li Wenjun, chief executive of St. Brigid's, will lead the new group.",
            {"St. Brigid's Hospital Group": "ORG", "Esterby General Hospital": "ORG"},
            {"St. Brigid"},
        ),
        # A dateline in capitals is shown as the place is written, and merged with it.
        (
            "CALDERA CITY, Sept. 18 (Northwire) — The Constitutional Court struck down a law "
            "on Wednesday. Judges in Caldera City said the ruling was final.",
            {"Caldera City": "GPE", "Constitutional Court": "ORG"},
            {"CALDERA CITY"},
        ),
        (
            "ESTERBY, June 12 (Northwire) — Two hospital groups agreed to merge on Thursday, "
            "the largest deal the region has seen.",
            {"Esterby": "GPE"},
            {"ESTERBY"},
        ),
    ],
)
def test_ner_slips_corrected_and_the_rest_left_alone(
    nlp: Language, text: str, expected: dict[str, str], absent: set[str]
) -> None:
    labels = _labels(nlp, text)
    for name, label in expected.items():
        assert labels.get(name) == label, (name, labels)
    assert not absent & set(labels), labels


def test_schools_named_before_a_plural_noun_are_not_people_and_all_count(nlp: Language) -> None:
    text = (
        "Lakeview and Orchard Hill elementary schools will shut in June, the board said. "
        "Olivia Brandt, a mother of two pupils at Lakeview, said the board had decided "
        "months ago. A lot of the kids at Lakeview walk to school."
    )
    clusters = {c.name: c for c in clusters_of(nlp, text)}
    assert clusters["Lakeview"].label != "PERSON"
    assert len(clusters["Lakeview"].spans) == 3
    assert "Orchard Hill" in clusters and clusters["Orchard Hill"].label != "PERSON"
    assert [c.name for c in clusters.values() if c.label == "PERSON"] == ["Olivia Brandt"]


def test_a_bare_surname_ner_missed_still_counts_for_the_person(nlp: Language) -> None:
    text = (
        "Tomas Berg, a labour economist at the Baltic Institute, said the strike was costly. "
        "The institute's chair said the numbers were new. Shipping firms agreed with Berg "
        "on Tuesday."
    )
    people = people_of(nlp, text)
    assert list(people) == ["Tomas Berg"]
    assert [text[s:e] for s, e in people["Tomas Berg"].spans] == ["Tomas Berg", "Berg"]


SHARED_SURNAME = (
    "Hillary Clinton campaigned in Iowa on Monday. Her husband, former President Bill "
    "Clinton, spoke in Nevada. Voters cheered as Bill Clinton said the race was close.\n\n"
    "In Des Moines, the crowd was large. Mrs. Clinton said she expected to win the state. "
    "Clinton also promised to visit again before the caucuses."
)


def test_two_people_sharing_a_surname_stay_apart(nlp: Language) -> None:
    people = people_of(nlp, SHARED_SURNAME)
    assert {"Hillary Clinton", "Bill Clinton"} <= set(people)
    hillary = [SHARED_SURNAME[s:e] for s, e in people["Hillary Clinton"].spans]
    bill = [SHARED_SURNAME[s:e] for s, e in people["Bill Clinton"].spans]
    assert "Mrs. Clinton" in hillary and "Mrs. Clinton" not in bill
    assert hillary[-1] == "Clinton"  # the main figure, not the one named two sentences back
    assert all("Hillary" not in form for form in bill)


@pytest.mark.parametrize(
    ("text", "person", "forms"),
    [
        # A surname NER tagged as an organisation belongs to the person.
        (
            "Martin O’Malley moved staff to Iowa on Monday. O’Malley's aides said the "
            "campaign would spend its money there.",
            "Martin O’Malley",
            ["Martin O’Malley", "O’Malley"],
        ),
        (
            "Senior editor Joel Pollak said the report was wrong. Pollak repeated the claim.",
            "Joel Pollak",
            ["Joel Pollak", "Pollak"],
        ),
    ],
)
def test_a_persons_forms_gather_under_their_full_name(
    nlp: Language, text: str, person: str, forms: list[str]
) -> None:
    people = people_of(nlp, text)
    assert person in people, people
    assert people[person].surfaces == forms
    others = {c.name for c in clusters_of(nlp, text) if c.label != "PERSON"}
    assert not {f for f in forms if f != person} & others


def test_a_common_word_opening_a_sentence_is_not_an_entity(nlp: Language) -> None:
    text = (
        "The council passed the harbour levy on Sunday.\n\n"
        "Harbour master Tim Early had not been told of the vote."
    )
    names = {c.name for c in clusters_of(nlp, text)}
    assert "Harbour" not in names
    assert "Tim Early" in names


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("The plan was a Hail Mary, Ada Holm said on Monday.", "a Hail Mary"),
        ("A pro-Holm crowd cheered when Ada Holm spoke.", "pro-Holm"),
        ("Ada Holm spoke, and Jr. cheered.", "Jr."),
    ],
)
def test_ner_slips_in_lower_case_or_lone_suffixes_are_not_people(
    nlp: Language, text: str, slip: str
) -> None:
    doc = nlp(text)
    start = text.index(slip)
    wrong = doc.char_span(start, start + len(slip), label="PERSON")
    assert wrong is not None
    doc.ents = [e for e in doc.ents if e.end <= wrong.start or e.start >= wrong.end] + [wrong]
    people = {c.name for c in cluster_entities(doc) if c.label == "PERSON"}
    assert people == {"Ada Holm"}


def test_a_name_opening_with_a_particle_stays_a_person(nlp: Language) -> None:
    text = "Mayor Bill de Blasio spoke on Monday. Later, de Blasio said the pier would open."
    people = {c.name for c in clusters_of(nlp, text) if c.label == "PERSON"}
    assert "Bill de Blasio" in people
