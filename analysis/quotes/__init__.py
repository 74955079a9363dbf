"""Finding direct quotes in raw text: quotation marks paired paragraph by paragraph into spans,
full sentences and partial quotes of three or more words told from titles and scare quotes
(`marks`), and the token windows around a span that attribution reads (`windows`).

Exports `QuoteSpan`, `find_quote_spans` and `is_direct_quote`.
"""

from analysis.quotes.marks import QuoteSpan, find_quote_spans, is_direct_quote

__all__ = ["QuoteSpan", "find_quote_spans", "is_direct_quote"]
