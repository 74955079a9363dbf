"""The word lists, label sets and patterns more than one part of analysis reads, each defined
once: reporting verbs and nouns, pronouns, subordinators, the particles and possessive endings of
names, quotation marks, sentence ends, and the entity and dependency labels the cues read."""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """A set of the whitespace-separated words of a string (keeps long word lists readable)."""
    return frozenset(words.split())


# Lemmas of verbs that introduce what someone said or wrote. Verbs of mere thinking
# (believe, hope, feel) are left out: they attach opinions, not words, to their subject.
REPORTING_VERBS = word_set(
    """
    say tell add ask warn argue acknowledge write note insist explain reply recall stress
    state claim declare announce admit concede confirm deny suggest observe remark comment
    respond answer continue predict promise vow pledge urge caution complain lament boast
    joke quip muse mutter shout scream yell whisper cry exclaim tweet post report testify
    contend assert maintain allege charge accuse counter retort recount emphasize emphasise
    reiterate repeat conclude reflect agree disagree point mention concur advise recommend
    demand plead beg speculate estimate tout praise criticize criticise blast slam chide
    scoff sneer snap interject interrupt summarize summarise recollect reveal disclose
    divulge brag gush marvel rave thunder call describe dub label brand term read
    """
)

# The commonest of them, whose subject is a person all but always: entity fixes trust these to
# tell a lone capitalised word that speaks is a name. The full list is too wide for that: "read",
# "post", "report", "maintain", "charge", "call" have documents, places and teams as subjects.
COMMON_REPORTING_VERBS = word_set(
    "say tell add ask warn argue acknowledge write note insist explain claim state announce"
)

# Nouns of "in a statement", "in an interview": the holder of the clause is the source.
REPORTING_NOUNS = word_set(
    """
    statement interview tweet post email letter speech remarks release memo op-ed column
    essay message conference briefing hearing testimony video podcast
    """
)

# Documents that "say" what their owner wrote: "the IMF report stated", "a Treasury memo said".
DOCUMENT_NOUNS = word_set(
    """
    report statement study letter memo memorandum filing paper release survey analysis
    assessment document notice review audit
    """
)

# Words right before a quoted Title-Case phrase that make it a title, not speech.
TITLE_CUE_WORDS = word_set(
    """
    report titled entitled called named dubbed book film movie song album show series
    article essay column editorial headline slogan campaign program programme play poem
    documentary novel memoir paper study survey hashtag phrase term label motto
    """
)

# Pronouns that can stand for a speaker as the subject of a cue verb.
SPEAKER_PRONOUNS = word_set("he she they i we it")
# The object forms a speaker takes before a participle: "caught her saying, “…”".
OBJECT_PRONOUNS = word_set("him her them")
# Relative pronouns that open a clause about the noun before them ('Holm, who said "…"'); as
# objects they may also be "whom" ('Lind, whom Holm called "…"').
RELATIVE_PRONOUNS = word_set("who that which")
OBJECT_RELATIVES = RELATIVE_PRONOUNS | {"whom"}

# Subordinators that carry the reporter's own sentence on past a quote ('…," while trying to'),
# and every subordinator whose clause a trailing participle does not belong to ("after the
# senator won, remarking").
SENTENCE_GOING_ON = word_set("while as after before because when though although")
SUBORDINATORS = SENTENCE_GOING_ON | word_set("since once until if unless")

# Lower-case particles of a name: "von der Leyen", "de la Cruz", "al-Assad", "bin Salman".
NAME_PARTICLES = word_set(
    "de da di del della der den van von la le du dos das bin ibn ben al el st st. ter"
)
# Possessive endings, as a token and at the end of a word: "Park's", "Jones'".
POSSESSIVE_ENDINGS: tuple[str, ...] = ("'s", "’s", "'", "’")

# Quotation marks as tokens: double ones, every one, and those that close a quote.
DOUBLE_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
QUOTE_MARKS = DOUBLE_QUOTE_MARKS | {"'", "‘", "’"}
CLOSING_QUOTE_MARKS = frozenset({'"', "”", "''", "’"})

# Tokens that end a sentence, and a text that ends like one (closing marks and brackets after).
SENTENCE_ENDS = frozenset({".", "!", "?"})
ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")

# Entity labels a speaker may carry, and labels a speaker never has: a date or number is the
# wrong subject picked up.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
NOT_SPEAKER_LABELS = word_set("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY")

# Dependency labels of a subject, and of a verb's objects (the one spoken about, not the speaker).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dashes that may sign a quote: '"…" ― Martha Aguilar'.
SIGNATURE_DASHES = frozenset({"―", "—", "–", "-", "--"})
# The labels of places: a place speaks only as the subject of a reporting verb.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OBJECT_DEPS = word_set("dobj dative iobj pobj attr oprd")
# Clauses whose subject is their head's: "adding", "and added", "went on to say".
SUBJECTLESS_CLAUSES = word_set("advcl conj xcomp pcomp acl ccomp relcl")
