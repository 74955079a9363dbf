"""Finding quoted spans in raw text: quotation marks paired paragraph by paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from analysis.entities.names import is_honorific
from analysis.lexicon import ENDS_LIKE_A_SENTENCE, TITLE_CUE_WORDS

# Kinds a mark can take in its context.
OPEN, CLOSE, EITHER = "open", "close", "either"

# Double marks: curly, straight, and the ``…'' / ''…'' pairs of LaTeX and the New York Times.
# Three apostrophes are a nested single quote meeting a double one; `'''` is matched first.
_DOUBLE_MARK = re.compile(r"'''|''|``|[\"“”„«»]")
_DOUBLE_ONLY = re.compile(r"[\"“”„«»`]")
_SINGLE_MARK = re.compile(r"[‘’']")
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_INNER_SENTENCE_END = re.compile(r"([A-Za-z]*[a-z]{3})[.!?] +[A-Z]")  # not "Mr. Smith"
# Short words a title leaves in lower case: "Ports of the Future".
_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from"}
)
_OPENING_GLYPHS = {"“", "``", "„", "«", "‘"}
_CLOSING_GLYPHS = {"”", "»", "’"}
_OPENERS_BEFORE = set("([{—–-/")  # a mark after these opens, like after a space
_CLOSERS_AFTER = set(".,;:!?)]}—–-/…")  # a mark before these closes, like before a space


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted content text[start:end], between the mark at open_mark and the one at close_mark.

    `close_mark` is None when the paragraph ends inside the quote (a quote running on into the
    next paragraph); `continued` is True when this span carries on the previous paragraph's quote.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    continued: bool = False


@dataclass(frozen=True)
class _Mark:
    pos: int  # where the mark starts
    end: int  # where the mark ends
    kind: str  # OPEN, CLOSE or EITHER


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted span in text, in text order, one per paragraph for multi-paragraph quotes."""
    single_only = "''" not in text and not _DOUBLE_ONLY.search(text)
    pattern = _SINGLE_MARK if single_only else _DOUBLE_MARK
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    spans: list[QuoteSpan] = []
    carried_open = False  # the previous paragraph ended inside a quote
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = list(_marks_in(text, p_start, p_end, pattern, single_only))
        next_opens = index + 1 < len(paragraphs) and _starts_with_open(
            text, paragraphs[index + 1], pattern, single_only
        )
        found, carried_open = _pair_marks(text, p_start, p_end, marks, carried_open, next_opens)
        spans.extend(found)
    return spans


def _marks_in(
    text: str, p_start: int, p_end: int, pattern: re.Pattern[str], single_only: bool
) -> Iterator[_Mark]:
    """The quotation marks of one paragraph, each classified by its neighbours."""
    for match in pattern.finditer(text, p_start, p_end):
        pos, end = match.start(), match.end()
        glyph = match.group()
        if glyph == "'''":
            # A nested single mark beside a double one: keep the double part only.
            kind = _kind(text, pos, end, "''")
            if kind == CLOSE:
                pos += 1
            else:
                end -= 1
            yield _Mark(pos, end, kind)
            continue
        if single_only and _is_apostrophe(text, pos):
            continue
        yield _Mark(pos, end, _kind(text, pos, end, glyph))


def _kind(text: str, pos: int, end: int, glyph: str) -> str:
    """Whether a mark opens or closes, from its neighbours first and its shape second."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[end] if end < len(text) else " "
    can_open = not after.isspace() and (
        before.isspace() or before in _OPENERS_BEFORE or not _is_punct(after)
    )
    can_close = not before.isspace() and (
        after.isspace() or after in _CLOSERS_AFTER or not _is_punct(before)
    )
    if before.isspace() or before in "([{":
        can_close = False
    if after.isspace():
        can_open = False
    if before.isalnum() and after.isalnum():
        can_open = can_close = True  # word"word: only the pairing can tell
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    if glyph in _OPENING_GLYPHS:
        return OPEN
    if glyph in _CLOSING_GLYPHS:
        return CLOSE
    return EITHER


def _is_punct(char: str) -> bool:
    return not char.isalnum() and not char.isspace()


def _is_apostrophe(text: str, pos: int) -> bool:
    """A single mark inside a word (don't), before a year ('90s) or after a plural (Jones')."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    if after.isdigit() and (before.isspace() or pos == 0):
        return True
    return before in "sS" and pos > 1 and text[pos - 2].isalpha() and not after.isalnum()


def _starts_with_open(
    text: str, paragraph: tuple[int, int], pattern: re.Pattern[str], single_only: bool
) -> bool:
    """Whether a paragraph begins with an opening mark (a multi-paragraph quote goes on)."""
    p_start, p_end = paragraph
    stripped = len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
    first = next(_marks_in(text, p_start + stripped, p_end, pattern, single_only), None)
    return first is not None and first.pos == p_start + stripped and first.kind != CLOSE


def _pair_marks(
    text: str,
    p_start: int,
    p_end: int,
    marks: list[_Mark],
    carried_open: bool,
    next_opens: bool,
) -> tuple[list[QuoteSpan], bool]:
    """Pair one paragraph's marks into spans; return them and whether the quote runs on."""
    spans: list[QuoteSpan] = []
    opened: _Mark | None = None
    continued = False
    for position, mark in enumerate(marks):
        if opened is None:
            if mark.kind == CLOSE:
                if carried_open and not spans and position == 0:
                    # The writer did not repeat the opening mark: the quote began earlier.
                    spans.append(_span(text, p_start, mark.pos, p_start, mark.pos, True))
                continue
            opened = mark
            continued = carried_open and position == 0 and mark.pos == _first_char(text, p_start)
            continue
        if mark.kind == OPEN:
            # Unbalanced: the earlier mark was never closed; start again from this one.
            opened = mark
            continued = False
            continue
        spans.append(_span(text, opened.end, mark.pos, opened.pos, mark.pos, continued))
        opened = None
    if opened is None:
        return spans, False
    content_end = len(text[:p_end].rstrip())
    if next_opens or _reads_as_run_on(text, opened.end, content_end):
        spans.append(_span(text, opened.end, content_end, opened.pos, None, continued))
        return spans, next_opens
    return spans, False


def _first_char(text: str, p_start: int) -> int:
    """Position of a paragraph's first non-space character."""
    while p_start < len(text) and text[p_start].isspace():
        p_start += 1
    return p_start


def _reads_as_run_on(text: str, start: int, end: int) -> bool:
    """An unclosed quote kept to the paragraph's end: whole sentences, not a stray mark."""
    content = text[start:end]
    return len(_WORD.findall(content)) >= 3 and bool(ENDS_LIKE_A_SENTENCE.search(content))


def _span(
    text: str, start: int, end: int, open_mark: int, close_mark: int | None, continued: bool
) -> QuoteSpan:
    return QuoteSpan(start, max(start, end), open_mark, close_mark, continued)


def word_count(content: str) -> int:
    """Number of words in a piece of text (contractions count once)."""
    return len(_WORD.findall(content))


def is_direct_quote(text: str, span: QuoteSpan) -> bool:
    """A full quoted sentence or a partial quote of 3+ words, not a title, nickname or term."""
    content = text[span.start : span.end]
    words = _WORD.findall(content)
    if not words or text[span.open_mark - 1 : span.open_mark] == "=":
        return False  # '<tweet tweet-date="March 9, 2016">': a markup attribute, not speech
    if len(words) < 3:
        return _is_short_full_sentence(text, span, content)
    return not _looks_like_title(text, span, words)


def _is_short_full_sentence(text: str, span: QuoteSpan, content: str) -> bool:
    """ "No." or "Absolutely not!" standing as its own sentence, not a word woven into one."""
    stripped = content.strip()
    if not stripped or not stripped[0].isupper() or stripped[-1] not in ".!?,":
        return False
    before = text[: span.open_mark].rstrip()
    return not before or before[-1] in ".!?:\n"


def _looks_like_title(text: str, span: QuoteSpan, words: list[str]) -> bool:
    """A Title-Case phrase named by "the report", "titled", "called", "book", "film" and such."""
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    capitalised = [w for w in major if w[0].isupper() or w[0].isdigit()]
    if len(capitalised) < max(2, (len(major) * 2 + 2) // 3):
        return False
    content = text[span.start : span.end].rstrip()
    if content.endswith((".", "!", "?")) and not content.endswith("...") and len(words) > 5:
        return False  # a capitalised sentence is still a sentence
    if _has_inner_sentence_end(content):
        return False  # '“Like Tromso. Or Kirkenes,” Dahl said': titles hold no full stops
    before = text[max(0, span.open_mark - 40) : span.open_mark].lower()
    preceding = re.findall(r"[a-z]+", before)[-3:]
    return any(word in TITLE_CUE_WORDS for word in preceding) or _all_title_case(words)


def _all_title_case(words: list[str]) -> bool:
    """Every word capitalised apart from short joining words: a headline or title, not speech."""
    return len(words) <= 8 and all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)


def _has_inner_sentence_end(content: str) -> bool:
    """A full stop between sentences inside the content, not one ending an abbreviation
    ("Warner Bros. Pictures", "Capt. Marvel")."""
    return any(
        not is_honorific(m.group(1)) and m.group(1).lower() not in _ABBREVIATIONS
        for m in _INNER_SENTENCE_END.finditer(content)
    )


# Abbreviations that end in a full stop inside a title, beside the honorifics.
_ABBREVIATIONS = frozenset(
    [
        "bros",
        "corp",
        "dept",
        "govt",
        "assn",
        "univ",
        "intl",
        "natl",
        "blvd",
        "inc",
        "ltd",
        "est",
        "vol",
        "misc",
        "approx",
    ]
)
