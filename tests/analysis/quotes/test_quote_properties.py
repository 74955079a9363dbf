"""Property tests: any text, any arrangement of quotation marks, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from analysis.attribution import attribute_quotes
from analysis.entities import cluster_entities
from analysis.quotes.marks import find_quote_spans, is_direct_quote

MARKS = ['"', "“", "”", "‘", "’", "'", "''", "``", "'''", "«", "»"]
PIECES = [*MARKS, " ", "\n", "\n\n", ",", ".", "said", "he", "Ms. Park", "we won", "don't", "'90s"]
quote_heavy_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40
).map("".join)
any_text = st.one_of(st.text(max_size=200), quote_heavy_text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_spans_lie_inside_the_text_in_order(text: str) -> None:
    spans = find_quote_spans(text)
    previous_end = 0
    for span in spans:
        assert 0 <= span.open_mark < span.start <= span.end <= len(text)
        assert span.start >= previous_end
        assert span.close_mark is None or span.close_mark == span.end
        previous_end = span.end
        is_direct_quote(text, span)  # never raises


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(quote_heavy_text)
def test_attribution_never_fails_and_points_at_its_text(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for quote in attribute_quotes(doc, cluster_entities(doc)):
        assert quote.text == text[quote.start : quote.end]
        assert 0 <= quote.start <= quote.end <= len(text)
