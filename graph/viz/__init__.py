"""See the relationships: project the RDF graph onto people, bodies, documents, programmes, events
and places (``projection.yaml``), then draw it as an offline HTML page or a PNG/SVG picture, or
measure it (centrality, communities)."""

from __future__ import annotations

from graph.viz.html import write_html
from graph.viz.project import filter_graph, find_node, query_to_networkx, to_networkx

__all__ = ["centrality_table", "filter_graph", "find_node", "query_to_networkx", "to_networkx",
           "write_html", "write_image"]


def write_image(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Draw a static PNG/SVG picture (matplotlib); see :func:`graph.viz.image.write_image`."""
    from graph.viz.image import write_image as _write_image  # matplotlib is slow to import

    return _write_image(*args, **kwargs)


def centrality_table(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Network analysis tables; see :func:`graph.viz.stats.centrality_table`."""
    from graph.viz.stats import centrality_table as _centrality_table

    return _centrality_table(*args, **kwargs)
