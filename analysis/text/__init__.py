"""The article as text rather than parse: the lines that are not its story (`boilerplate`), the
digest of two to four of its sentences (`digest`), answers to a question from stored
articles (`answer`), and a MinHash fingerprint of its wording that knows the same story in
another form (`fingerprints`, imported from its own module).

Exports `make_digest`, `boilerplate_ranges`, `best_passages` and `question_terms`.
"""

from analysis.text.answer import best_passages
from analysis.text.boilerplate import boilerplate_ranges
from analysis.text.digest import make_digest
from analysis.text.terms import question_terms

__all__ = ["best_passages", "boilerplate_ranges", "make_digest", "question_terms"]
