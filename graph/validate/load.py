"""Load RDF for validation: parse with pyoxigraph (fast, native), hand pyshacl an rdflib Graph.

rdflib's own parser is ~10x slower than pyoxigraph's (see ENGINES.md), so files are parsed natively
and the terms copied into an rdflib Graph.  Named graphs are merged: the profile's constraints hold on
the union (a node's triples are spread over the article graphs that assert it).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import XSD

from graph.errors import UserError

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}

_XSD_STRING = str(XSD.string)


class _TermConverter:
    """pyoxigraph terms -> rdflib terms, caching IRIs and datatypes (they repeat a lot)."""

    def __init__(self) -> None:
        self._iris: dict[str, rdflib.URIRef] = {}

    def iri(self, value: str) -> rdflib.URIRef:
        node = self._iris.get(value)
        if node is None:
            node = self._iris[value] = rdflib.URIRef(value)
        return node

    def term(self, t: object) -> rdflib.term.Node:
        if isinstance(t, ox.NamedNode):
            return self.iri(t.value)
        if isinstance(t, ox.BlankNode):
            return rdflib.BNode(t.value)
        if isinstance(t, ox.Literal):
            if t.language:
                return rdflib.Literal(t.value, lang=t.language)
            datatype = t.datatype.value
            if datatype == _XSD_STRING:  # RDF 1.1: "x" and "x"^^xsd:string are one term; rdflib parses "x"
                return rdflib.Literal(t.value)
            return rdflib.Literal(t.value, datatype=self.iri(datatype))
        raise UserError(f"unsupported RDF term in input: {t!r}")


def quads_to_graph(quads: Iterable[ox.Quad], into: rdflib.Graph | None = None) -> rdflib.Graph:
    """Copy quads (graph names dropped: the union) into an rdflib Graph."""
    g = into if into is not None else rdflib.Graph()
    conv = _TermConverter()
    add = g.add
    term = conv.term
    for q in quads:
        add((term(q.subject), term(q.predicate), term(q.object)))
    return g


def store_to_graph(store: ox.Store, into: rdflib.Graph | None = None) -> rdflib.Graph:
    """The union of all graphs of a pyoxigraph Store as an rdflib Graph."""
    return quads_to_graph(store.quads_for_pattern(None, None, None, None), into)


def rdf_format(path: Path) -> ox.RdfFormat:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise UserError(f"{path.name}: unknown RDF file type {path.suffix!r} (known: {known})")
    return fmt


def load_graph(path: Path | str, into: rdflib.Graph | None = None) -> rdflib.Graph:
    """Parse an RDF file (by extension) with pyoxigraph into an rdflib Graph (union of its graphs)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such file")
    fmt = rdf_format(path)
    try:
        return quads_to_graph(ox.parse(path=str(path), format=fmt), into)
    except SyntaxError as exc:
        raise UserError(f"{path.name}: not valid {path.suffix} RDF: {exc}") from None
    except (OSError, ValueError) as exc:
        raise UserError(f"{path.name}: cannot read: {exc}") from None


def union_graph(data: rdflib.Graph) -> rdflib.Graph:
    """A plain Graph for pyshacl: a Dataset/ConjunctiveGraph is flattened to its union."""
    if isinstance(data, rdflib.ConjunctiveGraph | rdflib.Dataset):
        g = rdflib.Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            g.add((s, p, o))
        for prefix, ns in data.namespaces():
            g.bind(prefix, ns, override=False)
        return g
    return data
