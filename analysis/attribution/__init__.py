"""Who said each direct quote: the cue patterns of the parse around it, tried in a fixed order,
and the fallbacks for quotes with no cue of their own.

`attribute` runs it over an article; `cue_verbs` finds reporting verbs and their subjects;
`sentence_cues` reads the quote's own sentence, `punctuation_cues` a colon, dash or signature,
`words_after` the clause after the quote, `sentence_goes_on` a sentence carried on past it,
`possessive_sources` words owned by their speaker ("in Holm's view"), `reporters` the reporter
above an embedded clause, `uncued` quotes with no cue (runs, the paragraph above).

Exports `attribute_quotes`, `find_attribution` and `Attribution`.
"""

from analysis.attribution.attribute import attribute_quotes, find_attribution
from analysis.attribution.cue_verbs import Attribution

__all__ = ["Attribution", "attribute_quotes", "find_attribution"]
