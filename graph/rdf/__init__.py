"""Facts -> RDF, following docs/MODEL.md (the dantoc-kg profile)."""
