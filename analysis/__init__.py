"""Reading an article: entities, quotes with speakers, the digest. Pure functions, no I/O."""
