"""People, organisations and places: entity mentions collected and cleaned (`mentions`), NER's
slips corrected (`ner_fixes`), people clustered by name (`people`, with `names` and
`given_names`), organisations and places by form and acronym (`org_places`), mentions NER missed
added (`untagged`), descriptions from appositions (`descriptions`), and the clusters ranked into
Entities (`ranking`). `clustering` runs the whole.

Exports `cluster_entities` and `rank_entities`.
"""

from analysis.entities.clustering import cluster_entities
from analysis.entities.ranking import rank_entities

__all__ = ["cluster_entities", "rank_entities"]
