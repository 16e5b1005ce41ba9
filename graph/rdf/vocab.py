"""Concepts of the SKOS schemes (the closed lists) as RDF terms, and their triples for the vocabulary graph.

The schemes themselves are defined once, by graph.validate.vocab.load_schemes (YAML -> ontology/vocab/*.ttl);
this module mints the same IRIs.  A known concept's triples (type, labels, notation, scheme, and its
scheme's own) are written ONCE per build or store, into the vocabulary graph (``id:vocabulary``): an
article graph only refers to the concept, and lists it (its *vocabulary keys*) for the build to write.
Why: they were a fifth of every article graph's quads (26.6 of 157 on VNTC articles), each quad
written into six indexes of the on-disk store.  A concept outside its scheme (a role word the data files
do not list, labelled from the text) stays in its article's graph, since its labels come from that text.

A vocabulary key is ``scheme`` (the scheme's own triples) or ``scheme/notation`` (a known concept's).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from graph.rdf.namespaces import SKOS, A
from graph.store.prefixes import VOCABULARY_GRAPH
from graph.text.normalize import slug
from graph.validate.vocab import DEF, load_schemes

Triple3 = tuple[NamedNode, NamedNode, object]


def scheme_iri(scheme: str) -> NamedNode:
    return NamedNode(f"{DEF}/{scheme}")


def concept_iri(scheme: str, notation: str) -> NamedNode:
    return NamedNode(f"{DEF}/{scheme}/{notation}")


@cache
def labels(scheme: str) -> dict[str, tuple[str, str]]:
    """notation -> (vi, en) for a scheme."""
    return {k: (c.vi, c.en) for k, c in load_schemes()[scheme].concepts.items()}


def is_known(scheme: str, notation: str) -> bool:
    """Does the scheme's data file list this notation (then its triples go to the vocabulary graph)?"""
    return notation in labels(scheme)


@cache
def role_notation(label: str) -> str:
    for k, (vi, _en) in labels("role").items():
        if vi == label:
            return k
    return slug(label, 40)


@cache
def _extra_types(scheme: str) -> tuple[NamedNode, ...]:
    from graph.rdf.namespaces import PREFIXES

    out = []
    for curie in load_schemes()[scheme].types:
        prefix, local = curie.split(":", 1)
        out.append(NamedNode(PREFIXES[prefix] + local))
    return tuple(out)


@cache
def concept_own_triples(scheme: str, notation: str, vi: str | None = None) -> list[Triple3]:
    """Type, labels, notation and scheme of one concept (not its scheme's own triples).

    A notation outside the scheme (a role word the data files do not list yet) still gets a concept in
    its scheme, labelled with the words of the text; the validation report shows such concepts.
    """
    iri = concept_iri(scheme, notation)
    known = labels(scheme).get(notation)
    vi_label, en_label = known if known else (vi or notation, None)
    out: list[Triple3] = [
        (iri, A, SKOS.Concept),
        (iri, SKOS.prefLabel, Literal(vi_label, language="vi")),
        (iri, SKOS.notation, Literal(notation)),
        (iri, SKOS.inScheme, scheme_iri(scheme)),
    ]
    if en_label:
        out.append((iri, SKOS.prefLabel, Literal(en_label, language="en")))
    out.extend((iri, A, t) for t in _extra_types(scheme))
    return out


@cache
def scheme_triples(scheme: str) -> list[Triple3]:
    """The scheme's own triples (skos:inScheme -> a skos:ConceptScheme with its labels)."""
    spec = load_schemes()[scheme]
    return [(scheme_iri(scheme), A, SKOS.ConceptScheme),
            (scheme_iri(scheme), SKOS.prefLabel, Literal(spec.vi, language="vi")),
            (scheme_iri(scheme), SKOS.prefLabel, Literal(spec.en, language="en"))]


def concept_triples(scheme: str, notation: str, vi: str | None = None) -> list[Triple3]:
    """A concept's triples and its scheme's: what one article graph carried of it before the vocabulary graph."""
    return [*concept_own_triples(scheme, notation, vi), *scheme_triples(scheme)]


def key_triples(key: str) -> list[Triple3]:
    """The triples a vocabulary key stands for (``scheme`` or ``scheme/notation`` of a known concept)."""
    scheme, _, notation = key.partition("/")
    if not notation:
        return scheme_triples(scheme)
    if not is_known(scheme, notation):
        raise ValueError(f"{key}: not a concept of its scheme's data file")
    return concept_own_triples(scheme, notation)


def key_of(iri: str) -> str | None:
    """The vocabulary key of a concept or scheme IRI (``.../def/role/truong-ban`` -> ``role/truong-ban``)."""
    return iri[len(DEF) + 1:] if iri.startswith(DEF + "/") else None


def vocabulary_nquads(keys: Iterable[str], graph: str = VOCABULARY_GRAPH) -> bytes:
    """The keys' triples as N-Quads of the vocabulary graph (sorted keys: the same bytes every run)."""
    g = NamedNode(graph)
    quads = [Quad(s, p, o, g) for key in sorted(set(keys)) for s, p, o in key_triples(key)]  # type: ignore[arg-type]
    return serialize(quads, format=RdfFormat.N_QUADS) or b""
