"""Turning the token a cue names into a speaker: a canonical name from the entity clusters, a
person a pronoun stands for (`pronouns`), a relative pronoun's antecedent or a surname the tagger
missed (`tokens`), or the description of an unnamed source (`resolver`).

Exports `Speaker` and `SpeakerResolver`.
"""

from analysis.speakers.resolver import Speaker, SpeakerResolver

__all__ = ["Speaker", "SpeakerResolver"]
