"""Who said each direct quote: cue verbs in the parse, speakers resolved to canonical names."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from analysis.cues import (
    NOT_SPEAKER_LABELS,
    as_they_put_it,
    introducing_paragraph,
    name_head,
    signature_below,
    token_index_at,
    verb_right_before,
)
from analysis.given_names import given_name_gender
from analysis.lexicon import REPORTING_NOUNS, REPORTING_VERBS, SPEAKER_PRONOUNS
from analysis.names import honorific_gender, is_alias_of, is_honorific, pronoun_gender
from analysis.pronouns import Person, SpokenBefore, subject_antecedent
from analysis.quotes import QuoteSpan, find_quote_spans, is_direct_quote
from analysis.types import EntityCluster, Quote

_SUBJECTS = {"nsubj", "nsubjpass"}
_ASPECTUAL = {"continue", "agree", "repeat", "answer", "call", "read"}
_OBJECTS = {"dobj", "dative", "iobj", "pobj", "attr", "oprd"}
# Clauses whose subject is their head's: "adding", "and added", "went on to say".
_SUBJECTLESS = {"advcl", "conj", "xcomp", "pcomp", "acl", "ccomp", "relcl"}
_SENTENCE_ENDS = {".", "!", "?"}
_SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


@dataclass(frozen=True)
class Attribution:
    """What the text says about a quote's source: the speaker token and the cue as written."""

    speaker: Token | None
    cue: str


@dataclass
class _Speaker:
    name: str | None
    description: str | None
    cue: str | None
    gender: str | None = None
    label: str | None = None


def attribute_quotes(doc: Doc, clusters: list[EntityCluster]) -> list[Quote]:
    """The direct quotes of a parsed article, each with its speaker, in text order."""
    text = doc.text
    spans = [s for s in find_quote_spans(text) if is_direct_quote(text, s)]
    resolver = _Resolver(doc, clusters)
    resolver.quoted = [(s.open_mark, s.end + 1) for s in spans]
    speakers: list[_Speaker | None] = []
    for index, span in enumerate(spans):
        previous = spans[index - 1] if index else None
        following = spans[index + 1] if index + 1 < len(spans) else None
        attribution = find_attribution(doc, span, previous, following)
        speaker = resolver.resolve(attribution, span) if attribution else None
        if speaker is None and index:
            speaker = _inherited(text, span, previous, speakers[-1])
        speakers.append(speaker)
        if speaker is not None and speaker.name is not None:
            resolver.last_speakers.append((span.start, speaker))
    _share_within_runs(spans, speakers)
    return [_quote(text, span, speaker) for span, speaker in zip(spans, speakers, strict=True)]


def _quote(text: str, span: QuoteSpan, speaker: _Speaker | None) -> Quote:
    if speaker is None:
        return Quote(text[span.start : span.end], span.start, span.end, None)
    return Quote(
        text[span.start : span.end],
        span.start,
        span.end,
        speaker.name,
        None if speaker.name else speaker.description,
        speaker.cue,
    )


def _inherited(
    text: str, span: QuoteSpan, previous: QuoteSpan | None, last: _Speaker | None
) -> _Speaker | None:
    """A quote with no cue of its own keeps the previous speaker where the text runs on.

    Same paragraph (`"…," he said. "…"`), or a paragraph holding nothing but the quote.
    """
    if previous is None or last is None:
        return None
    between = text[previous.end : span.open_mark]
    if "\n" not in between or span.continued:
        return last
    if _paragraph_is_only_quotes(text, span):
        return last
    return None


def _paragraph_is_only_quotes(text: str, span: QuoteSpan) -> bool:
    """Whether the words of span's paragraph outside the quote are nothing but its marks."""
    p_start = text.rfind("\n", 0, span.open_mark) + 1
    p_end = text.find("\n", span.end)
    p_end = len(text) if p_end < 0 else p_end
    outside = text[p_start : span.open_mark] + text[span.end + 1 : p_end]
    return not any(ch.isalnum() for ch in outside)


def _share_within_runs(spans: list[QuoteSpan], speakers: list[_Speaker | None]) -> None:
    """Paragraphs of one multi-paragraph quote share the speaker found in any of them."""
    run_start = 0
    for index in range(1, len(spans) + 1):
        if index < len(spans) and spans[index].continued:
            continue
        found = next((s for s in speakers[run_start:index] if s is not None), None)
        if found is not None:
            for member in range(run_start, index):
                speakers[member] = speakers[member] or found
        run_start = index


def find_attribution(
    doc: Doc, span: QuoteSpan, previous: QuoteSpan | None, following: QuoteSpan | None
) -> Attribution | None:
    """The cue and speaker token the sentence around a quote gives it, if any."""
    after = _after_window(doc, span, following)
    before = _before_window(doc, span, previous)
    content = doc.text[span.start : span.end].rstrip()
    ends_like_speech = content.endswith((",", "?", "!", "—", "–", "-", "..."))
    # A quote ending in a comma ('"…," she said') or standing first takes the clause after it;
    # a partial quote inside the reporter's sentence takes the sentence's own cue first.
    after_first = bool(after) and (ends_like_speech or not before)
    may_use_after = bool(after) and not content.endswith(".")
    dashed = _dash_signature(after) or _signed_below(doc, span)
    if dashed is not None:
        return dashed
    if after_first:
        found = _cue_in(after, near_end=False)
        if found is None and ends_like_speech:
            found = _bare_verb_after(after)
        if found is not None:
            return found
    ancestors = _ancestors_outside(doc, span)
    return (
        _aside(before)
        or _verb_leading_in(before)
        or _governing_cue(ancestors, span)
        or _cue_in(before, near_end=True)
        or _colon_introduction(before)
        or (_cue_in(after, near_end=False) if may_use_after and not after_first else None)
        or (_clause_subject(ancestors, span) if before else None)
        or _cue_in(_previous_sentence(doc, before, span, previous), near_end=True)
        or (None if span.continued else _introduced_above(doc, span))
    )


def _signed_below(doc: Doc, span: QuoteSpan) -> Attribution | None:
    name = signature_below(doc, span.end)
    return Attribution(name, "—") if name is not None else None


def _aside(before: list[Token]) -> Attribution | None:
    """'As Vulture put it, "…"': the subject of the aside speaks."""
    found = as_they_put_it(before)
    return Attribution(found[0], _cue_text(found[1])) if found else None


def _verb_leading_in(before: list[Token]) -> Attribution | None:
    """'Hillary shot back, "…"': any verb right before the quote, with a named subject."""
    verb = verb_right_before(before)
    if verb is None:
        return None
    subject = _subject_of(verb, before)
    # "Trump said, and I quote, "…"": the writer's own aside names no speaker.
    if subject is None or not _names_someone(subject) or subject.lower_ in {"i", "we"}:
        return None
    return Attribution(subject, _cue_text(verb))


def _names_someone(token: Token) -> bool:
    if token.ent_type_ in NOT_SPEAKER_LABELS:
        return False
    return token.pos_ == "PROPN" or token.lower_ in SPEAKER_PRONOUNS


def _introduced_above(doc: Doc, span: QuoteSpan) -> Attribution | None:
    """'Cruz continued:' closing the paragraph above a quote that opens its own."""
    above = introducing_paragraph(doc, span.open_mark)
    if not above:
        return None
    return _cue_in(above, near_end=True) or _colon_introduction(above)


def _dash_signature(after: list[Token]) -> Attribution | None:
    """'"…" ― Martha Aguilar': a name signed after a dash."""
    if len(after) < 2 or after[0].text not in {"―", "—", "–", "-", "--"}:
        return None
    name = after[1]
    if name.pos_ != "PROPN":
        return None
    while name.dep_ in {"compound", "flat"} and name.head.i == name.i + 1:
        name = name.head
    return Attribution(name, after[0].text)


def _bare_verb_after(after: list[Token]) -> Attribution | None:
    """'"…," Oliver barked': a short clause after the quote is its attribution, any verb."""
    short = after[:6]
    for token in short:
        if token.pos_ == "VERB":
            subject = _subject_of(token, short)
            if subject is not None and subject.pos_ in {"PROPN", "PRON"}:
                return Attribution(subject, _cue_text(token))
            return None
    return None


def _colon_introduction(before: list[Token]) -> Attribution | None:
    """'The minister was blunt: "…"', 'Pew Research: "…"': who the colon introduces."""
    if not before or before[-1].text != ":":
        return None
    verb = before[-1].head
    subject = _subject_of(verb, before) if verb.pos_ in {"VERB", "AUX"} else None
    if subject is not None and subject.pos_ in {"PROPN", "PRON", "NOUN"}:
        return Attribution(subject, verb.text)
    named = [t for t in before if t.ent_type_ in _SPEAKER_LABELS]
    return Attribution(named[-1], ":") if named else None


def _ancestors_outside(doc: Doc, span: QuoteSpan) -> list[Token]:
    """The verbs governing the quote's first word that stand before it, lowest first."""
    index = token_index_at(doc, span.start)
    if index >= len(doc):
        return []
    paragraph_start = doc.text.rfind("\n", 0, span.open_mark) + 1
    chain = [t for t in doc[index].ancestors if t.pos_ in {"VERB", "AUX"}]
    return [t for t in chain[:8] if paragraph_start <= t.idx < span.open_mark]


def _subjects_before(verb: Token, span: QuoteSpan) -> list[Token]:
    paragraph_start = verb.doc.text.rfind("\n", 0, span.open_mark) + 1
    return [
        c
        for c in verb.children
        if c.dep_ in _SUBJECTS and paragraph_start <= c.idx < span.open_mark
    ]


def _governing_cue(ancestors: list[Token], span: QuoteSpan) -> Attribution | None:
    """'Cruz said he is sure Rubio will be "a champion"': the reporting verb above the quote."""
    for verb in ancestors:
        if _is_cue_verb(verb):
            subjects = _subjects_before(verb, span) or _borrowed_subject(verb, span)
            if subjects:
                return Attribution(subjects[0], _cue_text(verb))
    return None


def _borrowed_subject(verb: Token, span: QuoteSpan) -> list[Token]:
    """'…, adding that "…"': the subject of the clause the participle hangs on."""
    current = verb
    for _ in range(3):
        if current.dep_ not in _SUBJECTLESS or current.head is current:
            return []
        current = current.head
        subjects = _subjects_before(current, span)
        if subjects:
            return subjects
    return []


def _clause_subject(ancestors: list[Token], span: QuoteSpan) -> Attribution | None:
    """A partial quote woven into a sentence ('Clinton decried the GOP for "turning its back"'):
    the named subject of the outermost clause that holds it."""
    for verb in reversed(ancestors):
        subjects = _subjects_before(verb, span)
        if subjects:
            subject = subjects[0]
            named = subject.pos_ == "PROPN" or subject.ent_type_ in _SPEAKER_LABELS
            if named or subject.lower_ in SPEAKER_PRONOUNS:
                return Attribution(subject, verb.text)
            return None
    return None


def _previous_sentence(
    doc: Doc, before: list[Token], span: QuoteSpan, previous: QuoteSpan | None
) -> list[Token]:
    """The sentence before the quote's own, inside its paragraph: '"…," he said. "…"'."""
    index = (before[0].i if before else token_index_at(doc, span.open_mark)) - 1
    while index >= 0 and (_is_mark(doc[index]) or doc[index].is_space):
        if "\n" in doc[index].text:
            return []
        index -= 1
    if index < 0 or doc[index].text not in _SENTENCE_ENDS:
        return []
    floor = previous.open_mark if previous else 0
    tokens: list[Token] = []
    index -= 1
    while index >= 0:
        token = doc[index]
        if token.idx < floor or "\n" in token.text or token.text in _SENTENCE_ENDS:
            break
        tokens.append(token)
        index -= 1
    tokens.reverse()
    return [t for t in tokens if not _is_mark(t) and not _inside(t, previous)]


def _inside(token: Token, span: QuoteSpan | None) -> bool:
    return span is not None and span.start <= token.idx < span.end


def _after_window(doc: Doc, span: QuoteSpan, following: QuoteSpan | None) -> list[Token]:
    """Tokens after the closing mark up to the sentence's end, the next quote or paragraph."""
    if span.close_mark is None:
        return []
    limit = following.open_mark if following else len(doc.text)
    tokens: list[Token] = []
    for token in _tokens_from(doc, span.close_mark + 1):
        if token.idx >= limit or "\n" in token.text:
            break
        if token.text in _SENTENCE_ENDS:
            break
        tokens.append(token)
    return [t for t in tokens if not _is_mark(t)]


def _before_window(doc: Doc, span: QuoteSpan, previous: QuoteSpan | None) -> list[Token]:
    """Tokens before the opening mark back to the sentence's start, a quote or paragraph."""
    floor = previous.end + 1 if previous else 0
    tokens: list[Token] = []
    index = token_index_at(doc, span.open_mark) - 1
    while index >= 0:
        token = doc[index]
        if token.idx < floor or "\n" in token.text or token.text in _SENTENCE_ENDS:
            break
        tokens.append(token)
        index -= 1
    tokens.reverse()
    return [t for t in tokens if not _is_mark(t)]


def _is_mark(token: Token) -> bool:
    return token.text in {'"', "“", "”", "''", "``", "'", "‘", "’"}


def _tokens_from(doc: Doc, char: int) -> list[Token]:
    start = token_index_at(doc, char)
    return list(doc[start:]) if start < len(doc) else []


def _cue_in(window: list[Token], near_end: bool) -> Attribution | None:
    """The reporting cue of a window, nearest the quote first, with its speaker token."""
    ordered = list(reversed(window)) if near_end else window
    # A main clause's verb reports before one tucked into a subordinate clause
    # ('…, said Murphy, using a term Rubio has used to describe him').
    ordered = sorted(ordered, key=lambda t: t.dep_ not in {"ROOT", "conj"})
    for token in ordered:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if to.lower_ == "to" and objects:
                return Attribution(objects[0], "according to")
        if _is_cue_verb(token):
            subject = _subject_of(token, window)
            if subject is not None:
                return Attribution(subject, _cue_text(token))
    for token in ordered:
        if token.lemma_.lower() in REPORTING_NOUNS and token.head.lower_ == "in":
            holder = _subject_of(token.head.head, window)
            if holder is not None:
                return Attribution(holder, f"in a {token.lower_}")
    return None


def _is_cue_verb(token: Token) -> bool:
    """A reporting verb; "continue to be" and its like only report when they stand alone."""
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in REPORTING_VERBS:
        return False
    # "vowed to bomb" still reports; "continued to be", "agreed to run" do not.
    if token.lemma_.lower() not in _ASPECTUAL:
        return True
    return not any(c.dep_ == "xcomp" for c in token.children)


def _cue_text(verb: Token) -> str:
    """The cue as written: the verb with its particle ("pointed out")."""
    particles = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return verb.text + (" " + particles[0].text if particles else "")


def _subject_of(verb: Token, window: list[Token]) -> Token | None:
    """The verb's subject, climbing through clauses that borrow their head's subject."""
    in_window = {t.i for t in window}
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in _SUBJECTS and c.i in in_window]
        if subjects:
            return subjects[0]
        if current.dep_ == "acl" and current.head.pos_ == "PROPN":
            return current.head  # 'footage of Hillary Clinton asking, "…"'
        if current.dep_ not in _SUBJECTLESS or current.head is current:
            break
        current = current.head
    # "…," said Martin Indyk: the parser may hang the name on the verb another way.
    # '"…," Ramos, 58, told AFP' parsed as a conjunction: the name before the verb speaks.
    # Never a date, a possessive, a modifier or a place inside a prepositional phrase.
    for token in window:
        if token.i < verb.i and _may_speak(token):
            return token
    # '"…," said a spokesman': a common noun only right behind the verb that follows the quote;
    # an object ('called Haley "…"') is the one spoken about, not the speaker.
    inverted = bool(window) and window[0].i == verb.i
    for token in verb.doc[verb.i + 1 : verb.i + 4]:
        if token.i not in in_window or (not inverted and name_head(token).dep_ in _OBJECTS):
            continue
        if token.pos_ in {"PROPN", "PRON"} or (inverted and token.pos_ == "NOUN"):
            return token
    return None


def _may_speak(token: Token) -> bool:
    """A proper name or pronoun that is not a date, number or the object of a preposition."""
    if token.pos_ != "PROPN" and token.lower_ not in SPEAKER_PRONOUNS:
        return False
    if token.ent_type_ in NOT_SPEAKER_LABELS:
        return False
    return name_head(token).dep_ not in {"pobj", "poss", "compound"}


class _Resolver:
    """Turns speaker tokens into canonical names with the article's entity clusters."""

    def __init__(self, doc: Doc, clusters: list[EntityCluster]) -> None:
        self.doc = doc
        self.clusters = clusters
        self.last_speakers: list[tuple[int, _Speaker]] = []
        self.unnamed: list[tuple[str, str]] = []  # (head lemma, description) in text order
        self.quoted: list[tuple[int, int]] = []  # the article's quotes, marks included

    def resolve(self, attribution: Attribution, span: QuoteSpan) -> _Speaker | None:
        """The speaker named, described or referred to by the attribution's token."""
        token = attribution.speaker
        if token is None:
            return None
        token = _appositive_name(token)
        if token.lower_ in SPEAKER_PRONOUNS:
            return self._pronoun(token, attribution.cue)
        cluster = self._cluster_at(token)
        if cluster is not None:
            gender = self._gender_of(cluster)
            return _Speaker(cluster.name, None, attribution.cue, gender, cluster.label)
        ent = _entity_of(token)
        if ent is not None:
            label = ent.label_
            name = ent.text if label != "PERSON" else self._canonical(ent.text)
            return _Speaker(_drop_article(name), None, attribution.cue, label=label)
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            name = _name_span(token).text
            return _Speaker(self._canonical(name), None, attribution.cue)
        return self._described(token, attribution.cue)

    def _cluster_at(self, token: Token) -> EntityCluster | None:
        start, end = token.idx, token.idx + len(token.text)
        for cluster in self.clusters:
            if any(s <= start and end <= e for s, e in cluster.spans):
                return cluster
        return None

    def _canonical(self, name: str) -> str:
        """The fullest earlier or later PERSON name this one is an alias of."""
        best = name
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and len(ent.text) > len(best) and is_alias_of(name, ent.text):
                best = ent.text
        return best

    def _gender_of(self, cluster: EntityCluster) -> str | None:
        for surface in cluster.surfaces:
            first = surface.split()[0] if surface.split() else ""
            if is_honorific(first) and honorific_gender(first):
                return honorific_gender(first)
        return given_name_gender(cluster.name.split()[0]) if cluster.name.split() else None

    def _person_at(self, token: Token) -> Person | None:
        """The person a name token belongs to, with the gender the article gives them."""
        cluster = self._cluster_at(token)
        if cluster is not None:
            return (
                Person(cluster.name, self._gender_of(cluster))
                if cluster.label == "PERSON"
                else None
            )
        ent = _entity_of(token)
        if ent is not None and ent.label_ == "PERSON":
            return Person(self._canonical(ent.text), _ent_gender(ent))
        return None

    def _pronoun(self, token: Token, cue: str) -> _Speaker | None:
        """He/she/they: the most recent compatible speaker or person before the pronoun."""
        gender = pronoun_gender(token.text)
        if gender is None:
            return None
        spoken = [
            SpokenBefore(pos, Person(s.name, s.gender))
            for pos, s in self.last_speakers
            if s.name and s.label in (None, "PERSON")
        ]
        found = subject_antecedent(token, gender, self._person_at, spoken, self.quoted)
        if found is not None:
            return _Speaker(found.name, None, cue, gender, "PERSON")
        candidates: list[tuple[int, str, str | None]] = [
            (pos, s.name, s.gender)
            for pos, s in self.last_speakers
            if s.name and s.label in (None, "PERSON")
        ]
        for cluster in self.clusters:
            if cluster.label == "PERSON":
                gender_of = self._gender_of(cluster)
                candidates.extend((s, cluster.name, gender_of) for s, _ in cluster.spans)
        if not self.clusters:
            candidates.extend(
                (e.start_char, self._canonical(e.text), _ent_gender(e))
                for e in self.doc.ents
                if e.label_ == "PERSON"
            )
        earlier = sorted((c for c in candidates if c[0] < token.idx), key=lambda c: c[0])
        for _, name, candidate_gender in reversed(earlier):
            if candidate_gender in (None, gender):
                return _Speaker(name, None, cue, gender, "PERSON")
        return None

    def _described(self, token: Token, cue: str) -> _Speaker:
        """A title or an unnamed source: resolved through an earlier apposition, else described."""
        description = _noun_phrase(token)
        for ent in _entities_within(token):
            if ent.label_ == "PERSON":
                cluster = self._cluster_at(ent.root)
                return _Speaker(cluster.name if cluster else self._canonical(ent.text), None, cue)
        definite = any(c.lower_ in {"the", "this", "that"} for c in token.children)
        if definite and token.tag_ in {"NN", "NNP"}:
            named = self._titled(token)
            if named is not None:
                return _Speaker(named, None, cue)
            # "the official" again: the unnamed source introduced earlier as "a senior official".
            earlier = [d for lemma, d in self.unnamed if lemma == token.lemma_.lower()]
            if earlier:
                return _Speaker(None, earlier[-1], cue)
            introduced = _indefinite_mention_before(token)
            if introduced is not None:
                return _Speaker(None, introduced, cue)
        self.unnamed.append((token.lemma_.lower(), description))
        return _Speaker(None, description, cue)

    def _titled_cluster(self, lemma: str, before: int) -> str | None:
        """The latest cluster given this title in one of its mentions before the position."""
        best: tuple[int, str] | None = None
        for cluster in self.clusters:
            for start, end in cluster.spans:
                if end > before:
                    break
                mention = self.doc.char_span(start, end, alignment_mode="expand")
                later = best is None or start > best[0]
                if later and mention is not None and _titled_in_text(mention, lemma):
                    best = (start, cluster.name)
        return best[1] if best else None

    def _titled(self, token: Token) -> str | None:
        """The entity the text gave this title earlier: description, apposition or compound."""
        lemma = token.lemma_.lower()
        for cluster in self.clusters:
            if cluster.description and lemma in cluster.description.lower().split():
                return cluster.name
        titled = self._titled_cluster(lemma, token.idx)
        if titled is not None:
            return titled
        for ent in reversed([e for e in self.doc.ents if e.end_char <= token.idx]):
            if ent.label_ not in _SPEAKER_LABELS:
                continue
            if ent.root.lemma_.lower() == lemma or _titled_in_text(ent, lemma):
                holder = self._cluster_at(ent.root)
                return holder.name if holder else self._canonical(ent.text)
        return None


def _titled_in_text(ent: Span, lemma: str) -> bool:
    """Whether the text gives ent this title: "Minister Park", "Park, the minister"."""
    root = ent.root
    related = list(root.children) + ([root.head] if root.dep_ == "appos" else [])
    for other in related:
        if other.dep_ in {"appos", "compound"} or other is root.head:
            if other.lemma_.lower() == lemma:
                return True
            if any(c.lemma_.lower() == lemma for c in other.subtree if c.i < root.i + 8):
                return True
    doc = ent.doc
    if any(t.lemma_.lower() == lemma for t in ent):
        return True  # "Superintendent Marcus Delgado" tagged title and all
    return ent.start > 0 and doc[ent.start - 1].lemma_.lower() == lemma


def _ent_gender(ent: Span) -> str | None:
    first = ent.doc[ent.start - 1] if ent.start > 0 else None
    if first is not None and is_honorific(first.text):
        return honorific_gender(first.text)
    return None


def _appositive_name(token: Token) -> Token:
    """'A spokesman, John Smith, said': the name in apposition speaks."""
    if token.pos_ != "PROPN":
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    return token


def _name_span(token: Token) -> Span:
    """The proper name around token: its compound and flat PROPN neighbours."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].pos_ == "PROPN"
        and token.doc[start - 1].head.i
        in (
            token.i,
            start,
        )
    ):
        start -= 1
    return token.doc[start : token.i + 1]


def _noun_phrase(token: Token) -> str:
    """The words describing an unnamed source: "a senior port official"."""
    start = token.left_edge.i
    end = token.i + 1
    for child in token.children:
        if child.dep_ == "prep" and child.i == end and child.lower_ in {"at", "of", "from", "in"}:
            end = child.right_edge.i + 1
    return token.doc[start:end].text


def _entity_of(token: Token) -> Span | None:
    """The named entity of a speaker label that token belongs to, if any."""
    if not token.ent_type_ or token.ent_type_ not in _SPEAKER_LABELS:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _drop_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _entities_within(token: Token) -> list[Span]:
    """Named entities inside a noun phrase's own words: "Speaker of the House Paul Ryan"."""
    start, end = token.left_edge.i, token.right_edge.i + 1
    return [e for e in token.doc.ents if start <= e.start and e.end <= end]


def _indefinite_mention_before(token: Token) -> str | None:
    """Where 'the official' was first introduced as 'a senior port official', that phrase."""
    lemma = token.lemma_.lower()
    for earlier in reversed(token.doc[: token.left_edge.i]):
        if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
            continue
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in earlier.children):
            phrase = _noun_phrase(earlier)
            return phrase[:1].lower() + phrase[1:]
    return None
