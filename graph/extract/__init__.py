"""Fact extraction: one module per fact kind, each returning the dataclasses of :mod:`graph.extract.facts`."""
