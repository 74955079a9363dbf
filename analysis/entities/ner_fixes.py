"""Correcting the slips of the small NER model where the text itself shows them."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from analysis.entities.gazetteer import is_known_place, is_known_town
from analysis.entities.given_names import given_name_gender, is_given_name
from analysis.entities.mention_types import Mention
from analysis.entities.names import (
    EAST_ASIAN_SURNAMES,
    GENERATION_SUFFIXES,
    is_alias_of,
    name_tokens,
    surname,
)
from analysis.lexicon import (
    COMMON_REPORTING_VERBS,
    PLACE_LABELS,
    POSSESSIVE_ENDINGS,
    REPORTING_VERBS,
    SUBJECT_DEPS,
    word_set,
)
from analysis.text.boilerplate import dateline_place

CONFUSABLE_LABELS = word_set("PERSON ORG GPE LOC FAC NORP")
_TIE_ORDER = ("GPE", "LOC", "ORG", "FAC", "NORP", "PERSON")
# Head nouns that make a name an organisation: "the power company Westgrid", "Lumenar, the maker".
ORG_NOUNS = word_set(
    "company maker firm group agency union bank ministry department authority council"
    " committee commission party operator carrier insurer retailer manufacturer developer"
    " provider startup start-up publisher broadcaster network association federation"
    " organisation organization institute university charity fund club team league"
    " utility regulator board business chain conglomerate lender giant newspaper outlet"
    " airline supplier distributor producer"
)
# Last words of a company's name: "Hengfeng Holdings", "Westmar Lines".
COMPANY_ENDINGS = word_set(
    "holdings group inc inc. corp corp. corporation co co. ltd ltd. limited plc llc ag sa nv"
    " lines securities capital partners industries airlines airways motors bancorp"
    " rail railway railways"
)
# Last words of an event's name: "the Steamboat Gulch Fire", "Hurricane"s come first.
_EVENT_LAST_WORDS = word_set(
    "fire wildfire blaze storm flood floods earthquake quake tornado summit conference festival"
    " expo"
)
# Prizes, which the model takes for organisations: "the Newbery Medal", "the Pulitzer Prize".
_AWARD_WORDS = word_set("medal prize award awards trophy")
# Last words of a company's name the model takes for a person's: "Xcel Energy".
_TRADE_WORDS = word_set(
    "energy power systems technologies technology foods media pharmaceuticals labs solutions"
    " engineering construction logistics works motors airways airlines biologics therapeutics"
    " software networks"
    # football clubs: "Leeds United", "Northgate Athletic"
    " united athletic rovers wanderers albion hotspur fc afc"
)
# "A Westgrid engineer": a place does not employ engineers, an organisation does.
STAFF_NOUNS = word_set(
    "spokesman spokeswoman spokesperson engineer employee employees executive executives"
    " shareholder shareholders customer customers subscriber subscribers staffer staffers"
)
# Verbs whose agent ("seen by Northwire") is a news organisation or a person, never a place.
_AGENT_VERBS = word_set("see review obtain report publish confirm interview contact")
# Acronyms of common nouns the model tags as places or people: "the shift to AI".
COMMON_ACRONYMS = word_set(
    "AI IT TV GDP CEO CFO COO CTO IPO HR PR ESG EV EVs VR AR IoT API APIs PC PCs SUV SUVs GP"
    " DNA RNA HIV AIDS LGBT LGBTQ PhD MBA CCTV GPS SMS ATM ATMs VAT ID IDs Q&A A.I."
)
# Time zones, which the model takes for organisations: "the 15:00 BST kick-off".
TIME_ZONES = word_set(
    "GMT BST UTC CET CEST EET EEST WET IST JST KST HKT SGT AEST AEDT ACST AWST NZST NZDT"
    " EST EDT CST CDT MST MDT PST PDT AKST AKDT HST ET PT CT MT"
)
# All-caps abbreviations that really are places.
PLACE_ABBREVIATIONS = word_set("US USA UK UAE EU DC NYC LA NY NJ DRC PRC ROC GB")
# Diseases the small model takes for people, places or organisations.
DISEASES = word_set(
    "covid covid-19 ebola zika measles polio cholera mpox malaria hiv aids sars mers"
    " influenza tuberculosis dengue anthrax copd asthma diabetes pneumonia hepatitis"
)
_STREET_WORDS = word_set("lane road street avenue boulevard terrace drive highway parkway crescent")
_STREET_FIRST_WORDS = word_set("rua avenida calle rue via strada ulica")
_LAW_WORDS = word_set("act law policy treaty directive regulation code bill")
_SHIP_PREFIXES = word_set("MV HMS USS RMS SS MS")
_STRUCTURE_WORDS = word_set("bridge tunnel arena stadium airport dam pier")
_NOT_A_STREET_LABEL = word_set("PERSON ORG GPE LOC FAC")
# First words of a river's or a lake's name: "Rio Puerco", "Lake Mead".
_WATER_FIRST_WORDS = word_set("rio lake lago loch")
# Last words of a measure, not an organisation: "the Cash Reserve Ratio", "Consumer Price Index".
_MEASURE_WORDS = word_set("ratio rate index")
_LAND_WORDS = word_set(
    "isles islands island peninsula archipelago mountains river lake bay coast valley harbour"
    " harbor"
    " aquifer forest prairie plateau basin desert canyon glacier"
)
# First words of a town's name, never a person's: "Fort Lee", "Port Avery", "Mount Isa".
_TOWN_FIRST_WORDS = word_set("fort port mount cape")
_SETTLEMENTS = word_set("village town city hamlet township borough suburb")
# A model or standard: "N95", "A320", "F-35" (not "G20", a group of countries).
_MODEL_NUMBER = re.compile(r"^(?!G\d)[A-Z]{1,3}-?\d{2,4}[A-Z]?$")
# Last words that make "Victoria Station" or "Elizabeth Line" a thing, not a person.
_NOT_A_SURNAME = ORG_NOUNS | word_set(
    "street road lane avenue square station line bridge park hall centre center hospital"
    " school college foundation island islands valley county city falls bay river tower"
)
_CAPS_ACRONYM = re.compile(r"^[A-Z]{2,5}s?$")
# A capital after three or more lower-case letters inside one word ("SpaceX", "PayPal" not;
# "McNeil", "DeSantis", "LeBron" not either): a brand's spelling, never a surname's.
_INNER_CAPITAL = re.compile(r"^[A-Z][a-z]{3,}[A-Z]")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,5}$")  # "F.B.I." as the Times writes it
# Nouns after a name that make it the name of a disease: "the Marburg virus", "Lyme disease".
_DISEASE_NOUNS = word_set("virus disease fever syndrome flu")
# Machines named by their maker ("a John Deere combine"): the name is not a person's.
_MACHINE_NOUNS = word_set(
    "combine tractor harvester truck pickup sedan motorcycle rifle pistol drone chainsaw"
)
# Malicious software named like a company ("the LockRiver ransomware").
_MALWARE_NOUNS = word_set("ransomware malware spyware botnet trojan worm")
# Benefit programmes the small model takes for the agencies that run them.
BENEFIT_PROGRAMMES = frozenset({"Social Security", "Medicare", "Medicaid", "Obamacare"})
# "sold as Virexa": what a company sells under a name is a product.
_SELLING_VERBS = word_set("sell market brand license licence")
# "the former Olympian", "the retired Marine": a word for a kind of person, not its organisation.
PERSON_KIND_BEFORE = word_set("former fellow retired onetime one-time two-time three-time")
# Buildings that are also institutions, which speak and employ people: organisations.
_INSTITUTION_WORDS = word_set("hospital clinic infirmary university college school academy")
_CENTRE_WORDS = word_set("center centre")
_MEDICAL_WORDS = word_set("medical health cancer research")


def span_label(doc: Doc, start: int, end: int, label: str) -> str | None:
    """The label an entity span should have, or None when it names nothing at all."""
    text = doc[start:end].text
    if text in COMMON_ACRONYMS or text in TIME_ZONES:
        return None
    if doc[start:end].lemma_.lower().replace(".", "") in DISEASES:
        return None  # "measles", "H.I.V."
    fixed = _label_from_context(doc, start, end, label)
    if fixed != label:
        return fixed
    if end - start == 1:
        return _one_word_label(doc[start], label)
    return _name_label(doc, start, end, label)


def _label_from_context(doc: Doc, start: int, end: int, label: str) -> str | None:
    """What the words around a name make it: a disease, a product, a kind of person, a place."""
    if end < len(doc) and doc[end].lower_ in _DISEASE_NOUNS and label != "PERSON":
        return None  # "the Marburg virus" tagged an organisation
    if start >= 2 and doc[start - 1].lower_ == "as" and doc[start - 2].lemma_ in _SELLING_VERBS:
        return "PRODUCT"  # "a vaccine sold as Virexa"
    if _names_a_machine(doc, start, end, label):
        return "PRODUCT"  # "a John Deere combine", "the LockRiver ransomware"
    if label == "ORG" and doc[start:end].text in BENEFIT_PROGRAMMES:
        return None  # "Social Security numbers": a programme, not the agency running it
    if label in ("PERSON", "ORG") and end - start > 1 and _opens_a_law_name(doc, end):
        return None  # "Robert T. Stafford" of the "Robert T. Stafford Disaster Relief … Act"
    if label in _PLACE_LOOKALIKES and _after_place_preposition(doc, start, end):
        return "GPE"  # "the ferry to Hullness" tagged an event
    if label in ("ORG", "PERSON") and _reads_as_a_town(doc, start, end):
        return "GPE"  # "commutes from Sevenoaks", "Tonbridge, Ashford and Sevenoaks"
    if label in ("ORG", "PERSON") and _after_settlement_noun(doc, start):
        return "GPE"  # "the village of Yukarıköy"
    if label != "GPE" and _is_dateline(doc, start, end):
        return "GPE"  # "HACKENSACK, N.J. —"
    return label


def _names_a_machine(doc: Doc, start: int, end: int, label: str) -> bool:
    """A maker's or a program's name before the machine or malware it names; after 'a' the
    small model may read the noun as a verb ('a John Deere combine')."""
    if end >= len(doc):
        return False
    noun = doc[end]
    after_article = start > 0 and doc[start - 1].lower_ in {"a", "an", "the"}
    if noun.tag_ != "NN" and not after_article:
        return False
    return (label == "PERSON" and noun.lower_ in _MACHINE_NOUNS) or (
        label == "ORG" and noun.lower_ in _MALWARE_NOUNS
    )


def _reads_as_a_town(doc: Doc, start: int, end: int) -> bool:
    """A known town's name where the words say place: after "in", "from" or "to", or listed
    beside another place."""
    if end - start > 2 or not is_known_town(doc[start:end].text):
        return False
    if _after_place_preposition(doc, start, end):
        return True
    conjuncts = doc[start:end].root.conjuncts
    return any(t.ent_type_ in PLACE_LABELS or is_known_town(t.text) for t in conjuncts)


def _after_settlement_noun(doc: Doc, start: int) -> bool:
    """ "the village of X", "the town of X": a settlement's name."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _SETTLEMENTS


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """Capitals opening a paragraph before a comma and a dash: a wire story's dateline."""
    opens = start == 0 or "\n" in doc[start - 1].text
    words = doc[start:end]
    if not opens or not all(t.is_upper or not t.is_alpha for t in words) or len(words.text) < 3:
        return False
    if end >= len(doc) or doc[end].text != ",":
        return False
    return any(t.text in {"—", "–", "-", "--", "("} for t in doc[end : end + 8])


def _one_word_label(token: Token, label: str) -> str | None:
    """A one-word name: an adjective, a plural, a common word, a kind of person, an acronym."""
    if token.pos_ == "ADJ" and label != "NORP":
        return None  # "Olympic" tagged a facility: an adjective names nothing
    if label in CONFUSABLE_LABELS - {"NORP"} and token.tag_ == "NNS":
        return None  # "Nurses' representatives", "Schools across the county": common nouns
    if label != "PERSON" and _common_word_opening_sentence(token):
        return None  # "Harbour master Tim Early": the story writes "harbour" in lower case
    if label == "ORG" and token.i > 0 and token.doc[token.i - 1].lower_ in PERSON_KIND_BEFORE:
        return None  # "the former Olympian"
    if _MODEL_NUMBER.match(token.text) and label in CONFUSABLE_LABELS:
        return "PRODUCT"  # "N95 masks"
    letters = token.text.replace(".", "") if _DOTTED_ACRONYM.match(token.text) else token.text
    acronym = bool(_CAPS_ACRONYM.match(letters)) and letters not in PLACE_ABBREVIATIONS
    if acronym and label in ("PERSON", "GPE", "LOC", "FAC"):
        return "ORG"  # "NRA", "FBN": an acronym names an organisation, not a person or place
    if label == "PERSON" and _INNER_CAPITAL.match(token.text):
        return "ORG"  # "SpaceX", "LockRiver": a brand's capital inside the word, not "McNeil"
    return label


def _name_label(doc: Doc, start: int, end: int, label: str) -> str | None:
    """A name of several words, by its first and last words: streets, laws, ships, buildings,
    lands and waters, events, companies and institutions."""
    words = doc[start:end]
    first, last = words[0].lower_, words[-1].lower_
    last_word = words[-1] if words[-1].is_alpha or len(words) < 2 else words[-2]
    if last_word.lower_ in GENERATION_SUFFIXES and label != "PERSON":
        return "PERSON"  # "Wendell Pryce Sr." tagged an organisation
    if words[-1].text.isdigit():
        if words[-2].lower_ in _LAW_WORDS:
            return "LAW"  # "the Trade Union Act 2016"
        if label in ("ORG", "PERSON"):
            return "PRODUCT"  # "ClearCount 500" scanners: a model, not a maker
    if first in _TOWN_FIRST_WORDS and label == "PERSON":
        return "GPE"  # "Fort Lee" tagged a person
    if (last in _STREET_WORDS or first in _STREET_FIRST_WORDS) and label in _NOT_A_STREET_LABEL:
        return None  # "Mill Lane", "Rua do Almada": an address, not a person or a place
    if last in _LAW_WORDS and label in ("ORG", "PERSON", "EVENT"):
        if label == "PERSON" and _full_personal_name(words.text):
            return label  # "Steven Law": a surname, not a statute
        return "LAW"  # "Common Fisheries Policy", "Public Contracts Code"
    if last in _MEASURE_WORDS and label == "ORG":
        return None  # "the Cash Reserve Ratio"
    if words[0].text in _SHIP_PREFIXES:
        return "PRODUCT"  # "MV Solan Goose": a ship, not an organisation
    if last in _STRUCTURE_WORDS and label in ("ORG", "PERSON"):
        return "FAC"  # "Valmoura Bridge", "Eastside Ice Arena"
    if len(words) <= 3 and first in _WATER_FIRST_WORDS and label in ("ORG", "PERSON"):
        return "LOC"  # "Rio Puerco" tagged an organisation
    if last in _LAND_WORDS and label not in PLACE_LABELS:
        return "LOC"  # "Skerry Isles" tagged a person, "the Vale River" a work of art
    if last in _EVENT_LAST_WORDS and label in CONFUSABLE_LABELS:
        return "EVENT"  # "the Steamboat Gulch Fire" tagged an organisation, "Web Summit" a place
    if last in _AWARD_WORDS and label in CONFUSABLE_LABELS:
        return None  # "the Newbery Medal": a prize, not its committee
    if label == "FAC" and _names_an_institution(doc, start, end):
        return "ORG"  # "St. Aldric Regional Medical Center": a hospital speaks and employs
    if label in ("PERSON", "FAC") and _names_a_company_or_agency(words.text.split()):
        return "ORG"  # "Xcel Energy", "Transport Scotland", "Estradas de Portugal"
    return label


def _names_a_company_or_agency(words: list[str]) -> bool:
    """A name ending in a trade word or a country whose first word is no given name."""
    if is_given_name(words[0]):
        return False
    last = words[-1].lower()
    return last in _TRADE_WORDS or last in COMPANY_ENDINGS or ends_in_a_country(words)


def _opens_a_law_name(doc: Doc, end: int) -> bool:
    """Whether the capitalised words right after a name run on to a law's last word, all in
    one name: "… Stafford Disaster Relief and Emergency Assistance Act"."""
    for token in doc[end : end + 10]:
        if token.lower_ in _LAW_WORDS and token.is_title:
            return True
        if not (token.is_title or token.lower_ in ("and", "of", "for", "&")):
            return False
    return False


def _names_an_institution(doc: Doc, start: int, end: int) -> bool:
    """A hospital, clinic, school or university: "… Medical Center", "… Hospital"."""
    words = [t.lower_ for t in doc[start:end]]
    if words[-1] in _INSTITUTION_WORDS:
        return True
    return words[-1] in _CENTRE_WORDS and any(w in _MEDICAL_WORDS for w in words)


def ends_in_a_country(words: list[str]) -> bool:
    """A name whose last word is a country or a US state and whose first is no given name:
    no person's ("Transport Scotland"; but "Michael Jordan", "Paris Georgia")."""
    return len(words) > 1 and is_known_place(words[-1]) and not is_given_name(words[0])


_PLACE_LOOKALIKES = word_set("EVENT WORK_OF_ART PRODUCT")
_PLACE_PREPOSITIONS = word_set("to in from near via into")


def _after_place_preposition(doc: Doc, start: int, end: int) -> bool:
    """A short capitalised name right after "to", "in" or "from", with no number in it."""
    if start == 0 or end - start > 3 or any(t.like_num or not t.is_title for t in doc[start:end]):
        return False
    return doc[start - 1].lower_ in _PLACE_PREPOSITIONS


def _common_word_opening_sentence(token: Token) -> bool:
    """A capitalised word starting a sentence that the article also writes in lower case."""
    opens = token.i == 0 or token.is_sent_start or "\n" in token.doc[token.i - 1].text
    return opens and token.is_title and token.lower_ in lowercase_words(token.doc)


def lowercase_words(doc: Doc) -> dict[str, bool]:
    """The words the article writes in lower case, gathered once per parse (a dict, which
    Doc.to_bytes can serialise; a set it cannot)."""
    words = doc.user_data.get(_LOWERCASE_KEY)
    if not isinstance(words, dict):
        words = {t.text: True for t in doc if t.is_lower and t.is_alpha}
        doc.user_data[_LOWERCASE_KEY] = words
    return words


_LOWERCASE_KEY = "newsbot_lowercase_words"


def trim_leading_possessive(doc: Doc, start: int, end: int, label: str) -> int:
    """Where a span really starts: after a stray "’s" ("Editor’s Note"), and for a person after
    the owner's possessive ("Breitbart’s Joel Pollak")."""
    while start < end and (doc[start].text in POSSESSIVE_ENDINGS or doc[start].is_punct):
        start += 1
    if label == "PERSON":
        for i in range(start + 1, end - 1):
            if doc[i].text in POSSESSIVE_ENDINGS:
                start = i + 1
    if label == "ORG":
        for i in range(start + 1, end - 1):
            if doc[i].text in POSSESSIVE_ENDINGS and is_known_place(doc[start:i].text):
                return i + 1  # "Iraq’s Water Resources Ministry" is the ministry
    return start


def fix_labels(doc: Doc, mentions: list[Mention], text: str) -> None:
    """Relabel mentions where the text shows NER's slip, then settle each surface's label."""
    full_names = [m for m in mentions if m.label == "PERSON" and len(name_tokens(m.text)) > 1]
    surnames = {surname(m.text).lower() for m in full_names}
    groups = _groups_by_surface(mentions)
    for group in groups.values():
        if any(_is_organisation_here(doc, m) for m in group):
            for m in group:
                if m.honorific is None and m.label in CONFUSABLE_LABELS - {"NORP"}:
                    m.label = "ORG"
    mentions[:] = [m for m in mentions if not _family_plural(m, surnames)]
    organisations = [fold(m.text) for m in mentions if m.label == "ORG"]
    sites = [(fold(m.text), m.label) for m in mentions if m.label in PLACE_LABELS and " " in m.text]
    for m in mentions:
        if _leads_an_organisation(m, organisations, surnames):
            m.label = "ORG"  # "Hengfeng" beside "Hengfeng Holdings": the company, not a person
        elif (site := _site_opened(m, sites, surnames)) is not None:
            m.label = site  # "at Coldharbour" beside "Coldharbour Park": the ground
        elif m.label in CONFUSABLE_LABELS - {"NORP", "PERSON"} and _named_like_a_person(doc, m):
            m.label = "PERSON"  # "Sofia Petrakis, a nurse at the clinic, said" tagged ORG
            full_names.append(m)
            surnames.add(surname(m.text).lower())
    for m in mentions:
        if m.label != "PERSON" and m.text.lower() in surnames and _is_person_here(doc, m):
            m.label = "PERSON"  # "O’Malley" tagged ORG beside "Martin O’Malley"
    _settle_surfaces(groups, full_names, text)


def _groups_by_surface(mentions: list[Mention]) -> dict[str, list[Mention]]:
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label in CONFUSABLE_LABELS:
            by_key.setdefault(fold(" ".join(name_tokens(m.text))), []).append(m)
    return by_key


def fold(text: str) -> str:
    """A comparison key for names: lower case, straight apostrophe, no "the", no possessive."""
    text = text.replace("’", "'").lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"'s?$", "", text).strip()


def _root(doc: Doc, m: Mention) -> Token | None:
    span: Span | None = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None else None


def _is_organisation_here(doc: Doc, m: Mention) -> bool:
    """ "The power company Westgrid", "seen by Northwire", "a Westgrid engineer"."""
    if m.label not in ("GPE", "LOC", "FAC", "PERSON") or len(name_tokens(m.text)) > 2:
        return False
    root = _root(doc, m)
    if root is None:
        return False
    if m.label == "PERSON":
        return _organisation_named_beside(root) or _described_as_organisation(root)
    if root.dep_ == "appos" and root.head.lemma_.lower() in ORG_NOUNS and root.head.i < root.i:
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return root.head.head.lemma_.lower() in _AGENT_VERBS
    return root.dep_ == "compound" and root.head.lower_ in STAFF_NOUNS


def _organisation_named_beside(root: Token) -> bool:
    """A name tagged PERSON standing beside an organisation noun ("the power company
    Westgrid"), unless it reads as a person's name: a given name and a surname ("the theater
    producer Charles Frohman"), or a name after a comma that may stand beside the noun the
    organisation hangs from ("the owner of the Woodmont Country Club, Mark Schmidt,")."""
    if root.dep_ != "appos" or root.head.lemma_.lower() not in ORG_NOUNS or root.head.i > root.i:
        return False
    name = root.doc[root.left_edge.i : root.i + 1]
    if _full_personal_name(name.text):
        return False
    after_comma = name.start > 0 and root.doc[name.start - 1].text == ","
    return not (after_comma and len(name) > 1 and root.head.dep_ == "pobj")


def _described_as_organisation(root: Token) -> bool:
    """ "Saraiva Engenharia, a construction company based in Porto": an apposition that is an
    organisation noun, unless the name reads as a person's."""
    name = root.doc[root.left_edge.i : root.i + 1]
    if _full_personal_name(name.text):
        return False
    return any(c.dep_ == "appos" and c.lemma_.lower() in ORG_NOUNS for c in root.children)


def _full_personal_name(text: str) -> bool:
    """Two or three capitalised words opening with a common given name: "Steven Law"."""
    words = text.split()
    return 2 <= len(words) <= 3 and is_given_name(words[0]) and words[-1][:1].isupper()


def _is_person_here(doc: Doc, m: Mention) -> bool:
    """A surname NER tagged ORG is the person; one tagged a place the gazetteer knows only
    where it acts as one (it owns something or speaks: "Kasich joked"); one tagged a
    nationality, a title or an event ("Cuban said", '"…," Trump tweeted') wherever it is a
    subject or an owner."""
    if m.label == "ORG":
        return True
    root = _root(doc, m)
    if root is None or root.tag_ in ("NNS", "NNPS"):
        return False
    if any(child.tag_ == "POS" for child in root.children):
        return m.label in PLACE_LABELS or m.label in _NAME_LOOKALIKES
    if m.label in PLACE_LABELS:
        # "ordered Villanueva to repay": the person's surname, wherever it is neither a
        # country, a capital nor a state, nor read after "in", "from" or "to".
        in_place_phrase = root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS
        if not is_known_place(m.text) and not in_place_phrase:
            return True
        return root.dep_ == "nsubj" and root.head.lemma_ in REPORTING_VERBS
    return m.label in _NAME_LOOKALIKES and root.dep_ in SUBJECT_DEPS


# Labels the small model gives a surname after a quotation mark or a capitalised adjective.
_NAME_LOOKALIKES = word_set("NORP WORK_OF_ART EVENT PRODUCT LAW")


def _family_plural(m: Mention, surnames: set[str]) -> bool:
    """ "the Jansens", "the Lees": a family, not one person nor an organisation."""
    word = m.text.lower()
    return " " not in word and word.endswith("s") and word[:-1] in surnames


def _site_opened(m: Mention, sites: list[tuple[str, str]], surnames: set[str]) -> str | None:
    """The label of the building, ground or place whose name a lone word tagged a person
    opens elsewhere ("Coldharbour" beside "Coldharbour Park"), or None."""
    if m.label != "PERSON" or m.honorific is not None or len(m.text.split()) != 1:
        return None
    key = fold(m.text)
    if key in surnames:
        return None
    return next((label for name, label in sites if name.startswith(key + " ")), None)


def _leads_an_organisation(m: Mention, organisations: list[str], surnames: set[str]) -> bool:
    """A lone name tagged a person, or a place no gazetteer knows, that opens an organisation's
    name elsewhere in the text ("Hengfeng" beside "Hengfeng Holdings"); not the surname of a
    person named in full ("Saraiva" beside Rui Saraiva and Saraiva Engenharia)."""
    if m.honorific is not None or len(m.text.split()) != 1:
        return False
    key = fold(m.text)
    if m.label == "PERSON":
        return key not in surnames and any(org.startswith(key + " ") for org in organisations)
    if m.label not in PLACE_LABELS or is_known_place(m.text):
        return False
    # A place opens the names of its library and council too ("Boston Public Library"); only
    # a company's name makes the lone word that company.
    return any(
        org.startswith(key + " ") and org.split()[-1] in COMPANY_ENDINGS for org in organisations
    )


def _described_by_who(root: Token) -> bool:
    """A name with a relative clause opened by "who": people are "who", places "which". The
    clause may hang on the noun the name stands beside ("Her neighbour Magnus Halvorsen, who")."""
    holders = [root, root.head] if root.dep_ == "appos" else [root]
    for clause in (c for holder in holders for c in holder.children):
        if clause.dep_ == "relcl" and any(c.lower_ in ("who", "whom") for c in clause.children):
            return True
    return False


def _named_like_a_person(doc: Doc, m: Mention) -> bool:
    """A given name and a surname that speak or are described as someone ("Sofia Petrakis, a
    nurse, said"), or any name a "who" clause describes; not "Victoria Station" nor "Maria
    Hospital", whose last word names a thing."""
    words = m.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if words[-1].lower() in _NOT_A_SURNAME or ends_in_a_country(words):
        return False
    root = _root(doc, m)
    if root is None:
        return False
    if _described_by_who(root):
        return True  # "Magnus Halvorsen, who has fished for crab for three decades"
    speaks = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in COMMON_REPORTING_VERBS
    described = any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_ not in ORG_NOUNS for c in root.children
    )
    if speaks and described:
        return True  # "Ama Owusu, an economist at Databank, said": whatever the given name
    family_first = len(words) == 2 and words[0].lower() in EAST_ASIAN_SURNAMES
    if given_name_gender(words[0]) is None and not family_first:
        return False
    return speaks or described


def _settle_surfaces(
    groups: dict[str, list[Mention]], full_names: list[Mention], text: str
) -> None:
    """Give a surface NER labelled inconsistently its majority label; the dateline is a place."""
    place = dateline_place(text)
    place_key = fold(place) if place else None
    for key, group in groups.items():
        if key == place_key:
            for m in group:
                if m.honorific is None:
                    m.label = "GPE"
            continue
        labels = {m.label for m in group}
        if "PERSON" not in labels and is_known_place(key):
            for m in group:
                m.label = "GPE"  # "Oslo said in a statement": the government, but a place
            continue
        if len(labels) < 2:
            continue
        if len(key.split()) == 1 and any(is_alias_of(key, f.text) for f in full_names):
            continue  # "Jordan" the country beside "Michael Jordan": trust NER per mention
        votes = Counter(m.label for m in group)
        best = max(votes.values())
        winner = next(lab for lab in _TIE_ORDER if votes.get(lab) == best)
        if votes.get("PERSON") == best and _full_personal_name(group[0].text):
            winner = "PERSON"  # "Victor Pinchuk" tagged a person once and an organisation once
        if "GPE" in labels and "PERSON" not in labels:
            winner = "GPE"  # "Idaho had asked": a place standing for its government is a place
        for m in group:
            if m.honorific is None or winner == "PERSON":
                m.label = winner
