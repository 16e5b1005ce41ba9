"""dantoc-kg: Vietnamese ethnic-affairs reports -> an RDF knowledge graph with provenance.

The pipeline follows the folders: read -> text (value parsers) -> extract -> resolve -> rdf ->
store/validate -> query/export/viz.  The public Python API lives in :mod:`graph.api`.
"""

from typing import Any

__version__ = "0.1.0"
__all__ = ["build", "load"]


def __getattr__(name: str) -> Any:
    """``graph.build`` / ``graph.load`` without importing the engines on ``import graph``."""
    if name in {"build", "load", "KnowledgeGraph"}:
        from graph import api

        return getattr(api, name)
    raise AttributeError(name)
