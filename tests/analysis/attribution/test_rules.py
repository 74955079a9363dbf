"""The attribution rule table: each quote records the rule that gave its speaker, by name."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.attribution import RULES, attribute_quotes, find_attribution
from analysis.attribution.reporters import REPORTER_ABOVE, REPORTER_ASIDE
from analysis.attribution.uncued import UNCUED_RULES
from analysis.entities import cluster_entities
from analysis.quotes import find_quote_spans

# One invented case at least for every rule of the table and every way an uncued quote gets
# its speaker: the rule each quote records, in text order (None: no speaker, no rule).
CASES = [
    ('Ada Holm spoke at the harbour on Monday. "We will win," she said.', ["clause right after"]),
    ('"We will win," Ada Holm said.', ["clause right after"]),
    ('"We will not give up the harbour." Ada Holm said.', ["clause right after"]),
    # No one for "she" to stand for: no speaker, so no rule either.
    ('"We will win," she said.', [None]),
    ('Holm said: "We will not give up the harbour."', ["verb leading in"]),
    ('Ada Holm said, "We will not give up the harbour."', ["verb leading in"]),
    (
        "Cruz said Trump represents “New York values,” stating that the party would lose, "
        "CNN reported.",
        ["cue beyond the sentence going on"],
    ),
    ('"We will not give up the harbour" - Ada Holm', ["dash signature"]),
    ("“Keep the night buses running.”\n\n- Aino Virtanen, Tampere", ["signed below"]),
    (
        'After Berg said that poor students might do better at "much smaller colleges," '
        'Holm said: "I do not like what he said."',
        ["subordinate clause cue", "verb leading in"],
    ),
    (
        "Ada Holm said she would make the harbour “shine in the dark,” for instance, and "
        "Nils Berg vowed to “sink the levy” before winter.",
        ["clause holding the quote, over the clause after", "reporting verb above"],
    ),
    (
        "Ada Holm denounced Nils Berg’s remarks as “hurtful and humiliating.”",
        ["clause holding the quote"],
    ),
    (
        "Mr. Berg, citing “the unique appeal of the harbour,” said the town could draw "
        "visitors from the whole coast.",
        ["cue straddling the quote"],
    ),
    ('"We will not give up the harbour," according to Ada Holm.', ["cue after"]),
    ('"Get off my boat," Ada Holm barked.', ["bare verb after"]),
    (
        "“We are not getting that water back in my lifetime or in his,” said the 81-year-old, "
        "who still drives a John Deere combine at harvest.",
        ["verb then speaker after"],
    ),
    ('Turnout rose - Ada Holm: "We will not give up the harbour."', ["name signed before a colon"]),
    ('As Ada Holm put it, "the harbour is ours and it stays ours."', ["as they put it"]),
    ('Ada Holm issued a statement: "We will not give up the harbour."', ["statement issued"]),
    ('Nils Berg said Ada Holm was "a danger to the whole harbour."', ["reporting verb above"]),
    (
        "Several mayors agreed, including the former mayor Ada Holm -- “The harbour is ours "
        "and it stays ours” -- and Nils Berg.",
        ["aside between dashes"],
    ),
    ("According to Tomas Berg, “the strike will cost the region dearly.”", ["cue before"]),
    (
        "When Holm arrived, the crowd cheered loudly: “If they sue us in a court in Miami, we "
        "will win.”",
        ["colon introduction"],
    ),
    (
        "When Ada Holm finally wrapped up — “I will fight for you, and I will win for you!” — "
        "the balloons came down.",
        ["dash introduction"],
    ),
    ('In Ada Holm\'s view, "the harbour is ours, it stays ours."', ["owner of the words before"]),
    ('Obama\'s "if you like your plan, you can keep it" promise.', ["owner around the quote"]),
    ('"We will not give up the harbour," in Ada Holm\'s view.', ["owner of the view after"]),
    (
        "The ferry was branded “a floating relic of the old harbour” last year, Ada Holm wrote.",
        ["cue later in the sentence"],
    ),
    (
        "And Ada Holm, after pushing out a new video about the “clash of two harbours,” "
        "revamped her plans for Monday.",
        ["subject of the sentence"],
    ),
    (
        '"We will not give up," Ada Holm said. "The harbour is ours and it stays ours."',
        ["clause right after", "cue in the sentence above"],
    ),
    (
        'Ada Holm continued:\n\n"We have to be tougher on the coast guard."',
        ["colon closing the paragraph above"],
    ),
    # Quotes with no cue of their own.
    (
        "Ingrid Solberg spoke only in slogans during the rally.\n\n“We will take the harbour "
        "back.”\n\n“Nobody will stop us this time.”",
        ["paragraph above", "previous quote runs on"],
    ),
    (
        "“We will not give up the harbour,” Ada Holm said. “We always win.”\n\nThe vote is on "
        "Monday.\n\n“Nobody can stop us now, not even the coast guard.”",
        ["clause right after", "cue in the sentence above", "previous speaker past the narrative"],
    ),
    (
        "“We will not give up the harbour, and we will not give up the boats.\n\n“We will fight "
        "on,” Ada Holm said.",
        ["shared within the run", "clause right after"],
    ),
    # The speaker found only heads a clause another speaker reports: the reporter, named so.
    (
        "Ada Holm says she would sit Berg down and tell him “no more nonsense” at the council.",
        [f"reporting verb above + {REPORTER_ABOVE}"],
    ),
    # A participle after the clause a verb reports is the reporter's: found at the source.
    (
        "Ada Holm told the council that she believes the town must act, saying that “the "
        "harbour still decides too much” in Lindholm.",
        ["reporting verb above"],
    ),
]


@pytest.mark.parametrize(("text", "rules"), CASES)
def test_each_quote_records_the_rule_that_gave_its_speaker(
    nlp: Language, text: str, rules: list[str | None]
) -> None:
    doc = nlp(text)
    assert [q.rule for q in attribute_quotes(doc, cluster_entities(doc))] == rules


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    every = [*names, *UNCUED_RULES, REPORTER_ABOVE, REPORTER_ASIDE]
    assert all(every) and len(every) == len(set(every))


def test_every_rule_has_a_case() -> None:
    recorded = {part for _, rules in CASES for rule in rules if rule for part in rule.split(" + ")}
    assert {rule.name for rule in RULES} | set(UNCUED_RULES) <= recorded


def test_find_attribution_names_its_rule(nlp: Language) -> None:
    text = '"We will win," Ada Holm said.'
    doc = nlp(text)
    span = find_quote_spans(text)[0]
    found = find_attribution(doc, span, None, None)
    assert found is not None and found.rule == "clause right after"
    assert found.speaker is not None and found.speaker.text == "Holm" and found.cue == "said"
