"""Finding the lines of an article that are not its story: bylines, contacts, captions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from intake.article import BYLINE_NAMES

# Lines that credit or contact the staff rather than tell the story.
_CREDIT_LINE = re.compile(
    r"""^\W{0,3}(?:
        (?:additional\s+)?(?:reporting|writing|editing|research|compiled|translated)\s+by\b
      | (?:written|edited|reported|produced|photographed)\s+by\b
      | (?:contact|e-?mail|reach)\s*(?:us|me|him|her|them|the\s+\w+)?\s*(?:at)?\s*:
      | follow\s.{0,60}\bon\s+(?:twitter|x|facebook|instagram|bluesky|threads|mastodon)\b
      | (?:photo|photograph|image|picture|video|graphic|illustration)s?\s*(?:credit)?\s*[:/]
      | image\s+(?:caption|source)\b
      | credit\s*(?:\.{2,}|…|:)
      | .{0,80}/\s*(?:the\s+new\s+york\s+times|getty\s+images|associated\s+press|ap
                     |reuters|afp|epa|bloomberg|pa(?:\s+media)?)\s*$
      | (?:comments?\s+(?:are|is)\s+(?:moderated|closed)|we\s+moderate\s+comments)
      | (?:read|see)\s+(?:more|also)\b
      | related\s*(?::|articles?|stories|coverage|topics)
      | (?:sign\s+up|subscribe)\b.{0,80}(?:newsletter|inbox)
      | sign\s+up\s+here\b
      | (?:copyright|©|\(c\)\s)
      | all\s+rights\s+reserved
      | our\s+standards\s*:
      | .{0,80}\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)
      | [A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}
        (?:\s*(?:,|and)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*
        \s+contributed\s+(?:additional\s+)?reporting(?:\s+from\s+[A-Z][\w.'’, -]*)?\.?\s*$
      | a\s+version\s+of\s+this\s+(?:article|story)\s+appears
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "By Maria Alvarez, Northwire": case matters here, or "By Monday, workers..." would match.
_BYLINE = re.compile(
    rf"^\W{{0,3}}(?:By|BY|by)\s+{BYLINE_NAMES}"
    r"(?:\s*(?:,|\||/|–|—|-|and|in)\s*[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*)*\s*$"
)
# Credits in brackets anywhere, usually at the end of the last paragraph.
_INLINE_CREDIT = re.compile(
    r"\((?:additional\s+)?(?:reporting|writing|editing)\s+by[^)]*\)"
    r"|\((?:AP|AFP|Reuters|Getty)?\s*Photo[^)]*\)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_HANDLE = re.compile(r"(?<!\w)@\w{2,}")
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_AGENCY_AND_DASH = r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[—–-]{1,2}(?:\s+|$)"
# "HARBOURTON, March 3 (Northwire) — ", "LONDON (Reuters) - ", "PARIS — ".
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’ -]{1,40}?)"
    r"(?:,\s*[A-Z][A-Za-z.'’ ]{0,30}?)?"
    rf"(?:,?\s*{_MONTH_DAY})?" + _AGENCY_AND_DASH
)
# A place in ordinary case ("Port Avery, Nov. 14 —") or none ("March 14 (Coastline Press) —")
# is a dateline only with its date: without one, "Smith — who ..." would be taken for one.
DATED_LINE = re.compile(
    r"^\s*(?:(?P<place>[A-Z][\w.'’ -]{1,40}?)(?:,\s*[A-Z][A-Za-z.'’ ]{0,30}?)?,?\s*)?"
    + _MONTH_DAY
    + _AGENCY_AND_DASH
)


def is_boilerplate_line(line: str) -> bool:
    """True for a byline, credit, contact, caption, comment-policy or "Read more" line."""
    stripped = line.strip()
    if not stripped:
        return False
    if _BYLINE.match(stripped) or _CREDIT_LINE.match(stripped):
        return True
    # A short line with an e-mail address or handle is a contact line, not story.
    return len(stripped.split()) <= 20 and bool(_EMAIL.search(stripped) or _HANDLE.search(stripped))


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text that are not the story, in text order."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if is_boilerplate_line(line):
            ranges.append((offset, offset + len(line)))
        offset += len(line)
    ranges.extend(m.span() for m in _INLINE_CREDIT.finditer(text))
    ranges.extend(m.span() for m in _EMAIL.finditer(text))
    ranges.extend(_dateline_agencies(text))
    ranges.sort()
    return ranges


def _datelines(text: str, lines_to_look: int = 6) -> Iterator[tuple[int, re.Match[str]]]:
    """Each dateline opening one of the article's first lines, with the line's offset."""
    offset = 0
    for line in text.splitlines(keepends=True)[:lines_to_look]:
        match = DATELINE.match(line) or DATED_LINE.match(line)
        if match:
            yield offset, match
        offset += len(line)


def _dateline_agencies(text: str) -> list[tuple[int, int]]:
    """The wire agency in a dateline ("(Northwire)") credits the copy; it is not in the story."""
    found: list[tuple[int, int]] = []
    for offset, match in _datelines(text):
        if match.group("agency"):
            start, end = match.span("agency")
            found.append((offset + start, offset + end))
    return found


def dateline_ranges(text: str) -> list[tuple[int, int]]:
    """Where datelines ("LONDON (Reuters) - ") open any of the article's first lines."""
    return [(offset, offset + match.end()) for offset, match in _datelines(text)]


def dateline_place(text: str) -> str | None:
    """The place named by the article's dateline, if one of its first lines opens with one."""
    for _, match in _datelines(text):
        if match.group("agency") and match.group("place"):
            return match.group("place").strip()
    return None


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """True when [start, end) overlaps any of the ranges (a short list, scanned linearly)."""
    return any(start < r_end and r_start < end for r_start, r_end in ranges)
