"""One article's facts -> the quads of its named graph (docs/MODEL.md is the spec).

Everything an article asserts goes into the graph named by the article's IRI, including the type and
label of shared nodes (bodies, people, documents), so that removing the article removes exactly what
it said, and the union of graphs is the knowledge graph.  IRIs come from normalised keys only
(graph.resolve.keys, graph.resolve.orgs.org_key); no text from the article reaches an IRI unslugged.

Each fact kind has its own mapper in graph/rdf/mappers/ (how events become RDF is in ``events.py``);
this module runs them in the order their links need: documents before the programmes they approve,
holdings before the participations that name them.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.extract.facts import ArticleFacts, OrgRef
from graph.rdf.article_graph import ArticleGraph, ArticleLike, PlaceInfo, date_literal
from graph.rdf.mappers.article import map_article, map_authors
from graph.rdf.mappers.bodies import map_bodies
from graph.rdf.mappers.changes import map_changes
from graph.rdf.mappers.context import MapContext
from graph.rdf.mappers.documents import map_documents
from graph.rdf.mappers.events import map_events
from graph.rdf.mappers.figures import map_figures, period_iri
from graph.rdf.mappers.officials import map_officials
from graph.rdf.mappers.programmes import map_programmes
from graph.resolve import people
from graph.text.dates import PartialDate

MAPPERS = (map_article, map_authors, map_bodies, map_documents, map_programmes, map_officials, map_events,
           map_figures, map_changes)   # changes last: they are about every body the others named


def build_article_graph(
    article: ArticleLike,
    facts: ArticleFacts,
    *,
    org_key: Callable[[OrgRef, str], str],
    parent_of: Callable[[OrgRef], OrgRef | None],
    place: Callable[[str], PlaceInfo | None],
    guide_of: Callable[[OrgRef], OrgRef | None] = lambda o: None,
) -> ArticleGraph:
    g = ArticleGraph(article, org_key, parent_of, place, guide_of)
    published = PartialDate.from_date(article.published) if article.published else None
    c = MapContext(g, facts, org_key, published,
                   scopes=people.person_scopes(facts, article.text, g.scope))   # one node per name in the article
    for mapper in MAPPERS:
        mapper(c)
    return g


__all__ = ["MAPPERS", "ArticleGraph", "build_article_graph", "date_literal", "period_iri"]
