"""The digest: two to four sentences of the article, taken verbatim from its body."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from analysis.doc_text import text_of
from analysis.lexicon import ENDS_LIKE_A_SENTENCE, word_set
from analysis.text.boilerplate import boilerplate_ranges, dateline_ranges, in_ranges

MIN_WORDS = 5  # shorter pieces are labels, headings or fragments, not sentences
HEADLINE_MAX_WORDS = 25
_WORD = re.compile(r"[\w'’-]+")
_STOP = word_set(
    "a an the and or but of to in on at for with by from as is are was were be been has have"
    " had it its this that these those he she they we you i his her their our will would said"
    " says after over into about than more new"
)
_PRONOUNS = word_set("he she it they this these those his her its their we i")


@dataclass
class _Piece:
    start: int
    end: int
    text: str
    index: int  # position among the usable pieces
    entities: int

    @property
    def words(self) -> int:
        return len(self.text.split())


def make_digest(
    doc: Doc,
    title: str | None,
    quoted: Sequence[tuple[int, int]] = (),
    max_sentences: int = 4,
    max_words: int = 90,
) -> list[str]:
    """Two to four body sentences, lead first, about `max_words` words at most, in text order.

    `quoted` are the (start, end) of the quotes' text: no sentence from inside one is taken.
    With fewer than two usable sentences in the body, returns whatever there is (maybe none).
    """
    pieces = _usable_pieces(doc, title, quoted)
    if not pieces:
        return []
    lead = pieces[0]
    chosen = [lead]
    total = lead.words
    title_words = _content_words(title or "")
    ranked = sorted(pieces[1:], key=lambda p: -_score(p, len(pieces), title_words))
    for piece in ranked:
        if len(chosen) >= max_sentences:
            break
        if total + piece.words <= max_words:
            chosen.append(piece)
            total += piece.words
    if len(chosen) < 2 and len(pieces) > 1:
        # A very long lead leaves no room; the shortest other sentence keeps the digest at two.
        chosen.append(min(pieces[1:], key=lambda p: p.words))
    chosen.sort(key=lambda p: p.start)
    return [p.text for p in chosen]


def _usable_pieces(doc: Doc, title: str | None, quoted: Sequence[tuple[int, int]]) -> list[_Piece]:
    """Sentences cut at line breaks, without headline, byline, caption or boilerplate lines."""
    text = text_of(doc)
    skip = boilerplate_ranges(text)
    entity_starts = [ent.start_char for ent in doc.ents]
    title_key = _key(title) if title else None
    datelines = dateline_ranges(text)
    pieces: list[_Piece] = []
    for sent in doc.sents:
        for line_start, end in _split_lines(text, sent.start_char, sent.end_char):
            # The parser may cut the dateline off or run it into the lead: drop it either way.
            start = _past_dateline(line_start, end, datelines)
            if start >= end:
                continue
            piece_text = text[start:end]
            if _inside_a_quotation(start, end, quoted):
                continue  # a source's words, printed without marks, would pass for narrative
            if not _is_story_sentence(text, start, end, piece_text, skip, title_key):
                continue
            count = bisect_left(entity_starts, end) - bisect_left(entity_starts, start)
            pieces.append(_Piece(start, end, piece_text, len(pieces), count))
    return pieces


def _inside_a_quotation(start: int, end: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a stretch begins or ends between a quotation's marks."""
    return any(q_start < start < q_end or q_start < end < q_end for q_start, q_end in quoted)


def _past_dateline(start: int, end: int, datelines: list[tuple[int, int]]) -> int:
    """Where a stretch of text starts once any dateline it begins inside is left out."""
    for d_start, d_end in datelines:
        if d_start <= start < d_end:
            return min(end, d_end)
    return start


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence's stretches between line breaks, stripped (spaCy may run a headline on)."""
    spans = []
    offset = start
    for part in text[start:end].split("\n"):
        stripped = part.strip()
        if stripped:
            left = offset + part.index(stripped)
            spans.append((left, left + len(stripped)))
        offset += len(part) + 1
    return spans


def _is_story_sentence(
    text: str,
    start: int,
    end: int,
    piece: str,
    skip: list[tuple[int, int]],
    title_key: str | None,
) -> bool:
    if len(piece.split()) < MIN_WORDS or in_ranges(start, end, skip):
        return False
    if title_key and _key(piece) == title_key:
        return False
    if not _quotes_balanced(piece):
        return False  # half a quotation reads as a fragment out of its paragraph
    line = _line_around(text, start, end)
    # A line that does not end like a sentence is a headline, subhead or caption.
    return not (len(line.split()) <= HEADLINE_MAX_WORDS and not ENDS_LIKE_A_SENTENCE.search(line))


def _quotes_balanced(piece: str) -> bool:
    return piece.count('"') % 2 == 0 and piece.count("“") == piece.count("”")


def _line_around(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end != -1 else len(text)].strip()


def _score(piece: _Piece, count: int, title_words: set[str]) -> float:
    """Earlier, denser in names, closer to the title, of news-sentence length: better."""
    position = 1.0 - piece.index / max(count, 1)
    density = min(piece.entities / max(piece.words, 1) * 5, 1.0)
    words = _content_words(piece.text)
    overlap = len(words & title_words) / len(title_words) if title_words else 0.0
    length = 1.0 if 10 <= piece.words <= 40 else 0.5
    opens_with_quote = 0.3 if piece.text[:1] in "\"“'‘" else 0.0
    # "It is the first stoppage..." needs the sentence before it to make sense.
    opens_with_pronoun = 1.0 if _first_word(piece.text) in _PRONOUNS else 0.0
    return 2.0 * position + density + 1.5 * overlap + length - opens_with_quote - opens_with_pronoun


def _first_word(text: str) -> str:
    match = _WORD.search(text)
    return match.group(0).lower() if match else ""


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
