"""Attribution patterns inside a quote's sentence: the cue and the token naming the speaker."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.attribution.cue_verbs import (
    Attribution,
    cue_text,
    is_cue_verb,
    is_passive_naming,
    named_first,
    not_participle_host,
    subject_of,
)
from analysis.entities.given_names import is_given_name
from analysis.lexicon import (
    COMMON_REPORTING_VERBS,
    DOUBLE_QUOTE_MARKS,
    NOT_SPEAKER_LABELS,
    OBJECT_DEPS,
    OBJECT_PRONOUNS,
    REPORTING_NOUNS,
    REPORTING_VERBS,
    SPEAKER_LABELS,
    SPEAKER_PRONOUNS,
    SUBJECT_DEPS,
    SUBJECTLESS_CLAUSES,
    SUBORDINATORS,
)
from analysis.quotes.marks import QuoteSpan
from analysis.quotes.windows import subjects_before

_PHRASE_ENDS = frozenset({",", ".", ";", ":", "(", "—", "–"})
# Words a speech verb may carry between itself and the quote: "shot back, “…”".
_VERB_TAIL = {"back", "out", "up", "on", "in", "then", "again", "simply", "flatly", "only"}
# The longest phrase of time or place read between a reporting verb and the quote it opens.
_LONGEST_ADJUNCT = 8


def aside(before: list[Token]) -> Attribution | None:
    """'As Vulture put it, "…"': the subject of the aside speaks."""
    found = as_they_put_it(before)
    return Attribution(found[0], cue_text(found[1])) if found else None


def as_they_put_it(before: list[Token]) -> tuple[Token, Token] | None:
    """'As Vulture put it, "…"', 'As the band sang, "…"': the subject and verb of the aside."""
    for token in before:
        if token.lower_ != "as" or token.dep_ != "mark":
            continue
        verb = token.head
        if verb.pos_ != "VERB" or verb.i < token.i:
            continue
        lemma = verb.lemma_.lower()
        if lemma not in REPORTING_VERBS and lemma not in {"put", "sing"}:
            continue
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > token.i]
        after = [t for t in before if t.i > verb.i]
        rest = [t for t in after if t.lower_ != "it"]
        if subjects and rest and rest[0].text == ",":
            return subjects[0], verb
        # 'As the band sang back in the 1980s, "…"': the aside's own words run to the comma.
        inside = {t.i for t in verb.subtree}
        if subjects and rest and rest[-1].text == "," and all(t.i in inside for t in rest[:-1]):
            return subjects[0], verb
    return None


def verb_leading_in(before: list[Token]) -> Attribution | None:
    """'Hillary shot back, "…"': any verb right before the quote, with a named subject."""
    verb = verb_right_before(before)
    if verb is None:
        return None
    named_before = _named_just_before(verb)
    subject = subject_of(verb, before) or (named_before[0] if named_before else None)
    # "Trump said, and I quote, "…"": the writer's own aside names no speaker.
    if subject is None or not _names_someone(subject) or subject.lower_ in {"i", "we"}:
        return None
    return Attribution(subject, cue_text(verb))


def verb_right_before(before: list[Token]) -> Token | None:
    """'Hillary shot back, "…"': the verb that ends the clause leading into the quote."""
    index = len(before) - 1
    if index < 0 or before[index].text not in {",", ":"}:
        return None
    index -= 1
    # 'fired back forcefully:': particles and manner adverbs stand between the verb and the mark.
    while index >= 0 and (before[index].lower_ in _VERB_TAIL or _manner_adverb(before[index])):
        index -= 1
    verb = before[index] if index >= 0 else None
    if verb is not None and verb.pos_ != "VERB":
        verb = _reporting_verb_over_adjunct(before[: index + 1])
    if verb is None or verb.pos_ != "VERB" or verb.tag_ == "VBN":
        return None
    # "When she arrived, "…"": a subordinate clause only sets the scene.
    if any(c.dep_ == "mark" for c in verb.children):
        return None
    return verb


def _reporting_verb_over_adjunct(words: list[Token]) -> Token | None:
    """'Trump saying during the debate last week, "…"': a reporting verb whose own phrase of
    time or place (no comma inside) runs on to the mark before the quote."""
    for back, token in enumerate(reversed(words[:-1])):
        if token.is_punct or back > _LONGEST_ADJUNCT:
            return None
        if token.pos_ == "VERB":
            phrase = {t.i for t in token.subtree}
            runs_on = all(t.i in phrase for t in words if t.i > token.i)
            return token if runs_on and is_cue_verb(token) else None
    return None


def _manner_adverb(token: Token) -> bool:
    return token.pos_ == "ADV" and token.dep_ == "advmod" and token.lower_.endswith("ly")


def _names_someone(token: Token) -> bool:
    if token.ent_type_ in NOT_SPEAKER_LABELS:
        return False
    return token.pos_ == "PROPN" or token.lower_ in SPEAKER_PRONOUNS


def bare_verb_after(after: list[Token]) -> Attribution | None:
    """'"…," Oliver barked': a short clause after the quote is its attribution, any verb."""
    short = after[:6]
    for token in short:
        # '"…," Trump shot back' with the name tagged a verb: it is still the subject.
        if token.pos_ == "VERB" and token.dep_ not in SUBJECT_DEPS:
            subject = subject_of(token, short)
            if subject is not None and (subject.pos_ in {"PROPN", "PRON"} or _capitalised(subject)):
                return Attribution(subject, cue_text(token))
            return None
    return None


def inverted_cue_after(after: list[Token]) -> Attribution | None:
    """'"…," said the 81-year-old, who …': a reporting verb right after the quote and the
    noun phrase after it, even where the parse hung that phrase on a later verb."""
    words = [t for t in after if not t.is_space and t.text not in DOUBLE_QUOTE_MARKS]
    if len(words) < 2 or words[0].pos_ != "VERB":
        return None
    if words[0].lemma_.lower() not in COMMON_REPORTING_VERBS:
        return None
    phrase: list[Token] = []
    for token in words[1:]:
        if token.text in _PHRASE_ENDS:
            break
        phrase.append(token)
    inside = {t.i for t in phrase}
    roots = [t for t in phrase if t.head.i not in inside]
    if not phrase or len(phrase) > 8 or len(roots) != 1:
        return None
    if roots[0].pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return None
    return Attribution(roots[0], cue_text(words[0]))


def _capitalised(token: Token) -> bool:
    return token.dep_ in SUBJECT_DEPS and token.text[:1].isupper() and token.is_alpha


def statement_object(before: list[Token]) -> Attribution | None:
    """'Holm issued a statement: "…"': the one who issued, posted or sent the words."""
    words = [t for t in before if not t.is_space]
    if len(words) < 2 or words[-1].text not in {",", ":"}:
        return None
    noun = words[-2]
    if noun.lemma_.lower() not in REPORTING_NOUNS or noun.dep_ != "dobj":
        return None
    subject = subject_of(noun.head, words)
    if subject is None or subject.pos_ not in {"PROPN", "PRON"}:
        return None
    return Attribution(subject, f"{noun.head.text} {noun.text}")


def governing_cue(ancestors: list[Token], span: QuoteSpan) -> Attribution | None:
    """'Cruz said he is sure Rubio will be "a champion"': the reporting verb above the quote."""
    for index, verb in enumerate(ancestors):
        if is_cue_verb(verb):
            subjects = (
                subjects_before(verb, span)
                or _named_just_before(verb)
                or _borrowed_subject(verb, span)
            )
            if _thing_inside_report(subjects, ancestors[index + 1 :]):
                continue
            if subjects:
                return Attribution(named_first(subjects), cue_text(verb))
    return None


def _thing_inside_report(subjects: list[Token], higher: list[Token]) -> bool:
    """'Obama said it would tell a story, one of "…"': a thing telling, inside a clause that
    someone above reports, does not speak; the one reporting does."""
    return [s.lower_ for s in subjects] == ["it"] and any(is_cue_verb(v) for v in higher)


def _named_just_before(verb: Token) -> list[Token]:
    """'footage of Hillary Clinton asking, "…"', 'showed him saying': an '-ing' cue right
    after a name or an object pronoun, with no comma between, is that person speaking."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return []
    before = verb.doc[verb.i - 1]
    if before.pos_ == "PROPN" and _person_named(before):
        return [before]
    if before.lower_ in OBJECT_PRONOUNS and before.head.i != verb.i:
        return [before]
    return []


def subordinate_cue(ancestors: list[Token], span: QuoteSpan) -> Attribution | None:
    """'After Berg said poor students do better at "…," Holm said': the cue of the subordinate
    clause holding the quote speaks for it, not the main clause after it."""
    for verb in ancestors:
        if not is_cue_verb(verb):
            continue
        subjects = subjects_before(verb, span)
        if not subjects or not _in_subordinate_clause(verb):
            return None
        subject = named_first(subjects)
        if subject.pos_ == "PROPN" or subject.lower_ in SPEAKER_PRONOUNS:
            return Attribution(subject, cue_text(verb))
        return None
    return None


def _in_subordinate_clause(verb: Token) -> bool:
    """A clause opened by 'after', 'when', 'as'…, or 'what Holm called "…"'."""
    if any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children):
        return True
    return any(c.dep_ in OBJECT_DEPS and c.lower_ in {"what", "whom"} for c in verb.children)


def _person_named(name: Token) -> bool:
    """A name tagged a person, or one that opens with a given name the model tagged otherwise
    ('footage of Amara Okafor' as a place)."""
    if name.ent_type_ == "PERSON":
        return True
    first = min((c for c in name.children if c.dep_ == "compound"), key=lambda c: c.i, default=None)
    return first is not None and first.i < name.i and is_given_name(first.text)


def _borrowed_subject(verb: Token, span: QuoteSpan) -> list[Token]:
    """'…, adding that "…"': the subject of the clause the participle hangs on."""
    current = verb
    for _ in range(5):
        if current.dep_ not in SUBJECTLESS_CLAUSES or current.head is current:
            return []
        child, current = current, current.head
        if not_participle_host(verb, child, current):
            continue
        subjects = subjects_before(current, span)
        if subjects:
            return subjects
    return []


def clause_subject(ancestors: list[Token], span: QuoteSpan) -> Attribution | None:
    """A partial quote woven into a sentence ('Clinton decried the GOP for "turning its back"'):
    the named subject of the outermost clause that holds it, or of the clause that phrase hangs
    on ('Rubio, after pushing out a video about the "clash of civilizations," revamped …')."""
    held = _clause_subject(ancestors, span)
    if held is None and ancestors:
        host = _host_verb(ancestors[-1])
        if host is not None:
            held = _clause_subject([host], span)
    return held


def _host_verb(verb: Token) -> Token | None:
    """The verb a subjectless phrase hangs on: 'after pushing out …' hangs on 'revamped'."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or verb.dep_ != "pcomp":
        return None
    preposition = verb.head
    host = preposition.head
    if preposition.pos_ != "ADP" or host.pos_ not in {"VERB", "AUX"}:
        return None
    return host


def _clause_subject(ancestors: list[Token], span: QuoteSpan) -> Attribution | None:
    for verb in reversed(ancestors):
        if is_passive_naming(verb):
            return None
        # 'It has become such a presence that Sanders thanked them "…"': no one is 'it'.
        subjects = [s for s in subjects_before(verb, span) if s.lower_ != "it"]
        if subjects:
            subject = named_first(subjects)
            named = subject.pos_ == "PROPN" or subject.ent_type_ in SPEAKER_LABELS
            if named or subject.lower_ in SPEAKER_PRONOUNS:
                return Attribution(subject, verb.text)
            return None
    return None
