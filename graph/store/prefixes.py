"""The namespace prefixes of the RDF profile (docs/MODEL.md), used by every serialiser and query.

Kept in one dict so Turtle/TriG/JSON-LD exports, table output and ``--param`` CURIEs agree.
"""

from __future__ import annotations

PREFIXES: dict[str, str] = {
    "dt": "https://w3id.org/dantoc-kg/def#",
    "dtk": "https://w3id.org/dantoc-kg/def/",
    "id": "https://w3id.org/dantoc-kg/id/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "http://schema.org/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "eli-dl": "http://data.europa.eu/eli/eli-draft-legislation-ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "time": "http://www.w3.org/2006/time#",
    "qb": "http://purl.org/linked-data/cube#",
    "sdmx-measure": "http://purl.org/linked-data/sdmx/2009/measure#",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "sdmx-attribute": "http://purl.org/linked-data/sdmx/2009/attribute#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
}

ID = PREFIXES["id"]
DCTERMS_IDENTIFIER = PREFIXES["dcterms"] + "identifier"
RDF_TYPE = PREFIXES["rdf"] + "type"
# the named graph holding, once, the SKOS concepts (and their schemes) that the articles use (graph.rdf.vocab):
# an article graph only refers to them; it is no article (KGStore.articles leaves it out)
VOCABULARY_GRAPH = ID + "vocabulary"

# longest namespace first, so dtk: (…/def/) wins over nothing and id: is tried before shorter ones
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_SAFE_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def compact(iri: str, *, strict: bool = False) -> str:
    """``https://w3id.org/dantoc-kg/id/org/x`` -> ``id:org/x`` for display; the IRI itself if no prefix fits.

    ``strict`` keeps only local names that are also valid in Turtle/SPARQL prefixed names
    (letters, digits, ``-_.``, not ending in ``.``; no ``/``), for output meant to be parsed again.
    """
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns):
            local = iri[len(ns) :]
            if strict and (
                not local or local.endswith(".") or local[0] in "-." or not set(local) <= _SAFE_LOCAL
            ):
                continue
            return f"{prefix}:{local}"
    return iri


def article_iri(h16: str) -> str:
    """The article IRI (and named graph name) for the first 16 hex digits of its text's sha1."""
    return f"{ID}article/{h16}"
