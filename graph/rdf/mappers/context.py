"""What the mappers of one article share: its graph, its facts, and the nodes already minted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from graph.extract.facts import ArticleFacts, OrgRef
from graph.rdf.article_graph import ArticleGraph
from graph.text.dates import PartialDate


@dataclass
class MapContext:
    g: ArticleGraph
    facts: ArticleFacts
    org_key: Callable[[OrgRef, str], str]
    published: PartialDate | None
    scopes: dict[str, str] = field(default_factory=dict)              # name key -> person scope
    doc_iris: dict[str, NamedNode] = field(default_factory=dict)      # document number -> node
    prog_iris: dict[str, NamedNode] = field(default_factory=dict)     # programme key -> node
    memberships: dict[int, NamedNode] = field(default_factory=dict)   # index in facts.persons -> first holding

    @property
    def text(self) -> str:
        return self.g.article.text

    def scope_of(self, name: str, default: str) -> str:
        """The scope a person's key takes: one node per name in the article (graph.resolve.people)."""
        from graph.resolve import people

        return self.scopes.get(people.name_key(name), default)
