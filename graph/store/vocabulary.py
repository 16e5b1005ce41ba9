"""The store's vocabulary graph: the SKOS concepts the articles use, once, and what a removal leaves unused.

The build writes a known concept's triples (graph.rdf.vocab) into the vocabulary graph the first time an
article of the store uses it; the article graphs only refer to it.  So that the union stays what a
fresh build of the same articles shows (only the concepts some article uses, not whole schemes), a
write that drops article graphs also drops from the vocabulary graph, in the same transaction, each
concept those graphs referred to and no remaining article graph refers to, then each scheme left with
no concept, and their triples from the union unless another graph still states them (a store written
before the vocabulary graph existed keeps copies in its article graphs).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph.store.prefixes import PREFIXES, RDF_TYPE, VOCABULARY_GRAPH

VOCAB = ox.NamedNode(VOCABULARY_GRAPH)
_DTK = PREFIXES["dtk"]   # the concepts' and schemes' namespace
_TYPE = ox.NamedNode(RDF_TYPE)
_CONCEPT = ox.NamedNode(PREFIXES["skos"] + "Concept")
_SCHEME = ox.NamedNode(PREFIXES["skos"] + "ConceptScheme")
_IN_SCHEME = ox.NamedNode(PREFIXES["skos"] + "inScheme")


def keys_in(store: ox.Store) -> set[str]:
    """The vocabulary keys (graph.rdf.vocab: ``scheme``, ``scheme/notation``) the vocabulary graph holds."""
    return {q.subject.value[len(_DTK):] for q in store.quads_for_pattern(None, _TYPE, None, VOCAB)
            if q.object in (_CONCEPT, _SCHEME) and q.subject.value.startswith(_DTK)}


def candidates(store: ox.Store, graphs: Iterable[str]) -> set[ox.NamedNode]:
    """The vocabulary graph's nodes these (article) graphs refer to, and their schemes: the ones their
    removal may leave unused.  Read before the graphs are dropped."""
    out: set[ox.NamedNode] = set()
    seen: set[ox.NamedNode] = set()
    for name in graphs:
        g = ox.NamedNode(name)
        if g == VOCAB:
            continue
        for q in store.quads_for_pattern(None, None, None, g):
            o = q.object
            if not isinstance(o, ox.NamedNode) or o in seen or not o.value.startswith(_DTK):
                continue
            seen.add(o)
            if next(store.quads_for_pattern(o, None, None, VOCAB), None) is not None:
                out.add(o)
                out.update(s.object for s in store.quads_for_pattern(o, _IN_SCHEME, None, VOCAB)
                           if isinstance(s.object, ox.NamedNode))
    return out


def triples_of(store: ox.Store, nodes: Iterable[ox.NamedNode]) -> list[ox.Triple]:
    """The vocabulary graph's triples about these nodes (what a prune may take out of the union)."""
    return [q.triple for n in nodes for q in store.quads_for_pattern(n, None, None, VOCAB)]


def prune_ops(nodes: set[ox.NamedNode]) -> list[str]:
    """Update operations (run after the graphs are dropped or replaced, in the same request): the
    concepts among ``nodes`` no other graph refers to leave the vocabulary graph, then the schemes left
    without a concept, then those nodes' triples leave the union unless a graph still states them."""
    if not nodes:
        return []
    values = " ".join(str(n) for n in sorted(nodes, key=lambda n: n.value))
    return [
        f"DELETE {{ GRAPH {VOCAB} {{ ?c ?p ?o }} }} WHERE {{ VALUES ?c {{ {values} }} "
        f"GRAPH {VOCAB} {{ ?c {_TYPE} {_CONCEPT} . ?c ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?x ?c }} FILTER(?g != {VOCAB}) }} }}",
        f"DELETE {{ GRAPH {VOCAB} {{ ?k ?p ?o }} }} WHERE {{ VALUES ?k {{ {values} }} "
        f"GRAPH {VOCAB} {{ ?k {_TYPE} {_SCHEME} . ?k ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?c {_IN_SCHEME} ?k }} }} }}",
        f"DELETE {{ ?n ?p ?o }} WHERE {{ VALUES ?n {{ {values} }} ?n ?p ?o "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?n ?p ?o }} }} }}",
    ]


__all__ = ["VOCAB", "candidates", "keys_in", "prune_ops", "triples_of"]
