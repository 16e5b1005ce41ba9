"""Concepts of the SKOS schemes (the closed lists) as RDF terms and triples for the article graphs.

The schemes themselves are defined once, by graph.validate.vocab.load_schemes (YAML -> ontology/vocab/*.ttl);
this module only mints the same IRIs and copies a concept's labels into each article graph that uses
it, so that one article's graph validates on its own.
"""

from __future__ import annotations

from functools import cache

from pyoxigraph import Literal, NamedNode

from graph.rdf.namespaces import SKOS, A
from graph.text.normalize import slug
from graph.validate.vocab import DEF, load_schemes


def scheme_iri(scheme: str) -> NamedNode:
    return NamedNode(f"{DEF}/{scheme}")


def concept_iri(scheme: str, notation: str) -> NamedNode:
    return NamedNode(f"{DEF}/{scheme}/{notation}")


@cache
def labels(scheme: str) -> dict[str, tuple[str, str]]:
    """notation -> (vi, en) for a scheme."""
    return {k: (c.vi, c.en) for k, c in load_schemes()[scheme].concepts.items()}


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
def concept_triples(scheme: str, notation: str, vi: str | None = None) -> list[tuple[NamedNode, NamedNode, object]]:
    """Type, labels, notation and scheme of one concept (so each article graph is self-contained).

    A notation outside the scheme (a role word the data files do not list yet) still gets a concept in
    its scheme, labelled with the words of the text; the validation report shows such concepts.
    """
    iri = concept_iri(scheme, notation)
    known = labels(scheme).get(notation)
    vi_label, en_label = known if known else (vi or notation, None)
    out: list[tuple[NamedNode, NamedNode, object]] = [
        (iri, A, SKOS.Concept),
        (iri, SKOS.prefLabel, Literal(vi_label, language="vi")),
        (iri, SKOS.notation, Literal(notation)),
        (iri, SKOS.inScheme, scheme_iri(scheme)),
    ]
    if en_label:
        out.append((iri, SKOS.prefLabel, Literal(en_label, language="en")))
    out.extend((iri, A, t) for t in _extra_types(scheme))
    # the scheme itself, so that an article graph validates on its own (skos:inScheme -> a skos:ConceptScheme)
    spec = load_schemes()[scheme]
    out.append((scheme_iri(scheme), A, SKOS.ConceptScheme))
    out.append((scheme_iri(scheme), SKOS.prefLabel, Literal(spec.vi, language="vi")))
    out.append((scheme_iri(scheme), SKOS.prefLabel, Literal(spec.en, language="en")))
    return out
