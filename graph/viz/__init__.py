"""See the relationships: project the RDF graph onto people, bodies, documents, programmes, events
and places (``projection.yaml``), then draw it as an offline HTML page or a PNG/SVG picture, or
measure it (centrality, communities).

    g = to_networkx("graph.ttl", focus="Thạch Sô Phết", depth=2)
    write_html(g, "page.html"); write_image(g, "page.png"); centrality_table(g, top=10)
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from graph.viz.html import write_html
from graph.viz.project import filter_graph, find_node, query_to_networkx, to_networkx
from graph.viz.stats import centrality_table

__all__ = ["centrality_table", "filter_graph", "find_node", "query_to_networkx", "to_networkx",
           "write_html", "write_image"]


def write_image(g: nx.MultiDiGraph, out: str | os.PathLike[str], *, format: str | None = None,
                title: str | None = None, focus: str | None = None) -> Path:
    """Write a static PNG or SVG picture of ``g`` with matplotlib (format from the suffix when not
    given): spread layout, labels for the most central nodes and the focus, legend by kind.
    matplotlib is imported only here because it is slow to import."""
    from graph.viz.image import write_image as _write_image

    return _write_image(g, out, format=format, title=title, focus=focus)
