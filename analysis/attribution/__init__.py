"""Who said each direct quote: the cue patterns of the parse around it, tried in the fixed order
of a table of named rules (`rules`), and the fallbacks for quotes with no cue of their own.

`attribute` runs it over an article; `cue_verbs` finds reporting verbs and their subjects;
`sentence_cues` reads the quote's own sentence, `punctuation_cues` a colon, dash or signature,
`words_after` the clause after the quote, `sentence_goes_on` a sentence carried on past it,
`possessive_sources` words owned by their speaker ("in Holm's view"), `reporters` the reporter
above an embedded clause, `uncued` quotes with no cue (runs, the paragraph above).

Exports `attribute_quotes`, `find_attribution`, `Attribution`, `Rule` and `RULES`.
"""

from analysis.attribution.attribute import attribute_quotes
from analysis.attribution.cue_verbs import Attribution
from analysis.attribution.rules import RULES, Rule, find_attribution

__all__ = ["RULES", "Attribution", "Rule", "attribute_quotes", "find_attribution"]
