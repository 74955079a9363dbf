"""Long runs of punctuation broken up before spaCy's tokenizer, offsets kept.

spaCy's tokenizer strips prefixes and suffixes one character at a time, copying what is left
each time, so a run of marks with no space in it ('"' or '!' 10,000 times) costs time quadratic
in its length (10,000 marks: about 15 s, holding the GIL). Real writing never needs more than a
few marks in a row, so a longer run keeps its ends and has its inside replaced by spaces: the
text keeps its length, and every character offset still points into the original text.
"""

from __future__ import annotations

import re

# Longer runs than this are broken; "?!?!" or '."’' in real copy are far shorter.
LONGEST_MARK_RUN = 16
# Marks kept at each end of a broken run, so a quote that ends '!!!!"' still closes.
KEPT_AT_EACH_END = 4
_MARK_RUN = re.compile(rf"[^\w\s]{{{LONGEST_MARK_RUN + 1},}}")


def break_mark_runs(text: str) -> str:
    """The text with the inside of every long run of marks made spaces; same length."""
    return _MARK_RUN.sub(_spaced_inside, text)


def _spaced_inside(run: re.Match[str]) -> str:
    marks = run.group()
    inside = len(marks) - 2 * KEPT_AT_EACH_END
    return marks[:KEPT_AT_EACH_END] + " " * inside + marks[-KEPT_AT_EACH_END:]
