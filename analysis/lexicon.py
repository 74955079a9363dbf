"""Word lists and label sets for quotes and attribution: reporting verbs, cue nouns, title words,
pronouns, the entity labels a speaker may have and the dependency labels the cues read."""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Lemmas of verbs that introduce what someone said or wrote. Verbs of mere thinking
# (believe, hope, feel) are left out: they attach opinions, not words, to their subject.
REPORTING_VERBS = _words(
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

# Nouns of "in a statement", "in an interview": the holder of the clause is the source.
REPORTING_NOUNS = _words(
    """
    statement interview tweet post email letter speech remarks release memo op-ed column
    essay message conference briefing hearing testimony video podcast
    """
)

# Words right before a quoted Title-Case phrase that make it a title, not speech.
TITLE_CUE_WORDS = _words(
    """
    report titled entitled called named dubbed book film movie song album show series
    article essay column editorial headline slogan campaign program programme play poem
    documentary novel memoir paper study survey hashtag phrase term label motto
    """
)

# Pronouns that can stand for a speaker as the subject of a cue verb.
SPEAKER_PRONOUNS = _words("he she they i we it")

# Entity labels a speaker may carry, and labels a speaker never has: a date or number is the
# wrong subject picked up.
SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
NOT_SPEAKER_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}

# Dependency labels of a verb's objects: the one spoken about, not the speaker.
OBJECT_DEPS = {"dobj", "dative", "iobj", "pobj", "attr", "oprd"}
# Clauses whose subject is their head's: "adding", "and added", "went on to say".
SUBJECTLESS_CLAUSES = {"advcl", "conj", "xcomp", "pcomp", "acl", "ccomp", "relcl"}
