"""Reading an article: entities, quotes with speakers, the digest. Pure functions, no I/O.

`pipeline.analyze` runs it all on a pipeline `nlp.load_pipeline` built (with the components of
`parse_fixes`); `types` holds the results. Sub-packages: `quotes` (quoted spans in the text),
`attribution` (who said each quote), `speakers` (cue tokens to canonical names), `entities`
(people, organisations, places), `text` (boilerplate, digest, answers). Word lists and label sets
shared between modules live in `lexicon`; `doc_text` keeps a parsed article's text.
"""
