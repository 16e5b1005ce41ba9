"""The article itself: a schema:NewsArticle that is also the NIF context of every offset, and its bylines."""

from __future__ import annotations

import re

from pyoxigraph import Literal, NamedNode

from graph import __version__
from graph.extract.facts import Span
from graph.rdf.article_graph import date_literal, integer, vi
from graph.rdf.mappers.context import MapContext
from graph.rdf.namespaces import DCTERMS, DT, NIF, SCHEMA, A


def map_article(c: MapContext) -> None:
    g, art, text, article, published = c.g, c.g.iri, c.text, c.g.article, c.published
    g.add(art, A, SCHEMA.NewsArticle)
    g.add(art, A, NIF.Context)
    g.add(art, DCTERMS.identifier, Literal(article.source))
    g.add(art, DT.sha1, Literal(article.sha1))
    g.add(art, DT.extractorVersion, Literal(__version__))
    # NIF 2.0: a context carries its text, so every offset can be checked in SPARQL alone
    g.add(art, NIF.isString, Literal(text))
    g.add(art, NIF.beginIndex, integer(0))
    g.add(art, NIF.endIndex, integer(len(text)))
    if article.title:
        g.add(art, SCHEMA.headline, vi(article.title))
    if published:
        g.add(art, SCHEMA.datePublished, date_literal(published))
    url = safe_url(article.url)
    if url is not None:
        g.add(art, SCHEMA.url, url)
    where = g.place(c.facts.province)
    if where is not None:
        g.add(art, SCHEMA.contentLocation, where)


def map_authors(c: MapContext) -> None:
    """A byline names a person; its evidence is the line it stands on."""
    g, text = c.g, c.text
    for author in g.article.authors:
        hits = list(re.finditer(re.escape(author), text, re.IGNORECASE))   # bylines are often in capitals
        at = hits[-1].start() if hits else -1
        sent = line_of(text, at) if at >= 0 else None
        if sent is None:
            continue
        node = g.person(author, c.scope_of(author, c.facts.province or g.scope), sent, None)
        g.add(g.iri, SCHEMA.author, node)


def safe_url(url: str | None) -> NamedNode | None:
    """The page's URL as an IRI; characters IRIs forbid are percent-encoded, anything unusable is dropped."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    from urllib.parse import quote

    try:
        return NamedNode(quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%-._~"))
    except ValueError:
        return None


def line_of(text: str, at: int) -> Span | None:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    s, e = start + lead, start + len(seg.rstrip())
    return Span(s, e) if e > s else None
