"""dantoc-kg: Vietnamese ethnic-affairs reports -> an RDF knowledge graph with provenance.

The pipeline follows the folders: read -> text (value parsers) -> extract -> resolve -> rdf ->
store/validate -> query/export/viz.  The public Python API lives in :mod:`graph.api`.
"""

__version__ = "0.1.0"
