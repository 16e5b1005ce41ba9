"""Bodies named in the text: each mention a node (graph.rdf.article_graph.ArticleGraph.org) and its phrase."""

from __future__ import annotations

from graph.rdf.mappers.context import MapContext


def map_bodies(c: MapContext) -> None:
    for om in c.facts.organizations:
        c.g.org(om.org, om.sentence, om.span if om.named else None)
